// The hub for the fan-out bench, composed as api/src/main.ts composes it (createApp + startServer on
// one port, the in-process pub/sub or, with --redis, the api's Redis pub/sub) on a database the bench
// already migrated and seeded (DATABASE_URL). One addition: every feed nudge is stamped on the
// monotonic clock and reported over IPC. A write publishes its nudge right after its transaction
// commits (spine/writes.ts afterCommit → FeedHub.nudge), so the stamp is the commit time the delivery
// latency is measured from.
// IPC out: { kind: 'listening', port }, { kind: 'nudge', key, position, t }; IPC in: { kind: 'memory' },
// answered with { kind: 'memory', ...process.memoryUsage() }.
import { parseArgs } from 'node:util';
import { createPrisma } from '@whistlehub/prisma';
import { createApp, createLogger, createRedisPubSub, startServer } from '@whistlehub/api';
import { reportMemoryOnRequest } from '../lib/memory.ts';

const { values } = parseArgs({ options: { redis: { type: 'string' }, name: { type: 'string', default: 'hub' } } });
const monoMs = () => Number(process.hrtime.bigint()) / 1e6;
const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const prisma = await createPrisma(url);
const redis = values.redis ? createRedisPubSub(values.redis, { onError: (error) => logger.warn({ err: error }, 'redis') }) : null;
await redis?.ready;
const app = createApp({ prisma, logger, graphiql: false, ...(redis ? { pubsub: redis.pubsub } : {}) });

// the feed hub calls `pubsub.publish` on this object (feedHubFor(pubsub) in the context factory)
const publish = app.pubsub.publish.bind(app.pubsub) as (...args: unknown[]) => void;
app.pubsub.publish = ((...args: unknown[]) => {
  if (args[0] === 'feed') {
    const [, key, nudge] = args as [string, string, { position: number }];
    process.send?.({ kind: 'nudge', key, position: nudge.position, t: monoMs() });
  }
  publish(...args);
}) as typeof app.pubsub.publish;

const server = await startServer({ app, port: 0, host: '127.0.0.1', shutdownGraceMs: 500 });
process.send?.({ kind: 'listening', port: server.port, name: values.name });

reportMemoryOnRequest();

process.on('SIGTERM', () => {
  void (async () => {
    await server.close();
    await redis?.close();
    await prisma.$disconnect();
    process.exit(0);
  })();
});
