// Global ids as writes take them: a Relay id of the expected type (or a raw id), anything else NotFound.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { NotFoundError } from '../errors/index.ts';

/** Decodes a global id of `typename` (or accepts a raw id); throws NotFound for another type's id or garbage. */
export function idOfType(typename: string, id: string | number): string {
  const raw = String(id);
  try {
    const decoded = decodeGlobalID(raw);
    if (decoded.typename !== typename) throw new NotFoundError(typename, raw);
    return decoded.id;
  } catch (error) {
    if (error instanceof NotFoundError) throw error;
    throw new NotFoundError(typename, raw);
  }
}
