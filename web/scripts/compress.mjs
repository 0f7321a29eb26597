// Writes .br (brotli, quality 11) and .gz (gzip -9) twins next to every
// compressible file of the build, which `deltalabs serve` sends to clients
// that accept them. Node's zlib has both; nothing else is needed.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist';
const compressible = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;
let count = 0;
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (compressible.test(name)) {
      const body = readFileSync(path);
      const twins = {
        '.gz': gzipSync(body, { level: 9 }),
        '.br': brotliCompressSync(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        }),
      };
      for (const [suffix, packed] of Object.entries(twins)) {
        if (packed.length < body.length) {
          writeFileSync(path + suffix, packed);
          count++;
        }
      }
    }
  }
}
walk(root);
console.log(`compress: ${count} .br and .gz files in ${root}`);
