// npm start: migrate, seed an empty database, serve on PORT; exit cleanly on SIGTERM/SIGINT.
import { fileURLToPath } from 'node:url';
import { createPrisma, databaseUrl, migrate, redactUrl, seedIfEmpty } from '@whistlehub/prisma';
import { createInProcessPubSub, feedHubFor, presenceHubFor, pruneReceipts, watchOverdue, watchWhistleDeadlines } from '@whistlehub/schema';
import { createRedisPubSub } from './pubsub.ts';
import { createLogger } from './logger.ts';
import { startServer } from './server.ts';
import { createApp } from './yoga.ts';

const logger = createLogger();
const port = Number(process.env.PORT ?? 4000);
const webDist = process.env.WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url));

// A start-up failure is one fatal line and exit 1, no stack: the usual causes (a server that is down, a
// wrong URL, an edited migration) are for an operator to fix, and their messages say what to do. A
// Prisma error's message opens with a code frame; its last line is the cause.
function fatal(message: string, error: unknown, fields: Record<string, unknown> = {}): never {
  const { name, code, message: text = String(error) } = error as { name?: string; code?: string; message?: string };
  logger.fatal({ ...fields, error: name, code, reason: text.trim().split('\n').at(-1)?.trim() }, message);
  process.exit(1);
}

async function main() {
  const url = databaseUrl();
  const database = redactUrl(url);
  try {
    const result = await migrate(url);
    logger.info({ database, applied: result.applied, alreadyApplied: result.alreadyApplied }, 'migrations');
  } catch (error) {
    fatal('cannot reach or migrate the database', error, { database });
  }
  const prisma = await createPrisma(url);
  try {
    // several instances starting together on a fresh database: one seeds, the others wait for it
    if (await seedIfEmpty(prisma)) logger.info('seeded the empty database with the demo data');
  } catch (error) {
    fatal('cannot seed the database', error, { database });
  }
  // REDIS_URL: several api processes share live events through Redis; without it, one process
  const redisUrl = process.env.REDIS_URL;
  const redis = redisUrl ? createRedisPubSub(redisUrl, { onError: (error) => logger.warn({ err: error }, 'redis') }) : null;
  if (redis) {
    try {
      await redis.ready;
      logger.info({ redis: redactUrl(redisUrl!) }, 'live events shared through Redis');
    } catch (error) {
      // not fatal: feeds poll the database, so live updates arrive within a poll until Redis is back
      logger.error({ redis: redactUrl(redisUrl!), err: error }, 'Redis is unreachable; live updates fall back to polling until it answers');
    }
  }
  const pubsub = redis?.pubsub ?? createInProcessPubSub();
  // the process's feed hub, made before the app so that the app's context uses this one
  // FEED_POLL_MS: how often each feed reads the log without a nudge (the bound on a lost nudge's delay)
  const pollMs = Number(process.env.FEED_POLL_MS ?? 5_000);
  const feeds = feedHubFor(pubsub, { pollMs, onError: (error) => logger.error({ err: error }, 'feed read failed') });
  // the process's presence hub, listening from start-up so it hears every instance's beats before anyone asks
  const presence = presenceHubFor(pubsub);
  const app = createApp({ prisma, logger, pubsub });
  // nudges published while Redis was away are lost: read every feed as soon as it is back
  redis?.onReconnect(() => void feeds.catchUp());
  const server = await startServer({ app, port, host: process.env.HOST ?? '0.0.0.0', webDist });
  const stopWatch = watchOverdue(prisma, feeds, 60_000, (error) => logger.error({ err: error }, 'overdue watch failed'));
  // whistle deadlines are rows: the first pass sweeps those missed while down, then one pass a second (each fires once across instances)
  const stopWhistleWatch = watchWhistleDeadlines(prisma, feeds, 1_000, (error) => logger.error({ err: error }, 'whistle deadline watch failed'));
  // mutation receipts answer retries for a week (spine/writes.ts); older ones are deleted hourly
  const prune = setInterval(() => {
    pruneReceipts(prisma).catch((error: unknown) => logger.error({ err: error }, 'receipt pruning failed'));
  }, 60 * 60_000);
  prune.unref();
  logger.info({ port: server.port, web: webDist }, `Whistlehub listening on http://localhost:${server.port}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const hardStop = setTimeout(() => process.exit(1), 10_000).unref();
    stopWatch();
    stopWhistleWatch();
    clearInterval(prune);
    await server.close();
    feeds.close();
    presence.close();
    await redis?.close();
    await prisma.$disconnect();
    clearTimeout(hardStop);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => fatal('start-up failed', error));
