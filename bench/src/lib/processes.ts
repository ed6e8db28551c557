// Child processes for the benches: the hub and the baselines run in their own process so that the
// load generator (autocannon, or a thousand WebSocket clients) does not share their event loop.
// Their output goes to a log file (the kernel writes it, not this process); `ipc` carries messages.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = fileURLToPath(new URL('../..', import.meta.url));
export const repoDir = fileURLToPath(new URL('../../..', import.meta.url));

export interface Child {
  name: string;
  process: ChildProcess;
  logPath: string;
  /** the last lines of its log, for an error message */
  tail(lines?: number): string;
  /** resolves with the first IPC message that matches (rejects if the process exits first or after `ms`) */
  message<T = any>(match: (message: any) => boolean, ms?: number): Promise<T>;
  send(message: unknown): void;
  /** SIGTERM, then SIGKILL after 10 s; resolves with the exit code */
  stop(): Promise<number | null>;
}

const children = new Set<Child>();
let cleanupInstalled = false;

/** Starts `node --import tsx <script>` with an IPC channel. */
export function spawnTs(name: string, script: string, options: { args?: string[]; env?: Record<string, string | undefined> } = {}): Child {
  const logPath = join(tmpdir(), `whistlehub-bench-${name}-${process.pid}-${Date.now().toString(36)}.log`);
  const fd = openSync(logPath, 'w');
  const proc = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []), '--import', 'tsx', script, ...(options.args ?? [])], {
    cwd: benchDir,
    env: { ...process.env, VITEST: '', ...options.env },
    stdio: ['ignore', fd, fd, 'ipc'],
  });
  closeSync(fd);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code, signal) => resolve((exitCode = code ?? (signal ? 128 : null)))));
  const tail = (lines = 15) => {
    try {
      return readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };
  const child: Child = {
    name,
    process: proc,
    logPath,
    tail,
    message: <T>(match: (message: any) => boolean, ms = 120_000) =>
      new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`${name}: no matching message within ${ms} ms; log ${logPath}:\n${tail()}`)), ms);
        const onMessage = (message: unknown) => match(message) && done(null, message);
        const onExit = () => done(new Error(`${name} exited with ${exitCode}; log ${logPath}:\n${tail()}`));
        function done(error: Error | null, message?: unknown) {
          clearTimeout(timer);
          proc.off('message', onMessage);
          proc.off('exit', onExit);
          if (error) reject(error);
          else resolve(message as T);
        }
        proc.on('message', onMessage);
        proc.on('exit', onExit);
        if (exitCode !== undefined) onExit();
      }),
    send: (message) => proc.send(message as never),
    stop: async () => {
      children.delete(child);
      if (exitCode === undefined) {
        proc.kill('SIGTERM');
        const force = setTimeout(() => proc.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(force);
      }
      if (exitCode === 0 || exitCode === null) rmSync(logPath, { force: true });
      return exitCode ?? null;
    },
  };
  children.add(child);
  if (!cleanupInstalled) {
    cleanupInstalled = true;
    // a bench stopped with Ctrl-C, or one that throws, leaves no server behind
    process.on('exit', () => {
      for (const c of children) c.process.kill('SIGKILL');
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  }
  return child;
}

/** A port that was free a moment ago (for a server that only takes PORT from its environment). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls `url` until it answers 200 (or the child exits, or `ms` pass). */
export async function waitForHttp(url: string, child: Child, ms = 180_000): Promise<void> {
  const deadline = Date.now() + ms;
  let exited = false;
  child.process.once('exit', () => (exited = true));
  for (;;) {
    if (exited || child.process.exitCode !== null) throw new Error(`${child.name} exited with ${child.process.exitCode}; log ${child.logPath}:\n${child.tail()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${child.name} did not answer ${url} within ${ms} ms; log ${child.logPath}:\n${child.tail()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
