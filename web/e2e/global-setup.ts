// Starts `deltalabs serve` for the browser tests: a fresh SQLite database in a
// temporary folder, `deltalabs seed --demo`, the built app (web/dist, or
// E2E_WEB_DIR) at `/`. BUILD_DIR picks the binary's folder.
import { spawn, spawnSync } from 'node:child_process';
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

export default async function globalSetup(): Promise<(() => Promise<void>) | void> {
  if (process.env.E2E_BASE_URL) return;
  const root = resolve(import.meta.dirname, '..', '..');
  const binary = resolve(root, process.env.BUILD_DIR ?? 'build', 'deltalabs');
  const webDir = resolve(root, 'web', process.env.E2E_WEB_DIR ?? 'dist');
  if (!existsSync(binary)) throw new Error(`no binary at ${binary}: run scripts/build`);
  if (!existsSync(join(webDir, 'index.html'))) throw new Error(`no ${webDir}/index.html: run npm run build`);
  const dir = mkdtempSync(join(tmpdir(), 'deltalabs-e2e-'));
  const database = `sqlite:${join(dir, 'db.sqlite')}`;
  const seed = spawnSync(binary, ['--database', database, '--log-level', 'warn', 'seed', '--demo'], {
    encoding: 'utf8',
  });
  if (seed.status !== 0) throw new Error(`deltalabs seed --demo failed:\n${seed.stdout}\n${seed.stderr}`);
  const port = await freePort();
  const logPath = join(dir, 'server.log');
  const log = openSync(logPath, 'a');
  const server = spawn(
    binary,
    ['--database', database, '--listen', `127.0.0.1:${port}`, '--web-dir', webDir,
     '--assets-dir', join(root, 'node_modules', 'swagger-ui-dist'), 'serve'],
    { stdio: ['ignore', log, log] },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (server.exitCode !== null || i > 300) {
      server.kill('SIGKILL');
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
  return async () => {
    server.kill('SIGTERM');
    await new Promise((ok) => (server.exitCode !== null ? ok(null) : server.once('exit', ok)));
    if (!process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true });
  };
}
