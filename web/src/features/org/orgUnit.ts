// The one selection of an org unit: whatever the level (district, street office or township,
// community or village, grid cell, department), a view that names or links a unit needs its id (for
// Graphcache), its code (for the address, /org/<codes>) and its names. The schema has no common
// interface for the units, so the fragment is on Node with one branch per unit type; spread inside a
// District (say), only the District branch applies and gql.tada types it as such.
import { graphql } from '../../graphql/graphql.ts';

/**
 * An org unit's id, code and names (grid cells have a Chinese name only). Unmasked: it is a shape the
 * views share, not one component's data, and `unitName` and `orgPath` read it wherever it is spread.
 */
export const OrgUnitFields = graphql(`
  fragment OrgUnitFields on Node @_unmask {
    id
    ... on District {
      code
      name
      nameEn
    }
    ... on Street {
      code
      name
      nameEn
    }
    ... on Community {
      code
      name
      nameEn
    }
    ... on GridCell {
      code
      name
    }
    ... on Department {
      code
      name
      nameEn
    }
  }
`);
