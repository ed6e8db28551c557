import { CommunityKind, DepartmentLevel, StreetKind } from '@whistlehub/prisma';
import { builder } from '../../builder.ts';

export const StreetKindEnum = builder.enumType(StreetKind, {
  name: 'StreetKind',
  description: 'Urban street office (街道) or rural township (乡镇).',
});
export const CommunityKindEnum = builder.enumType(CommunityKind, {
  name: 'CommunityKind',
  description: 'Urban community (社区) or village (村).',
});
export const DepartmentLevelEnum = builder.enumType(DepartmentLevel, {
  name: 'DepartmentLevel',
  description: 'Whether a department belongs to the city or to one district.',
});

/** A point in WGS84 longitude/latitude. */
export const LngLat = builder.simpleObject('LngLat', {
  description: 'A point in WGS84 degrees.',
  fields: (t) => ({
    lng: t.float({ description: 'Longitude, degrees east.' }),
    lat: t.float({ description: 'Latitude, degrees north.' }),
  }),
});

/** A point as an input (a ticket's location, a whistle's, a check-in's). */
export const LngLatInput = builder.inputType('LngLatInput', {
  description: 'A point in WGS84 degrees.',
  fields: (t) => ({
    lng: t.float({ description: 'Longitude, degrees east.' }),
    lat: t.float({ description: 'Latitude, degrees north.' }),
  }),
});

/** The centroid of a row with nullable centroid columns, or null. */
export const centroidOf = (row: { centroidLng: number | null; centroidLat: number | null }) =>
  row.centroidLng == null || row.centroidLat == null ? null : { lng: row.centroidLng, lat: row.centroidLat };
