// npm run seed: migrate, wipe and re-seed the configured database (DATABASE_URL or the embedded file).
import { createPrisma } from '../client.ts';
import { databaseUrl, redactUrl } from '../database.ts';
import { migrate } from '../migrate.ts';
import { seed, wipe } from './seed.ts';

const url = databaseUrl();
await migrate(url);
const prisma = await createPrisma(url);
try {
  await wipe(prisma);
  const result = await seed(prisma);
  console.log(`seeded ${redactUrl(url)}: ${result.gridCells} grid cells, ${result.tickets} tickets, ${result.users} demo accounts`);
} finally {
  await prisma.$disconnect();
}
