// Starts `deltalabs serve` for the browser tests: a fresh SQLite database in a
// temporary folder (or the PostgreSQL database E2E_DATABASE_URL names),
// `deltalabs seed --demo`, the built app (web/dist, or E2E_WEB_DIR) at `/`,
// card payments through the API tests' stand-in processor. BUILD_DIR picks
// the binary's folder. E2E_BINARY and
// E2E_DATABASE tell the tests where they are, so they can read the mail
// outbox (mailedToken below) the way an operator would.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => ok(port));
    });
  });
}

/**
 * The card processor the server talks to: the API tests' own stand-in
 * (Stripe-compatible PaymentIntents and refunds; pm_card_visa pays,
 * pm_card_chargeDeclined is declined), run by python3 on a free port.
 */
async function startCardStandIn(root: string): Promise<{ url: string; process: ChildProcess }> {
  const script = [
    'import sys, time',
    `sys.path.insert(0, ${JSON.stringify(join(root, 'tests', 'api'))})`,
    'from card_standin import CardStandIn',
    'print(CardStandIn().start().url, flush=True)',
    'time.sleep(86400)',
  ].join('\n');
  const child = spawn(process.env.PYTHON ?? 'python3', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`the card stand-in exited (${code})`)));
    child.stdout!.once('data', (chunk: Buffer) => ok(chunk.toString().trim()));
  });
  return { url, process: child };
}

export default async function globalSetup(): Promise<(() => Promise<void>) | void> {
  if (process.env.E2E_BASE_URL) return;
  const root = resolve(import.meta.dirname, '..', '..');
  const binary = resolve(root, process.env.BUILD_DIR ?? 'build', 'deltalabs');
  const webDir = resolve(root, 'web', process.env.E2E_WEB_DIR ?? 'dist');
  if (!existsSync(binary)) throw new Error(`no binary at ${binary}: run scripts/build`);
  if (!existsSync(join(webDir, 'index.html'))) throw new Error(`no ${webDir}/index.html: run npm run build`);
  const dir = mkdtempSync(join(tmpdir(), 'deltalabs-e2e-'));
  // E2E_DATABASE_URL runs the journeys on a PostgreSQL database the caller
  // created empty (scripts/test does, for its PostgreSQL stage).
  const database = process.env.E2E_DATABASE_URL ?? `sqlite:${join(dir, 'db.sqlite')}`;
  const seed = spawnSync(binary, ['--database', database, '--log-level', 'warn', 'seed', '--demo'], {
    encoding: 'utf8',
  });
  if (seed.status !== 0) throw new Error(`deltalabs seed --demo failed:\n${seed.stdout}\n${seed.stderr}`);
  const card = await startCardStandIn(root);
  const port = await freePort();
  const logPath = join(dir, 'server.log');
  const log = openSync(logPath, 'a');
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(
    binary,
    ['--database', database, '--listen', `127.0.0.1:${port}`, '--web-dir', webDir,
     '--assets-dir', join(root, 'node_modules', 'swagger-ui-dist'),
     // Mailed links point at this server, as they would at the public site.
     '--public-url', base,
     // Every test registers from 127.0.0.1: the default 10 per minute per
     // address would refuse registrations and resets halfway through a run.
     '--auth-rate-limit', '1000',
     // Card checkout against the API tests' stand-in processor (tests/api/card_standin.py).
     '--card-api-url', card.url, '--card-api-key', 'sk_test_standin', '--card-webhook-secret', 'whsec_standin',
     'serve'],
    { stdio: ['ignore', log, log] },
  );
  for (let i = 0; ; i++) {
    if (server.exitCode !== null || i > 300) {
      server.kill('SIGKILL');
      card.process.kill('SIGKILL');
      throw new Error(`deltalabs serve did not start:\n${readFileSync(logPath, 'utf8')}`);
    }
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  process.env.E2E_BASE_URL = base;
  process.env.E2E_BINARY = binary;
  process.env.E2E_DATABASE = database;
  process.env.DELTALABS_CARD_API_URL = card.url;
  return async () => {
    server.kill('SIGTERM');
    card.process.kill('SIGTERM');
    await new Promise((ok) => (server.exitCode !== null ? ok(null) : server.once('exit', ok)));
    if (!process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * The token of the newest mail to `email` whose link goes to `path` (e.g.
 * '/reset-password'), read from the server's outbox with `deltalabs mail list`.
 * Undefined when the tests run against a server they did not start.
 */
export function mailedToken(email: string, path: '/verify-email' | '/reset-password'): string | undefined {
  const binary = process.env.E2E_BINARY;
  const database = process.env.E2E_DATABASE;
  if (!binary || !database) return undefined;
  const out = spawnSync(binary, ['--database', database, '--log-level', 'warn', 'mail', 'list', '--body', '--limit', '100'], {
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`deltalabs mail list failed:\n${out.stderr}`);
  // Messages are newest first; each starts with a line "<time>  <state>  attempts=N  <to>  <subject>".
  const messages = out.stdout.split(/\n(?=\d{4}-\d\d-\d\dT\S+ )/);
  const escaped = path.replace(/[/-]/g, '\\$&');
  for (const message of messages) {
    if (!message.split('\n', 1)[0]!.includes(` ${email} `)) continue;
    const link = new RegExp(`${escaped}\\?token=([A-Za-z0-9_-]+)`).exec(message);
    if (link) return link[1];
  }
  return undefined;
}
