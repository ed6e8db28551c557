// npm start: migrate, seed an empty database, serve on PORT; exit cleanly on SIGTERM/SIGINT.
import { fileURLToPath } from 'node:url';
import { createPrisma, databaseUrl, migrate, redactUrl, seedIfEmpty } from '@whistlehub/prisma';
import { feedHubFor, watchOverdue } from '@whistlehub/schema';
import { createLogger } from './logger.ts';
import { startServer } from './server.ts';
import { createApp } from './yoga.ts';

const logger = createLogger();
const url = databaseUrl();
const port = Number(process.env.PORT ?? 4000);
const webDist = process.env.WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url));

async function main() {
  try {
    const result = await migrate(url);
    logger.info({ database: redactUrl(url), applied: result.applied, alreadyApplied: result.alreadyApplied }, 'migrations');
  } catch (error) {
    // one clear line, no stack: the usual cause is a server that is down or a wrong URL
    logger.fatal({ database: redactUrl(url), reason: (error as Error).message }, 'cannot reach or migrate the database');
    process.exit(1);
  }
  const prisma = await createPrisma(url);
  if (await seedIfEmpty(prisma)) logger.info('seeded the empty database with the demo data');
  const app = createApp({ prisma, logger });
  const server = await startServer({ app, port, host: process.env.HOST ?? '0.0.0.0', webDist });
  const stopWatch = watchOverdue(prisma, feedHubFor(app.pubsub), 60_000, (error) => logger.error({ err: error }, 'overdue watch failed'));
  logger.info({ port: server.port, web: webDist }, `Whistlehub listening on http://localhost:${server.port}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const hardStop = setTimeout(() => process.exit(1), 10_000).unref();
    stopWatch();
    await server.close();
    await prisma.$disconnect();
    clearTimeout(hardStop);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

void main();
