// Puts the two files the first paint waits for into the built page itself (issue 21): the style
// sheet, and js/lang.js, which chooses the shell's language before its first layout. Served
// apart, each cost the first paint a round trip after the HTML (under the mobile profile the
// first paint came about 150-250 ms later). The page's strict Content-Security-Policy names each
// by its SHA-256 hash (still no 'unsafe-inline'), and the policy goes to content-security-policy.txt
// beside the page, for hosts that send it as a header (README, "Hosting the page").
// The style sheet's file stays beside the page, named by the <style>'s data-href: if a host's
// header refuses the inline style (a policy from an earlier release, without this hash), js/loader.js
// links the file instead, so the page is styled, later.
// Usage: node scripts/inline-head.mjs DIR   (Trunk.toml runs it after scripts/shell-chart.mjs)
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

const dir = process.argv[2];
if (!dir) { console.error('usage: node scripts/inline-head.mjs DIR'); process.exit(2); }
const index = join(dir, 'index.html');
let html = readFileSync(index, 'utf8');
const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Replaces the one match of `pattern` in the page, or stops the build. */
function once(pattern, replace) {
  const found = [...html.matchAll(new RegExp(pattern, 'g'))];
  if (found.length !== 1) throw new Error(`${index}: ${found.length} matches of ${pattern}, expected 1`);
  html = html.replace(pattern, replace);
}

// The style sheet Trunk linked (its name hashed: up to 16 hex digits, no leading zeros; an
// integrity attribute).
const link = /<link rel="stylesheet" href="(\.\/main-[0-9a-f]{1,16}\.css)"[^>]*\/?>/;
const sheet = link.exec(html);
if (!sheet) throw new Error(`${index}: no stylesheet link`);
const css = readFileSync(join(dir, sheet[1]), 'utf8');
if (css.includes('</style')) throw new Error('the style sheet cannot be inlined: it contains </style');
once(link, () => `<style data-href="${sheet[1]}">${css}</style>`);

// The shell's language: the file Trunk copied, inlined, and not served on its own.
const langFile = join(dir, 'lang.js');
const lang = readFileSync(langFile, 'utf8');
if (lang.includes('</script')) throw new Error('js/lang.js cannot be inlined: it contains </script');
once(/<script src="lang\.js"><\/script>/, () => `<script>${lang}</script>`);
rmSync(langFile);

// The policy, with the two hashes.
const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)" \/>/;
const policy = meta.exec(html)?.[1];
if (!policy) throw new Error(`${index}: no Content-Security-Policy meta`);
const strict = policy
  .replace("script-src 'self' 'wasm-unsafe-eval';", `script-src 'self' 'wasm-unsafe-eval' ${hash(lang)};`)
  .replace("style-src 'self';", `style-src 'self' ${hash(css)};`);
if (strict.split("'sha256-").length !== 3) throw new Error(`unexpected policy: ${policy}`);
once(meta, () => `<meta http-equiv="Content-Security-Policy" content="${strict}" />`);
writeFileSync(index, html);
writeFileSync(join(dir, 'content-security-policy.txt'), `${strict}\n`);
