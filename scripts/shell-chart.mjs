// Puts the trend chart into the static shell of the built page (issue 21), so that the first
// paint has a chart: the chart every link shows first (OpenAI's 2018 points and their fit), drawn
// at build time by the core's chart code through the CLI (`aicompute chart --svg`), never by
// hand. Four drawings: English and Chinese, wide and (the page's own rule, under 600 px) with the
// legend below the plot; style/main.css shows the one that matches the box and the language
// js/lang.js chose; the app replaces the whole shell when it mounts.
// Usage: node scripts/shell-chart.mjs DIR   (Trunk.toml runs it on every build, on DIR/index.html)
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';

const dir = process.argv[2];
if (!dir) { console.error('usage: node scripts/shell-chart.mjs DIR'); process.exit(2); }
const SLOT = '<div class="shell-chart"></div>';
// The page's chart box: 0.55 of its width, 1.1 under 600 px (the core's `chart::height_for`).
const SHAPES = [['wide', 1000, 550], ['narrow', 400, 440]];
const LANGS = ['en', 'zh'];

const tmp = mkdtempSync(join(tmpdir(), 'shell-chart-'));
/** One drawing, as an inline <svg> the CSS sizes (its viewBox kept, its fixed size dropped). */
function drawing(lang, [shape, width, height]) {
  const file = join(tmp, `${lang}-${shape}.svg`);
  execFileSync('cargo', ['run', '--quiet', '-p', 'aicompute-cli', '--', 'chart', '--svg', file,
    '--width', String(width), '--height', String(height), '--lang', lang], { stdio: ['ignore', 'ignore', 'inherit'] });
  const svg = readFileSync(file, 'utf8');
  const open = `<svg width="${width}" height="${height}" `;
  if (!svg.startsWith(open)) throw new Error(`unexpected SVG from the CLI: ${svg.slice(0, 80)}`);
  // Sizes to two decimals (plotters writes font sizes to 15 digits): the same drawing, in fewer bytes.
  // The words in the page's own font: the generic family the CLI names would be one more font
  // to look up before the first paint (measured under the mobile profile: scripts/bench.sh).
  const rounded = svg.replace(/(\d\.\d\d)\d+/g, '$1').replaceAll(' font-family="sans-serif"', '');
  return `<svg class="shell-${lang} shell-${shape}" lang="${lang === 'zh' ? 'zh-CN' : 'en'}" ` + joinLines(rounded.slice(open.length).trim());
}

/**
 * The same drawing with fewer elements: each run of adjacent lines drawn alike (the dashes of a
 * dashed line, the grid) becomes one <path>, a subpath per line, in the same order, so nothing
 * is painted in another order. Fewer elements to parse and lay out before the first paint.
 */
function joinLines(svg) {
  const LINE = /^<(polyline fill="none"|line) ([^>]*?)\/>$/;
  const GEOMETRY = / (points|x1|y1|x2|y2)="([^"]*)"/g;
  const out = [];
  let run = null; // { style, d: [] }
  const flush = () => {
    if (run) out.push(`<path fill="none" ${run.style} d="${run.d.join(' ')}"/>`);
    run = null;
  };
  for (const line of svg.split('\n')) {
    const m = LINE.exec(line);
    if (!m) { flush(); out.push(line); continue; }
    const geometry = Object.fromEntries([...m[2].matchAll(GEOMETRY)].map((g) => [g[1], g[2]]));
    const style = m[2].replace(GEOMETRY, '').trim();
    const points = m[1] === 'line'
      ? [`${geometry.x1},${geometry.y1}`, `${geometry.x2},${geometry.y2}`]
      : geometry.points.trim().split(/\s+/);
    if (run && run.style !== style) flush();
    run ??= { style, d: [] };
    run.d.push(`M${points.join('L')}`);
  }
  flush();
  return out.join('\n');
}

try {
  const index = join(dir, 'index.html');
  const html = readFileSync(index, 'utf8');
  if (!html.includes(SLOT)) throw new Error(`${index} has no ${SLOT}`);
  // Shape by shape, so the two languages' near-identical drawings sit within gzip's window.
  const svgs = SHAPES.flatMap((s) => LANGS.map((l) => drawing(l, s))).join('\n');
  const chart = `<div class="shell-chart" data-testid="trend-chart-static" aria-hidden="true">\n${svgs}\n</div>`;
  writeFileSync(index, html.replace(SLOT, chart));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
