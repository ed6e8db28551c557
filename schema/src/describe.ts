import { type GraphQLSchema, isObjectType } from 'graphql';

/**
 * plugin-prisma's `totalCount: true` adds a `totalCount` field to the connection but takes no
 * description for it; every public field must have one, so it is filled in once the schema is built.
 */
export function describeTotalCounts(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const field = type.getFields().totalCount;
    if (field && !field.description && field.extensions?.pothosPrismaTotalCount) {
      field.description = 'Number of items in the whole list, not only this page.';
    }
  }
  return schema;
}
