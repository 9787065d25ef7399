// The page's benchmark (run by scripts/bench.sh on the served release build): prints figures,
// asserts no times. Usage: node bench.mjs BASE_URL
//   first contentful paint and time to the first painted chart (medians of 7 fresh loads),
//   keystroke -> result, -> the frame that paints it, and -> a frame asked for after the result, p50/p95,
//   with the default points, Epoch AI's models and 10,000 imported,
//   canvas calls, layout reads, and layouts per keystroke (all, and those forced by script).
import { pathToFileURL } from 'node:url';
import { launch } from './calculator.mjs';

const BASE = process.argv[2] || process.env.BASE_URL;
// Optional: the same figures for an earlier build (scripts/bench.sh --baseline REV), taken in the
// same run, interleaved, and printed as ratios.
const BASELINE = process.argv[3];
const LOADS = 7;
const WARMUP = 5;
const KEYSTROKES = 40;
const FIELD = 'ops-examples';

export const median = (a) => pct(a, 50);
export function pct(a, p) {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
export const ms = (x) => `${x.toFixed(1)} ms`;

// Records when the chart is first painted, and the painted frame after it.
export const PAINT_WATCH = () => {
  window.__paint = null;
  new MutationObserver((_, obs) => {
    if (document.querySelector('[data-painted="true"]')) {
      obs.disconnect();
      const at = performance.now();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { window.__paint = { attr: at, frame: performance.now() }; };
        ch.port2.postMessage(0);
      });
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-painted'] });
};

// Counts canvas calls and reads that can force a layout (an upper bound of forced layouts).
const COUNTERS = () => {
  const c = (window.__count = { canvas: 0, layoutReads: 0 });
  for (const P of [CanvasRenderingContext2D.prototype]) {
    for (const k of Object.getOwnPropertyNames(P)) {
      const d = Object.getOwnPropertyDescriptor(P, k);
      if (typeof d.value === 'function' && k !== 'constructor') {
        const f = d.value;
        P[k] = function (...a) { c.canvas++; return f.apply(this, a); };
      }
    }
  }
  const getters = [[HTMLElement.prototype, ['offsetWidth', 'offsetHeight', 'offsetTop', 'offsetLeft']],
    [Element.prototype, ['clientWidth', 'clientHeight', 'scrollWidth', 'scrollHeight']]];
  for (const [P, names] of getters) {
    for (const k of names) {
      const d = Object.getOwnPropertyDescriptor(P, k);
      Object.defineProperty(P, k, { ...d, get() { c.layoutReads++; return d.get.call(this); } });
    }
  }
  for (const [P, k] of [[Element.prototype, 'getBoundingClientRect'], [window, 'getComputedStyle']]) {
    const f = P[k];
    P[k] = function (...a) { c.layoutReads++; return f.apply(this, a); };
  }
};

/**
 * Types `n` values into the field, one frame each, spaced like quick typing; returns timings:
 * the input until Leptos' effects have run (`result`) and until a frame after it is painted
 * (`frame`). `asked` says when that frame is asked for: 'at-input' asks at once, so it is the
 * first frame after the input, the one that paints the result (the page's own updates, in
 * microtasks and animation frames, come before its paint); 'after-result' asks once the effects
 * have run, as this benchmark first measured: Chromium has often begun the painting frame by then,
 * so it times the frame after it.
 */
export async function type(page, n, asked, spacing = 120) {
  return page.evaluate(async ([field, n, asked, spacing]) => {
    const input = document.querySelector(`[data-testid="${field}"]`);
    const out = document.querySelector('[data-testid="ops-pfs-days"]');
    const task = () => new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = r; ch.port2.postMessage(0); });
    const painted = () => new Promise((r) => requestAnimationFrame(() => {
      const text = out.textContent;
      task().then(() => r({ at: performance.now(), text }));
    }));
    const base = 1.2e6;
    const result = [];
    for (let i = 0; i < n; i++) {
      const before = out.textContent;
      const t0 = performance.now();
      input.value = String(Math.round(base * (1 + ((i % 9) + 1) / 10)));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const early = asked === 'at-input' ? painted() : null;
      await task(); // the handlers and Leptos' effects (microtasks) have run
      const t1 = performance.now();
      const frame = await (early ?? painted());
      result.push({ result: t1 - t0, frame: frame.at - t0, changed: frame.text !== before });
      await new Promise((r) => setTimeout(r, spacing));
    }
    return result;
  }, [FIELD, n, asked, spacing]);
}

/**
 * The floor under the frame figures: the same wait for the next painted frame with nothing typed
 * (the frame clock's own phase, up to one vsync interval at 60 Hz).
 */
async function idleFrames(page, n, spacing = 120) {
  return page.evaluate(async ([n, spacing]) => {
    const task = () => new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = r; ch.port2.postMessage(0); });
    const out = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await new Promise((r) => requestAnimationFrame(() => task().then(r)));
      out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, spacing));
    }
    return out;
  }, [n, spacing]);
}

function csv(n) {
  const rows = ['name,date,flop'];
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < n; i++) {
    const year = 2012 + rnd() * 12;
    const month = 1 + Math.floor(rnd() * 12);
    const flop = 10 ** (17 + (year - 2012) * 0.55 + (rnd() - 0.5) * 3);
    rows.push(`Model ${i},${Math.floor(year)}-${String(month).padStart(2, '0')},${flop.toPrecision(3)}`);
  }
  return rows.join('\n');
}

/**
 * A fresh context and page of `base`, once its chart is painted. `contextOptions` are added to
 * the context's; `setup(context, page)` runs before the page is loaded (the mobile benchmark
 * throttles the page there); `timeout` bounds the wait for the chart.
 */
export async function openPage(browser, { counters = false, base = BASE, contextOptions = {}, setup, timeout = 20000 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, ...contextOptions });
  await context.addInitScript(PAINT_WATCH);
  if (counters) await context.addInitScript(COUNTERS);
  const page = await context.newPage();
  if (setup) await setup(context, page);
  await page.goto(base);
  await page.locator('[data-testid="trend-chart"][data-painted="true"]').waitFor({ timeout });
  return { context, page };
}

export async function importPoints(page, n) {
  // Pasted: the text set at once and one input event, then the apply button.
  await page.evaluate((text) => {
    const area = document.querySelector('[data-testid="import-data"]');
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    document.querySelector('[data-testid="import-apply"]').click();
  }, csv(n));
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="trend-chart"]').dataset.markers) >= n, n, { timeout: 60000 });
  await page.waitForTimeout(500);
}

/** Puts Epoch AI's notable models on the chart too (fetched on demand). */
async function epoch(page) {
  await page.locator('[data-testid="set-epoch"]').check();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="trend-chart"]').dataset.markers) > 100, null, { timeout: 30000 });
  await page.waitForTimeout(300);
}

export async function prepare(page, points) {
  if (points === 'epoch') await epoch(page);
  else if (points) await importPoints(page, points);
}

/**
 * Runs `act` under Chromium's tracing and counts the page's layouts: all of them, and those
 * forced by script (a Layout event carrying the JavaScript stack that asked for it). A frame's
 * own layout has no stack.
 */
async function traced({ context, page }, act) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline.stack',
    transferMode: 'ReportEvents',
  });
  await act();
  await cdp.send('Tracing.end');
  await complete;
  const main = events.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data?.frames?.find((f) => !f.parent)?.frame;
  const layouts = events.filter((e) => e.name === 'Layout' && (e.ph === 'X' || e.ph === 'B'))
    .filter((e) => !main || e.args?.beginData?.frame === main);
  return { layouts: layouts.length, forced: layouts.filter((e) => e.args?.beginData?.stackTrace).length };
}

/**
 * Keystroke timings on a fresh page of `base` with `points` on the chart (0: the default points,
 * 'epoch': Epoch AI's models, a number: that many imported). `options` go to openPage.
 */
export async function keystrokeTimes(browser, points, base = BASE, options = {}) {
  const { context, page } = await openPage(browser, { base, ...options });
  await prepare(page, points);
  const markers = await page.evaluate(() => document.querySelector('[data-testid="trend-chart"]').dataset.markers);
  await type(page, WARMUP, 'at-input');
  const t = await type(page, KEYSTROKES, 'at-input');
  const old = await type(page, KEYSTROKES, 'after-result');
  const idle = await idleFrames(page, KEYSTROKES);
  await context.close();
  return { markers, t, old, idle };
}

async function keystrokes(browser, label, points) {
  const { markers, t, old, idle } = await keystrokeTimes(browser, points);
  const unchanged = t.filter((x) => !x.changed).length;
  const r = t.map((x) => x.result);
  const f = t.map((x) => x.frame);
  const o = old.map((x) => x.frame);
  console.log(`keystroke, ${label} (${markers} markers): result p50 ${ms(pct(r, 50))} p95 ${ms(pct(r, 95))}; ` +
    `result painted (the first frame after the input) p50 ${ms(pct(f, 50))} p95 ${ms(pct(f, 95))}` +
    (unchanged ? ` (${unchanged} painted without the new result!)` : '') +
    `; as first measured (a frame asked for after the result) p50 ${ms(pct(o, 50))} p95 ${ms(pct(o, 95))}` +
    `; the next frame with nothing typed p50 ${ms(pct(idle, 50))} p95 ${ms(pct(idle, 95))}`);

  // Counted in a page of their own: the wrappers cost time.
  const c = await openPage(browser, { counters: true });
  await prepare(c.page, points);
  await type(c.page, WARMUP, 'at-input');
  const n = 10;
  const before = await c.page.evaluate(() => ({ ...window.__count }));
  const { layouts, forced } = await traced(c, () => type(c.page, n, 'at-input'));
  const after = await c.page.evaluate(() => ({ ...window.__count }));
  console.log(`per keystroke, ${label}: ${((after.canvas - before.canvas) / n).toFixed(0)} canvas calls, ` +
    `${((after.layoutReads - before.layoutReads) / n).toFixed(1)} layout-reading calls, ` +
    `${(layouts / n).toFixed(1)} layouts of the page, of which ${(forced / n).toFixed(1)} forced by script`);
  await c.context.close();
}

/** Fresh loads of `base`: first contentful paint and the first painted chart. */
async function load(browser, base) {
  const { context, page } = await openPage(browser, { base });
  await page.waitForFunction(() => window.__paint, null, { timeout: 20000 });
  const p = await page.evaluate(() => ({
    ...window.__paint,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
  }));
  await context.close();
  return p;
}

/** This build against BASELINE, in one run: loads interleaved, then keystrokes at each size. */
async function againstBaseline(browser) {
  const now = [];
  const then = [];
  for (let i = 0; i < LOADS; i++) {
    now.push((await load(browser, BASE)).frame);
    then.push((await load(browser, BASELINE)).frame);
  }
  const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
  console.log(`against the baseline: first painted chart, median of ${LOADS} interleaved loads: ` +
    `${ms(median(now))} against ${ms(median(then))} = ${ratio(median(now), median(then))}`);
  for (const [label, points] of [['default points', 0], ["Epoch AI's models", 'epoch'], ['10,000 imported points', 10000]]) {
    const a = await keystrokeTimes(browser, points);
    const b = await keystrokeTimes(browser, points, BASELINE);
    const p95 = (x, k) => pct(x.t.map((y) => y[k]), 95);
    console.log(`against the baseline: keystroke, ${label} (${a.markers} / ${b.markers} markers): ` +
      `result p95 ${ms(p95(a, 'result'))} against ${ms(p95(b, 'result'))} = ${ratio(p95(a, 'result'), p95(b, 'result'))}; ` +
      `painted p95 ${ms(p95(a, 'frame'))} against ${ms(p95(b, 'frame'))} = ${ratio(p95(a, 'frame'), p95(b, 'frame'))}`);
  }
}

const LONG_TASKS = () => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
};

/** The longest main-thread task (PerformanceObserver 'longtask': over 50 ms) since the last call, and how many. */
async function longest(page) {
  const l = await page.evaluate(() => { const l = window.__long; window.__long = []; return l; });
  return `${ms(Math.max(0, ...l))} (${l.length} over 50 ms)`;
}

/**
 * Issue 19's largest input: a 100,000-row CSV chosen as a file (made in the page first, so the
 * harness's own work is not counted), then keystrokes and a language switch over its markers.
 */
export async function largeImport(browser, base, label, rows = 100000) {
  const { context, page } = await openPage(browser, { base, contextOptions: { serviceWorkers: 'block' } });
  await page.evaluate(LONG_TASKS);
  await page.evaluate((text) => { window.__file = new File([text], 'big.csv', { type: 'text/csv' }); }, csv(rows));
  await page.waitForTimeout(500);
  await longest(page);
  const t0 = await page.evaluate(() => {
    const input = document.querySelector('[data-testid="import-file"]');
    const files = new DataTransfer();
    files.items.add(window.__file);
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return performance.now();
  });
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="trend-chart"]').dataset.markers) >= n, rows, { timeout: 120000 });
  const settled = (await page.evaluate(() => performance.now())) - t0;
  await page.waitForTimeout(1500);
  const read = await longest(page);
  await page.locator(`[data-testid="${FIELD}"]`).click();
  for (let i = 0; i < 8; i++) { await page.keyboard.type(String(i)); await page.waitForTimeout(300); }
  const typed = await longest(page);
  await page.locator('[data-testid="lang-switch"]').click();
  await page.waitForTimeout(3000);
  const switched = await longest(page);
  console.log(`${rows.toLocaleString('en-US')} imported rows (a chosen file), ${label}: drawn in ${ms(settled)}, longest task ${read}; ` +
    `8 keystrokes after: longest task ${typed}; the language switched: longest task ${switched}`);
  await context.close();
}

// Run as a script (scripts/bench.sh), not when imported (e2e/bench-mobile.mjs).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const browser = await launch();
  try {
    const paints = [];
    for (let i = 0; i < LOADS; i++) paints.push(await load(browser, BASE));
    const fcps = paints.map((p) => p.fcp);
    console.log(`first contentful paint (the static shell): median ${ms(median(fcps))} ` +
      `(min ${ms(Math.min(...fcps))}, max ${ms(Math.max(...fcps))})`);
    const frames = paints.map((p) => p.frame);
    console.log(`first painted chart (from navigation, ${LOADS} fresh loads): median ${ms(median(frames))} ` +
      `(min ${ms(Math.min(...frames))}, max ${ms(Math.max(...frames))})`);
    await keystrokes(browser, 'default points', 0);
    await keystrokes(browser, "with Epoch AI's models", 'epoch');
    await keystrokes(browser, '10,000 imported points', 10000);
    await largeImport(browser, BASE, 'this build');
    if (BASELINE) await largeImport(browser, BASELINE, 'the baseline');
    if (BASELINE) await againstBaseline(browser);
  } finally {
    await browser.close();
  }
}
