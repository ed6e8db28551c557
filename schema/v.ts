import { graphql } from 'graphql';
import { schema } from './src/index.ts';
const r = await graphql({ schema, source: 'mutation { signIn(input:{login:"", password:""}) { __typename } }', contextValue: { viewer: null, clientIp: 'x', prisma: null } });
console.log(JSON.stringify(r));
