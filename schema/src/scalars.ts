import { GraphQLError, Kind } from 'graphql';
import { builder } from './builder.ts';

const parseDate = (value: unknown) => {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO-8601 string');
  return date;
};

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO-8601 string in UTC, e.g. 2026-11-22T08:30:00.000Z.',
  serialize: (value) => value.toISOString(),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
});
