export * from './client.ts';
export * from './database.ts';
export * from './migrate.ts';
export * from './password.ts';
export { seed, seedIfEmpty, wipe, DEMO_PASSWORD, DEMO_ACCOUNTS } from './seed/seed.ts';
