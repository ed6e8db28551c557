export { createApp, type App, type AppOptions } from './yoga.ts';
export { startServer, type RunningServer, type ServerOptions } from './server.ts';
export { createLogger } from './logger.ts';
export { SESSION_COOKIE } from './auth/credentials.ts';
export { createRedisPubSub, type RedisPubSub } from './pubsub.ts';
export { QUERY_LIMITS, useQueryLimits } from './limits.ts';
