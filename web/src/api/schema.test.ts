// The committed schema.d.ts must be what the binary's served document
// generates today (scripts/gen-api --check starts the built binary briefly).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const web = resolve(import.meta.dirname, '..', '..');
const binary = resolve(web, '..', process.env.BUILD_DIR ?? 'build', 'deltalabs');

describe('generated API schema', () => {
  it.skipIf(!existsSync(binary))('matches the OpenAPI document the binary serves', () => {
    const run = spawnSync('node', ['scripts/gen-api.mjs', '--check'], { cwd: web, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr + run.stdout).toContain('is up to date');
    expect(run.status).toBe(0);
  }, 90_000);
});
