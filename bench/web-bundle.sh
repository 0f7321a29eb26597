#!/usr/bin/env bash
# Initial JavaScript of the web app: the scripts and module preloads that
# web/dist/index.html loads before the first route runs, gzip -9 sizes (what
# `deltalabs serve` sends from the .gz twins), plus each route chunk's own size.
# Run after scripts/build (or `npm run build` in web/). Measures, never asserts.
set -euo pipefail
cd "$(dirname "$0")/../web"
node --input-type=module <<'JS'
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
const html = readFileSync('dist/index.html', 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const gz = (f) => gzipSync(readFileSync(`dist/${f}`), { level: 9 }).length;
let total = 0;
for (const f of initial) {
  const size = gz(f);
  total += size;
  console.log(`initial  ${f}: ${(size / 1024).toFixed(1)} KB gzipped`);
}
console.log(`initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (bar: 200 KB)`);
for (const f of readdirSync('dist/assets').filter((n) => /Page-.*\.js$/.test(n)).sort()) {
  console.log(`route    assets/${f}: ${(gz(`assets/${f}`) / 1024).toFixed(1)} KB gzipped`);
}
JS
