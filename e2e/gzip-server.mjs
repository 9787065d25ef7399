// A static server for the mobile benchmark (scripts/bench.sh --mobile): serves one folder (a
// Trunk dist/) at the root of http://127.0.0.1:PORT/, every file gzip-encoded (gzip -9,
// `content-encoding: gzip`), as a real host would, so that the emulated network carries the
// compressed bytes. Compressed once per file and kept in memory. No caching headers beyond
// `no-cache`: each benchmark load uses a fresh browser context anyway.
// Usage: node gzip-server.mjs DIR PORT
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(process.argv[2] || '.');
const PORT = Number(process.argv[3] || 8080);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const cache = new Map();

async function file(urlPath) {
  let rel = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  if (rel.endsWith('/')) rel += 'index.html';
  const path = normalize(join(ROOT, rel));
  if (path !== ROOT && !path.startsWith(ROOT + sep)) return null;
  if (cache.has(path)) return cache.get(path);
  let s;
  try { s = await stat(path); } catch { return null; }
  if (s.isDirectory()) return file(rel + '/');
  const body = gzipSync(await readFile(path), { level: 9 });
  const entry = { body, type: TYPES[extname(path)] || 'application/octet-stream' };
  cache.set(path, entry);
  return entry;
}

createServer(async (req, res) => {
  try {
    const f = await file(new URL(req.url, 'http://x').pathname);
    if (!f) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': f.type,
      'content-encoding': 'gzip',
      'content-length': f.body.length,
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
    });
    res.end(req.method === 'HEAD' ? undefined : f.body);
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
  }
}).listen(PORT, '127.0.0.1');
