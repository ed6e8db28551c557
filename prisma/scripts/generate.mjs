// Writes one Prisma schema per provider from schema/models.prisma and generates a client for each
// (the generated client embeds its provider's query compiler, so one schema cannot serve both).
// The Pothos types come from the SQLite schema only: the models, and so the types, are the same.
import { prisma, writeSchemas } from './prisma-cli.mjs';

for (const t of writeSchemas()) prisma(t, ['generate', '--no-hints']);
console.log('prisma: generated the sqlite and postgres clients and the Pothos types');
