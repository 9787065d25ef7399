// Puts the trend chart into the static shell of the built page (issue 21), so that the first
// paint has a chart: the chart every link shows first (OpenAI's 2018 points and their fit), drawn
// at build time by the core's chart code through the CLI (`aicompute chart --svg`), never by
// hand. Two drawings, narrow (the page's own rule: under 600 px the legend is below the plot)
// and wide, each in both languages at once: what the two languages draw alike (the points, the
// lines, most labels) once, what differs (the words) in a <g lang> each. style/main.css shows the
// drawing that fits the box and the words of the language js/lang.js chose; the app replaces the
// whole shell when it mounts. The narrow drawing comes first: on a phone, the slow case, the
// first chart waits for the parsing of nothing hidden.
// Usage: node scripts/shell-chart.mjs DIR   (Trunk.toml runs it on every build, on DIR/index.html)
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';

const dir = process.argv[2];
if (!dir) { console.error('usage: node scripts/shell-chart.mjs DIR'); process.exit(2); }
const SLOT = '<div class="shell-chart"></div>';
// The page's chart box: 0.55 of its width, 1.1 under 600 px (the core's `chart::height_for`).
const SHAPES = [['narrow', 400, 440], ['wide', 1000, 550]];

const tmp = mkdtempSync(join(tmpdir(), 'shell-chart-'));
/** One language's drawing, as the inside of an <svg> the CSS sizes (its viewBox kept, its fixed size dropped). */
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
  return joinLines(rounded.slice(open.length).trim());
}

/** The drawing's elements in order: a <text> with its words and its closing tag is one. */
function elements(svg) {
  const out = [];
  let text = null;
  for (const line of svg.split('\n')) {
    if (text) {
      text.push(line);
      if (line === '</text>') { out.push(text.join('\n')); text = null; }
    } else if (line.startsWith('<text') && !line.includes('</text>')) {
      text = [line];
    } else {
      out.push(line);
    }
  }
  if (text) throw new Error(`a <text> without its end: ${text[0]}`);
  return out;
}

/**
 * One drawing in both languages: the longest common sequence of the two drawings' elements once,
 * each run between them as `<g lang="en">` then `<g lang="zh-CN">`, in place, so every element is
 * painted in its own drawing's order.
 */
function bilingual(en, zh) {
  const [a, b] = [elements(en), elements(zh)];
  // common[i][j]: the length of the longest common sequence of a[i..] and b[j..].
  const common = Array.from({ length: a.length + 1 }, () => new Int32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const out = [];
  let only = { en: [], zh: [] };
  const flush = () => {
    if (only.en.length) out.push('<g lang="en">', ...only.en, '</g>');
    if (only.zh.length) out.push('<g lang="zh-CN">', ...only.zh, '</g>');
    only = { en: [], zh: [] };
  };
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      out.push(a[i]);
      i += 1;
      j += 1;
    } else if (j === b.length || (i < a.length && common[i + 1][j] >= common[i][j + 1])) {
      only.en.push(a[i++]);
    } else {
      only.zh.push(b[j++]);
    }
  }
  flush();
  return out.join('\n');
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
  const svgs = SHAPES.map((s) => `<svg class="shell-${s[0]}" ` + bilingual(drawing('en', s), drawing('zh', s))).join('\n');
  const chart = `<div class="shell-chart" data-testid="trend-chart-static" aria-hidden="true">\n${svgs}\n</div>`;
  writeFileSync(index, html.replace(SLOT, chart));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
