import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { builder } from '../../builder.ts';

const Heartbeat = builder.simpleObject('Heartbeat', {
  description: 'A liveness tick from the server.',
  fields: (t) => ({
    seq: t.int({ description: 'Tick number, from 1.' }),
    at: t.field({ type: 'DateTime', description: 'Server time of the tick.' }),
  }),
});

builder.subscriptionField('heartbeat', (t) =>
  t.field({
    type: Heartbeat,
    description: 'Ticks every `intervalMs` until the client unsubscribes (or after `count` ticks). Lets clients and probes check the live channel end to end.',
    args: {
      intervalMs: t.arg.int({ defaultValue: 1000, description: 'Milliseconds between ticks (100–60000).', validate: z.number().int().min(100).max(60_000) }),
      count: t.arg.int({ required: false, description: 'Stop after this many ticks.' }),
    },
    subscribe: async function* (_root, args, _ctx, info) {
      // the signal of the request/socket ends the loop when the client goes away
      const signal = (info as { signal?: AbortSignal }).signal;
      for (let seq = 1; args.count == null || seq <= args.count; seq++) {
        yield { seq, at: new Date() };
        await sleep(args.intervalMs, undefined, signal ? { signal } : undefined).catch(() => undefined);
        if (signal?.aborted) return;
      }
    },
    resolve: (tick) => tick,
  }),
);
