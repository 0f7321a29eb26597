// Writes a .gz twin (gzip -9) next to every compressible file of the build,
// which `deltalabs serve` sends to clients that accept gzip.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist';
const compressible = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;
let count = 0;
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (compressible.test(name)) {
      const body = readFileSync(path);
      const gz = gzipSync(body, { level: 9 });
      if (gz.length < body.length) {
        writeFileSync(path + '.gz', gz);
        count++;
      }
    }
  }
}
walk(root);
console.log(`compress: ${count} .gz files in ${root}`);
