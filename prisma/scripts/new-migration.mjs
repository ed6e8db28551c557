// Usage: npm run migration:new --workspace @whistlehub/prisma -- <name>
// Diffs schema/models.prisma against the schema snapshot of the newest migration, per provider, and
// writes migrations/<provider>/<timestamp>_<name>/{migration.sql,schema.prisma}. The snapshot stands
// in for a shadow database, which the offline JavaScript schema engine cannot introspect on PostgreSQL.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prisma, root, writeSchemas } from './prisma-cli.mjs';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: migration:new <snake_case_name>');
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
for (const t of writeSchemas()) {
  const dir = join(root, 'migrations', t.provider);
  mkdirSync(dir, { recursive: true });
  const previous = readdirSync(dir).filter((d) => existsSync(join(dir, d, 'schema.prisma'))).sort().at(-1);
  const from = previous ? ['--from-schema-datamodel', join(dir, previous, 'schema.prisma')] : ['--from-empty'];
  const sql = prisma(t, ['migrate', 'diff', ...from, '--to-schema-datamodel', join(root, t.dir, 'schema.prisma'), '--script']);
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log(`${t.provider}: no changes`);
    continue;
  }
  const out = join(dir, `${stamp}_${name}`);
  mkdirSync(out);
  writeFileSync(join(out, 'migration.sql'), sql);
  writeFileSync(join(out, 'schema.prisma'), t.text);
  console.log(`${t.provider}: wrote ${out}`);
}
