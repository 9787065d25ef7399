// Writes precompressed copies beside each output in a directory, for hosts that serve them
// (nginx gzip_static/brotli_static, Caddy precompressed, ...): FILE.gz (GNU gzip -9, a few KB
// smaller than zlib's level 9 on the wasm; node's zlib where gzip is missing) and FILE.br (brotli
// quality 11, node's own zlib): nothing to install.
// Usage: node scripts/compress.mjs DIR   (Trunk.toml runs it on release builds)
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';

const dir = process.argv[2];
if (!dir) { console.error('usage: node scripts/compress.mjs DIR'); process.exit(2); }
const TYPES = /\.(html|js|mjs|wasm|css|svg|csv|json|webmanifest|txt)$/;
for (const name of readdirSync(dir)) {
  const path = join(dir, name);
  if (!statSync(path).isFile() || !TYPES.test(name)) continue;
  const raw = readFileSync(path);
  let gz;
  try { gz = execFileSync('gzip', ['-9', '-n', '-c', path], { maxBuffer: 1 << 30 }); } catch { gz = zlib.gzipSync(raw, { level: 9 }); }
  writeFileSync(`${path}.gz`, gz);
  writeFileSync(`${path}.br`, zlib.brotliCompressSync(raw, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      [zlib.constants.BROTLI_PARAM_MODE]: /\.wasm$/.test(name) ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
    },
  }));
}
