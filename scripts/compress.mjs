// Writes precompressed copies beside each output in a directory, for hosts that serve them
// (nginx gzip_static/brotli_static, Caddy precompressed, ...): FILE.gz (GNU gzip -9, a few KB
// smaller than zlib's level 9 on the wasm; node's zlib where gzip is missing) and FILE.br (brotli
// quality 11, node's own zlib): nothing to install.
// Usage: node scripts/compress.mjs DIR   (Trunk.toml runs it on release builds)
//        node scripts/compress.mjs --check DIR: fails (exit 1) where a copy is missing or does not
//        decompress to its file (scripts/test.sh, after the release build)
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';

const check = process.argv[2] === '--check';
const dir = process.argv[check ? 3 : 2];
if (!dir) { console.error('usage: node scripts/compress.mjs [--check] DIR'); process.exit(2); }
const TYPES = /\.(html|js|mjs|wasm|css|svg|csv|json|webmanifest|txt)$/;
const outputs = readdirSync(dir).filter((name) => statSync(join(dir, name)).isFile() && TYPES.test(name));
if (check) {
  const read = (path, unzip) => { try { return unzip(readFileSync(path)); } catch { return null; } };
  const stale = outputs.flatMap((name) => {
    const raw = readFileSync(join(dir, name));
    return [['.gz', zlib.gunzipSync], ['.br', zlib.brotliDecompressSync]]
      .filter(([ext, unzip]) => { const copy = read(join(dir, name + ext), unzip); return copy === null || !raw.equals(copy); })
      .map(([ext]) => name + ext);
  });
  if (stale.length) { console.error(`compress: missing or stale beside their files: ${stale.join(', ')}`); process.exit(1); }
  console.log(`compress: ${outputs.length} files, each with a .gz and a .br that decompress to it`);
  process.exit(0);
}
for (const name of outputs) {
  const path = join(dir, name);
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
