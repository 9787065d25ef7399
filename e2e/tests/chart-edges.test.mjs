// The chart's tooltip keeps its width at the chart's right edge (it moves left of the pointer, and
// stays inside the chart), and the data table on a 400-pixel phone breaks no word inside a name or
// a source. BASE_URL is the served dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, Calculator } from '../calculator.mjs';

const BASE = process.env.BASE_URL || 'http://127.0.0.1:8080/';
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The rightmost pixel of OpenAI's marker colour on the canvas (light scheme), in CSS pixels. */
async function rightmostMarker(calc) {
  return calc.page.evaluate(() => {
    const c = document.querySelector('[data-testid="trend-chart"]');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const scale = c.width / c.getBoundingClientRect().width;
    for (let x = c.width - 1; x >= 0; x--) {
      for (let y = 0; y < c.height; y++) {
        const i = (y * c.width + x) * 4;
        if (d[i] === 20 && d[i + 1] === 90 && d[i + 2] === 200) return [(x - 3) / scale, y / scale];
      }
    }
    return null;
  });
}

for (const width of [1280, 400]) {
  test(`at ${width} px the tooltip at the chart's right edge keeps its width, left of the pointer and inside the chart`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: 'light' });
    const calc = await Calculator.open(context, BASE, '');
    await calc.chartPainted();
    const at = await rightmostMarker(calc);
    assert.ok(at, 'an OpenAI marker on the canvas');
    await calc.id('trend-chart').scrollIntoViewIfNeeded();
    const chart = await calc.id('trend-chart').boundingBox();
    await calc.page.mouse.move(chart.x + at[0], chart.y + at[1]);
    const tip = calc.id('chart-tooltip');
    await tip.waitFor({ timeout: 5000 });
    await calc.settle();
    const box = await tip.boundingBox();
    const rem = await calc.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    // Its own width: at least 15 rem (or the chart's width, on a phone narrower than that and 2 rem).
    assert.ok(box.width >= Math.min(15 * rem, chart.width) - 1, `tooltip ${box.width} px wide`);
    assert.ok(box.x >= chart.x - 1 && box.x + box.width <= chart.x + chart.width + 1, `tooltip ${JSON.stringify(box)} inside the chart ${JSON.stringify(chart)}`);
    if (width >= 1280) {
      // Room on the left: it sits left of the pointer, 12 px from it.
      assert.ok(Math.abs(box.x + box.width - (chart.x + at[0] - 12)) <= 1.5, `right edge ${box.x + box.width}, pointer ${chart.x + at[0]}`);
    }
    await context.close();
  });
}

test('the user\'s own point has a tooltip: its name and date, the estimate\'s figure and which it is, in both languages', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  // 16e9 × 2 × 3 × 1.2e6 × 74 = 8.5248e18 FLOP, dated May 2016, named.
  const calc = await Calculator.open(context, BASE, '?v=1&fwd=16G&ex=1.2M&ep=74&date=2016-05&name=My%20model');
  await calc.chartPainted();
  for (const lang of ['en', 'zh']) {
    if (lang === 'zh') await calc.switchLanguage();
    await calc.settle();
    await calc.id('trend-chart').scrollIntoViewIfNeeded();
    // Where the point is in this language's drawing (the axes' words move the plot).
    const [ux, uy] = (await calc.id('trend-chart').getAttribute('data-user')).split(',').map(Number);
    const chart = await calc.id('trend-chart').boundingBox();
    await calc.page.mouse.move(chart.x + 5, chart.y + 5);
    await calc.page.mouse.move(chart.x + ux, chart.y + uy);
    const tip = calc.id('chart-tooltip');
    await tip.waitFor({ timeout: 5000 });
    const text = await tip.innerText();
    const current = (await calc.text('current-estimate')).split(' · ');
    assert.ok(text.startsWith('My model · 2016-05'), text);
    // The figure the results give, 8.52 × 10¹⁸ FLOP, and which estimate it is.
    assert.ok(current[0].startsWith('8.52 × 10¹⁸ FLOP = '), current[0]);
    assert.ok(text.includes(current[0]) && text.includes(current[1]), `${text} | ${current}`);
  }
  await context.close();
});

test('at 400 px the data table breaks no word inside a name or a source', async () => {
  const context = await browser.newContext({ viewport: { width: 400, height: 900 } });
  const calc = await Calculator.open(context, BASE, '');
  await calc.id('data-table-toggle').click();
  await calc.id('data-table').waitFor();
  await calc.settle();
  const broken = await calc.page.evaluate(() => {
    const out = [];
    for (const td of document.querySelectorAll('[data-testid="data-table"] tbody td')) {
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.data.matchAll(/\S+/g)) {
          const r = document.createRange();
          r.setStart(node, m.index);
          r.setEnd(node, m.index + m[0].length);
          // A word on one line has one box; one split over two lines has two at different heights.
          const tops = new Set([...r.getClientRects()].map((b) => Math.round(b.top)));
          if (tops.size > 1) out.push(m[0]);
        }
      }
    }
    return out;
  });
  assert.deepEqual(broken, [], `words split over lines: ${broken.join(', ')}`);
  const overflow = await calc.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
  await context.close();
});
