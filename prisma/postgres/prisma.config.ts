// Prisma CLI configuration for the postgres schema. The JavaScript schema engine connects even to diff
// two schema files, so migration:new needs a PostgreSQL server (MIGRATION_DIFF_URL, default below).
// the classic engine would download a schema-engine binary (see shared/DESIGN.md).
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: './schema.prisma',
  adapter: async () => new PrismaPg({ connectionString: process.env.MIGRATION_DIFF_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' }),
});
