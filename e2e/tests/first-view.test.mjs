// Issue 21, the first view: the served HTML already holds the trend chart (drawn at build time by
// the core, scripts/shell-chart.mjs), so the first paint has a chart before any wasm runs; it is
// the drawing for the box's shape and the viewer's language, and the app's live chart replaces it.
// Expected texts are the chart's own title in each language, written out here by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, Calculator } from '../calculator.mjs';

const BASE = process.env.BASE_URL || 'http://127.0.0.1:8080/';
const TITLE = { en: 'Compute of notable models over time', zh: '历年重要模型的训练算力' };
const LEGEND_FIT = { en: 'fit: Doubling time', zh: '拟合：翻倍时间' };
const HEADING = { en: 'AI training compute calculator', zh: 'AI 训练算力计算器' };
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The page as it is before the wasm arrives (the wasm is refused), at a width, in a language. */
async function shellOnly(width, query, locale = 'en-US', viewer = null) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale, serviceWorkers: 'block' });
  if (viewer) await context.addInitScript(storeViewer, viewer);
  const page = await context.newPage();
  await page.route('**/*.wasm', (r) => r.abort());
  await page.goto(BASE + query);
  await page.locator('[data-testid="trend-chart-static"]').waitFor();
  return { context, page };
}

/** The viewer's stored display modes (src/app/mod.rs, Viewer), as a page finds them on opening. */
function storeViewer(v) { if (!sessionStorage.getItem('stored')) { localStorage.setItem('aicompute:viewer', v); sessionStorage.setItem('stored', '1'); } }

/** The static chart's drawings that are shown: [class, the words shown in order, width, height]. */
async function shown(page) {
  return page.evaluate(() => [...document.querySelectorAll('[data-testid="trend-chart-static"] svg')]
    .filter((s) => getComputedStyle(s).display !== 'none')
    .map((s) => {
      const r = s.getBoundingClientRect();
      // (Chromium's checkVisibility() says true for an SVG element inside a hidden group.)
      const drawn = (t) => { for (let e = t; e !== s; e = e.parentElement) if (getComputedStyle(e).display === 'none') return false; return true; };
      const words = [...s.querySelectorAll('text')].filter(drawn).map((t) => t.textContent.trim());
      return [s.getAttribute('class'), words, r.width, r.height];
    }));
}

for (const [width, shape] of [[1600, 'wide'], [400, 'narrow']]) {
  test(`at ${width} px the HTML shows the ${shape} chart before the wasm, in the viewer's language`, async () => {
    for (const [query, locale, lang] of [['', 'en-US', 'en'], ['?lang=zh', 'en-US', 'zh'], ['', 'zh-CN', 'zh']]) {
      const { context, page } = await shellOnly(width, query, locale);
      const [one, ...more] = await shown(page);
      assert.deepEqual(more, [], `${query} ${locale}: one drawing shown`);
      assert.equal(one[0], `shell-${shape}`, `${query} ${locale}`);
      // Its words in that language only: its title first, the other's title and legend nowhere.
      const other = lang === 'en' ? 'zh' : 'en';
      assert.equal(one[1][0], TITLE[lang]);
      assert.ok(!one[1].includes(TITLE[other]), `${query} ${locale}: ${TITLE[other]} hidden`);
      assert.ok(!one[1].some((w) => w.startsWith(LEGEND_FIT[other])), `${query} ${locale}: the other legend hidden`);
      assert.ok(one[1].some((w) => w.startsWith(LEGEND_FIT[lang])), `${query} ${locale}: the legend in ${lang}`);
      // Its box: the app's own rule, 0.55 of the width, 1.1 under 600 px (within a pixel).
      assert.ok(Math.abs(one[3] - one[2] * (shape === 'wide' ? 0.55 : 1.1)) <= 1, `${one[2]} x ${one[3]}`);
      // The shell's headings in that language alone (js/lang.js set it before the first layout),
      // and the chart's words in the page's own font.
      assert.equal(await page.locator('#loading h1').innerText(), HEADING[lang]);
      const [words, body] = await page.evaluate(() => {
        const font = (el) => getComputedStyle(el).fontFamily;
        const svg = [...document.querySelectorAll('.shell-chart svg')].find((s) => getComputedStyle(s).display !== 'none');
        return [font(svg.querySelector('text')), font(document.body)];
      });
      assert.equal(words, body, 'the chart\'s words in the body\'s font');
      // Markers of OpenAI's 15 points are drawn: circles in the SVG.
      assert.ok(await page.locator(`[data-testid="trend-chart-static"] svg.shell-${shape} circle`).count() >= 15);
      await context.close();
    }
  });
}

test('the shell\'s columns are the same while it is still being parsed: no shift as its panels arrive', async () => {
  for (const width of [1280, 1600, 1900]) {
    const { context, page } = await shellOnly(width, '');
    const columns = () => page.evaluate(() => [...document.querySelectorAll('#loading main.grid > section')].map((s) => Math.round(s.getBoundingClientRect().width)));
    const whole = await columns();
    // As a first paint can see it: the first two panels parsed, the results and the trend not yet.
    await page.evaluate(() => document.querySelectorAll('#loading section.results, #loading section.trend').forEach((s) => s.remove()));
    const part = await columns();
    assert.deepEqual(part, whole.slice(0, 2), `${width} px: the first panels keep their width`);
    await context.close();
  }
});

test('the shell\'s header is as tall as the app\'s: the panels do not move when the app mounts', async () => {
  const top = (page) => page.evaluate(() => document.querySelector('main.grid').getBoundingClientRect().y);
  // In projector mode too (the viewer's stored choice): the shell is in its type size from the
  // first layout, and its header keeps the place of the link's QR code, which the app's shows.
  const cases = [400, 700, 1000, 1280, 1600].map((w) => [w, null]).concat([400, 1000, 1600].map((w) => [w, 'projector=1']));
  for (const [width, viewer] of cases) {
    for (const query of ['', '?lang=zh']) {
      const { context, page } = await shellOnly(width, query, 'en-US', viewer);
      const shell = await top(page);
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('projector')), viewer !== null);
      await context.close();
      const app = await browser.newContext({ viewport: { width, height: 900 }, serviceWorkers: 'block' });
      if (viewer) await app.addInitScript(storeViewer, viewer);
      const calc = await Calculator.open(app, BASE, query);
      const mounted = await top(calc.page);
      const what = `${width} px ${query || 'en'}${viewer ? ' projector' : ''}`;
      assert.equal(await calc.page.evaluate(() => document.documentElement.classList.contains('projector')), viewer !== null, what);
      assert.ok(Math.abs(mounted - shell) <= 1, `${what}: the panels start at ${shell} px in the shell, ${mounted} px in the app`);
      await app.close();
    }
  }
});

test('when the app mounts, the live chart replaces the static one', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const calc = await Calculator.open(context, BASE, '?lang=zh');
  await calc.chartPainted();
  assert.equal(await calc.page.locator('[data-testid="trend-chart-static"]').count(), 0);
  assert.equal(await calc.page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.deepEqual(calc.errors, []);
  await context.close();
});
