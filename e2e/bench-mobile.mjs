// The page's benchmark under Lighthouse's mobile profile (scripts/bench.sh --mobile, issue 21):
// figures, not a test. Usage:
//   node bench-mobile.mjs [--loads N] [--no-10k] [--phone] URL [BASELINE_URL]
// URL (and BASELINE_URL) serve a dist/ gzip-encoded (e2e/gzip-server.mjs). Every page runs
// with the CPU throttled 4x (Emulation.setCPUThrottlingRate) and the network emulated at 150 ms
// round trip, 1.6 Mbit/s down, 675 kbit/s up (Network.emulateNetworkConditions), both through the
// DevTools protocol, in a 1280x900 viewport (as e2e/bench.mjs), or with --phone in Lighthouse's
// phone screen too (412x823 CSS px at a device pixel ratio of 1.75, touch: the page's narrow layout).
// Each load is a fresh browser context (empty cache) with service workers blocked, so no load
// is served from a previous one's cache or worker. Prints medians over N loads (default 11) of:
//   first contentful paint (PerformanceObserver 'paint');
//   first chart: the first painted frame showing a chart, the live canvas (data-painted="true")
//     or the static one ([data-testid="trend-chart-static"], rendered with a size), whichever
//     comes first, and in how many loads each kind came first;
//   interactive: the first time typing into [data-testid="ops-examples"] changes
//     [data-testid="ops-pfs-days"] (polled: once both exist, a value is typed every 20 ms and put
//     back if nothing answered; the time is when the changed result is seen);
//   bytes before interactive: transferSize of the navigation and every resource whose responseEnd
//     is before interactive (headers + gzip bodies), and of the whole load, up to the end;
//   CLS: the largest session window (shifts less than 1 s apart, at most 5 s) of layout shifts
//     without recent input, from navigation to 1.5 s after both the chart and interactive; the
//     shifts in the 500 ms after the typing that answered are left out, as hadRecentInput would
//     for a real keystroke (the benchmark's typing is synthetic); for the load with the largest,
//     each shift: when, how long after the typing that answered, and what moved;
// the page polled through the DevTools protocol (Runtime.evaluate), never Playwright's
// waitForFunction, which first puts Playwright's own script into the page;
// then the keystroke figures of e2e/bench.mjs (keystrokeTimes) in a throttled page: keystroke ->
// result and -> the first frame after the input painted (the one that shows the result), p50/p95,
// at the default points, with Epoch AI's models (issue 21's 458 points) and at 10,000 imported
// points (--no-10k skips those). With BASELINE_URL, the same figures for the baseline,
// loads interleaved (this, baseline, this, ...), and the ratios this/baseline.
import { launch } from './calculator.mjs';
import { keystrokeTimes, median, pct } from './bench.mjs';

const args = process.argv.slice(2);
let LOADS = 11;
let TENK = true;
let PHONE = false;
const urls = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--loads') LOADS = Number(args[++i]);
  else if (args[i] === '--no-10k') TENK = false;
  else if (args[i] === '--phone') PHONE = true;
  else urls.push(args[i]);
}
const [BASE, BASELINE] = urls;
if (!BASE || !(LOADS >= 1)) {
  console.error('usage: node bench-mobile.mjs [--loads N] [--no-10k] [--phone] URL [BASELINE_URL]');
  process.exit(2);
}

const CPU = 4;
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const SETTLE = 1500;
const SCREEN = PHONE
  ? { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true }
  : { viewport: { width: 1280, height: 900 } };

/** Lighthouse's mobile throttling, for one page, before it loads. */
async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  return cdp;
}

// Runs in the page before its own scripts: FCP, layout shifts, the first chart, interactive.
const WATCH = () => {
  const m = (window.__mobile = { fcp: null, chart: null, kind: null, interactive: null, typed: null, polls: 0, shifts: [] });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') m.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      // What moved, for the report of the load with the largest CLS.
      const what = (n) => (!n ? '?' : n.nodeType === 1 ? `${n.tagName.toLowerCase()}${n.dataset?.testid ? `[${n.dataset.testid}]` : n.className ? `.${String(n.className).split(' ')[0]}` : ''}` : '#text');
      const moved = e.sources.map((s) => `${what(s.node)} y ${s.previousRect.y}->${s.currentRect.y} h ${s.previousRect.height}->${s.currentRect.height}`);
      m.shifts.push({ t: e.startTime, v: e.value, input: e.hadRecentInput, moved });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const task = () => new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = r; ch.port2.postMessage(0); });

  // The first chart: once one is in the document, the end of the next painted frame (as
  // e2e/bench.mjs's PAINT_WATCH). A static chart counts only if it is rendered with a size.
  let waiting = false;
  let hiddenStatic = null;
  const look = () => {
    if (m.chart !== null || waiting) return;
    const live = document.querySelector('[data-painted="true"]');
    const stat = document.querySelector('[data-testid="trend-chart-static"]');
    const kind = live ? 'live' : stat && stat !== hiddenStatic ? 'static' : null;
    if (!kind) return;
    waiting = true;
    requestAnimationFrame(() => {
      if (kind === 'static' && !(stat.getBoundingClientRect().width > 0)) {
        hiddenStatic = stat;
        waiting = false;
        return;
      }
      task().then(() => {
        m.chart = performance.now();
        m.kind = kind;
        obs.disconnect();
      });
    });
  };
  const obs = new MutationObserver(look);
  obs.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-painted'] });

  // Interactive: type into the field once it and the result exist; seen answered after one
  // task (Leptos' effects run in microtasks). The same elements must still be in the page, so a
  // result replaced by the app's own mount does not count as an answer.
  const poll = () => {
    if (m.interactive !== null) return;
    const input = document.querySelector('[data-testid="ops-examples"]');
    const out = document.querySelector('[data-testid="ops-pfs-days"]');
    if (!input || !out) { setTimeout(poll, 20); return; }
    const before = out.textContent;
    const old = input.value;
    const t0 = performance.now();
    input.value = old === '2500000' ? '3500000' : '2500000';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    m.polls++;
    task().then(() => {
      if (input.isConnected && out.isConnected && out.textContent !== before) {
        m.typed = t0;
        m.interactive = performance.now();
        return;
      }
      if (input.isConnected) {
        input.value = old;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      setTimeout(poll, 20);
    });
  };
  setTimeout(poll, 0);
};

/** CLS as web-vitals computes it: the largest session window of shifts without recent input. */
function cls(shifts, typed) {
  let best = 0;
  let sum = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const s of shifts) {
    if (s.input || (typed !== null && s.t >= typed && s.t < typed + 500)) continue;
    if (s.t - last < 1000 && s.t - first < 5000) sum += s.v;
    else { sum = s.v; first = s.t; }
    last = s.t;
    best = Math.max(best, sum);
  }
  return best;
}

/** One fresh, throttled load of `base`. */
async function load(browser, base) {
  const context = await browser.newContext({ ...SCREEN, bypassCSP: true, serviceWorkers: 'block' });
  try {
    await context.addInitScript(WATCH);
    const page = await context.newPage();
    const cdp = await throttle(context, page);
    await page.goto(base, { waitUntil: 'commit' });
    // Polled through the DevTools protocol in the page's own world: Playwright's waitForFunction
    // would first put its own script into the page, 130-160 ms of the throttled main thread
    // (traced) just when the first paint is being made, which no visitor's page spends.
    const done = 'Boolean(window.__mobile && window.__mobile.chart !== null && window.__mobile.interactive !== null)';
    for (const start = Date.now(); ; await new Promise((r) => setTimeout(r, 100))) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: done, returnByValue: true });
      if (result.value === true) break;
      if (Date.now() - start > 90000) throw new Error('no chart and no interactive page within 90 s');
    }
    await page.waitForTimeout(SETTLE);
    return await page.evaluate(() => {
      const m = window.__mobile;
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      const bytes = (until) => entries.filter((e) => e.responseEnd <= until).reduce((a, e) => a + (e.transferSize || 0), 0);
      return { ...m, before: bytes(m.interactive), total: bytes(Infinity), files: entries.length };
    });
  } finally {
    await context.close();
  }
}

const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : 'n/a');
const kb = (x) => `${Math.round(x).toLocaleString('en-US')} B`;
const ratio = (a, b) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}x` : 'n/a');

function summary(runs) {
  const kinds = {};
  for (const r of runs) kinds[r.kind] = (kinds[r.kind] || 0) + 1;
  const c = runs.map((r) => cls(r.shifts, r.typed));
  return {
    fcp: median(runs.map((r) => r.fcp ?? NaN)),
    chart: median(runs.map((r) => r.chart)),
    kinds: Object.entries(kinds).map(([k, n]) => `${k} ${n}/${runs.length}`).join(', '),
    interactive: median(runs.map((r) => r.interactive)),
    polls: median(runs.map((r) => r.polls)),
    before: median(runs.map((r) => r.before)),
    total: median(runs.map((r) => r.total)),
    cls: median(c),
    clsMax: Math.max(...c),
    spread: (k) => [Math.min(...runs.map((r) => r[k])), Math.max(...runs.map((r) => r[k]))],
  };
}

function row(label, a, b, fmt) {
  const cells = [label.padEnd(44), fmt(a).padStart(12)];
  if (b !== undefined) cells.push(fmt(b).padStart(12), ratio(a, b).padStart(7));
  console.log(cells.join('  '));
}

const browser = await launch();
try {
  console.log(`mobile profile: CPU ${CPU}x slower, ${NETWORK.latency} ms round trip, 1.6 Mbit/s down, 675 kbit/s up, ` +
    `files gzip-encoded; fresh context per load, service workers blocked; medians of ${LOADS} loads` +
    (BASELINE ? ', interleaved with the baseline' : ''));
  const now = [];
  const then = [];
  for (let i = 0; i < LOADS; i++) {
    now.push(await load(browser, BASE));
    if (BASELINE) then.push(await load(browser, BASELINE));
  }
  const a = summary(now);
  const b = BASELINE ? summary(then) : undefined;
  const pick = (k) => [a[k], b?.[k]];
  console.log(['figure'.padEnd(44), 'this'.padStart(12), ...(b ? ['baseline'.padStart(12), 'ratio'.padStart(7)] : [])].join('  '));
  row('first contentful paint', ...pick('fcp'), ms);
  row('first chart painted', ...pick('chart'), ms);
  row('interactive (typing changes the result)', ...pick('interactive'), ms);
  row('bytes transferred before interactive', ...pick('before'), kb);
  row('bytes transferred, whole load', ...pick('total'), kb);
  row('CLS (median of the loads)', ...pick('cls'), (x) => x.toFixed(3));
  console.log(`  first chart came from: this ${a.kinds}` + (b ? `; baseline ${b.kinds}` : ''));
  console.log(`  CLS max over the loads: this ${a.clsMax.toFixed(3)}` + (b ? `; baseline ${b.clsMax.toFixed(3)}` : ''));
  for (const [who, runs] of [['this', now], ['baseline', then]]) {
    const worst = runs.reduce((w, r) => (cls(r.shifts, r.typed) > cls(w?.shifts ?? [], w?.typed ?? null) ? r : w), null);
    if (!worst) continue;
    for (const sh of worst.shifts.filter((x) => !x.input)) {
      const after = worst.typed === null ? '' : `, ${(sh.t - worst.typed).toFixed(0)} ms after the typing that answered`;
      console.log(`    ${who}: a shift of ${sh.v.toFixed(3)} at ${sh.t.toFixed(0)} ms${after}: ${sh.moved.join('; ')}`);
    }
  }
  console.log(`  interactive min-max: this ${a.spread('interactive').map(ms).join('-')}` +
    (b ? `; baseline ${b.spread('interactive').map(ms).join('-')}` : '') +
    `; typing polls before it (median): this ${a.polls}` + (b ? `; baseline ${b.polls}` : ''));

  // The default points, and Epoch AI's models (issue 21's 458 points), and 10,000.
  const sizes = [['default points', 0], ["Epoch AI's models", 'epoch']];
  if (TENK) sizes.push(['10,000 imported points', 10000]);
  for (const [label, points] of sizes) {
    const options = { setup: throttle, timeout: 90000 };
    const t0 = Date.now();
    const x = await keystrokeTimes(browser, points, BASE, options);
    const y = BASELINE ? await keystrokeTimes(browser, points, BASELINE, options) : undefined;
    const p = (r, k, q) => pct(r.t.map((e) => e[k]), q);
    const unchanged = (r) => r.t.filter((e) => !e.changed).length;
    console.log(`keystroke, ${label} (${x.markers}${y ? ` / ${y.markers}` : ''} markers; ${((Date.now() - t0) / 1000).toFixed(0)} s):`);
    for (const [name, k] of [['-> result', 'result'], ['-> result painted', 'frame']]) {
      for (const q of [50, 95]) row(`  ${name} p${q}`, p(x, k, q), y && p(y, k, q), (v) => `${v.toFixed(1)} ms`);
    }
    if (unchanged(x) || (y && unchanged(y))) {
      console.log(`  painted without the new result: this ${unchanged(x)}` + (y ? `, baseline ${unchanged(y)}` : '') + ` of ${x.t.length}`);
    }
  }
} finally {
  await browser.close();
}
