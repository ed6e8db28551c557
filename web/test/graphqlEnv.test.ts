// The typed documents are only as true as src/graphql/graphql-env.d.ts, which gql.tada generates from
// schema/schema.graphql (`npm run generate`, run by turbo before typecheck, build, test and dev). The
// file is build output and not committed; this fails when it is missing or older than the schema, e.g.
// when the schema was reprinted and tsc or vitest was then run by hand.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const web = fileURLToPath(new URL('..', import.meta.url));
const generated = join(web, 'src/graphql/graphql-env.d.ts');
const cli = join(dirname(createRequire(import.meta.url).resolve('gql.tada/package.json')), 'bin/cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'whistlehub-graphql-env-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('graphql-env.d.ts', () => {
  it('is what gql.tada generates from schema/schema.graphql now', () => {
    expect(existsSync(generated), 'src/graphql/graphql-env.d.ts is missing: run `npm run generate --workspace @whistlehub/web`').toBe(true);
    const fresh = join(scratch, 'graphql-env.d.ts');
    // the same command as the package's `generate` script, written elsewhere
    execFileSync(process.execPath, [cli, 'generate-output', '--output', fresh], { cwd: web, stdio: 'pipe' });
    const stale = readFileSync(generated, 'utf8') !== readFileSync(fresh, 'utf8');
    expect(stale, 'src/graphql/graphql-env.d.ts is stale: run `npm run generate --workspace @whistlehub/web`').toBe(false);
  });
});
