// Prisma CLI configuration for the sqlite schema. engine 'js' with a driver adapter keeps the CLI offline:
// the classic engine would download a schema-engine binary (see shared/DESIGN.md).
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: './schema.prisma',
  adapter: async () => new PrismaBetterSQLite3({ url: process.env.DATABASE_URL?.startsWith('file:') ? process.env.DATABASE_URL : 'file:./unused.db' }),
});
