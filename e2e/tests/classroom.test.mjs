// The classroom (issue 20): the link's QR code decodes to the page's current link and follows
// every change; projector mode shows it; ?embed=1 fits an 800 × 600 frame; link previews.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { launch, Calculator } from '../calculator.mjs';

const BASE = process.env.BASE_URL || 'http://127.0.0.1:8080/';
const JSQR = createRequire(import.meta.url).resolve('jsqr');
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function fresh(options = {}) {
  // jsQR is injected as a script: the page's own policy would refuse it.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, ...options });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE).origin });
  return context;
}

/** Decodes the QR code the page shows: its SVG drawn on a canvas, read by jsQR. */
async function decodeQr(calc) {
  await calc.page.addScriptTag({ path: JSQR });
  return calc.page.evaluate(async () => {
    const svg = document.querySelector('[data-testid="share-qr"] svg');
    const img = new Image();
    const blob = new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' });
    img.src = URL.createObjectURL(blob);
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 480;
    const ctx = canvas.getContext('2d');
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(img, 0, 0, 480, 480);
    const data = ctx.getImageData(0, 0, 480, 480);
    return jsQR(data.data, 480, 480)?.data ?? null;
  });
}

test('the QR code decodes to the page\'s link and follows every change', async () => {
  const context = await fresh();
  const calc = await Calculator.open(context, BASE, '');
  assert.equal(await calc.id('share-qr').count(), 0, 'closed until asked for');
  await calc.openShare();
  await calc.id('share-qr-toggle').click();
  await calc.settle();
  assert.equal(await calc.id('share-qr-toggle').getAttribute('aria-expanded'), 'true');
  const first = await decodeQr(calc);
  assert.equal(first, await calc.copyLink());
  await calc.fill('ops-epochs', '45');
  const second = await decodeQr(calc);
  assert.ok(second.includes('ep=45'), second);
  assert.equal(second, await calc.copyLink());
  assert.deepEqual(calc.errors, []);
  await context.close();
});

test('projector mode shows the QR code at once; a student\'s phone opens the same calculation', async () => {
  const context = await fresh();
  const calc = await Calculator.open(context, BASE, '?v=1&chips=2&hw=openai-gtx580&time=5.5+d&util=0.33');
  await calc.id('projector-toggle').click();
  await calc.settle();
  const link = await decodeQr(calc);
  const phone = await Calculator.open(await fresh({ viewport: { width: 400, height: 800 } }), BASE, link.slice(link.indexOf('?')));
  assert.equal(await phone.text('gpu-pfs-days'), await calc.text('gpu-pfs-days'));
  await context.close();
});

test('?embed=1: the calculator and its chart in an 800 × 600 frame, no header, toolbar or footer, no sideways scroll', async () => {
  const context = await fresh();
  const calc = await Calculator.open(context, BASE, '');
  await calc.openShare();
  await calc.id('embed-code').click();
  await calc.untilText('copy-status', /Embed code copied/);
  const snippet = await calc.page.evaluate(() => navigator.clipboard.readText());
  assert.match(snippet, /^<iframe src="[^"]+embed=1" title="AI training compute calculator" width="800" height="600"/);
  const src = snippet.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
  const host = await context.newPage();
  await host.setViewportSize({ width: 900, height: 700 });
  await host.setContent(`<!DOCTYPE html><body style="margin:0">${snippet}</body>`);
  const frame = await (await host.waitForSelector('iframe')).contentFrame();
  await frame.locator('[data-testid="ops-pfs-days"]').waitFor({ timeout: 15000 });
  for (const hidden of ['header.top', 'footer', '[data-testid="copy-link"]']) {
    assert.equal(await frame.locator(hidden).first().isVisible(), false, hidden);
  }
  assert.ok(await frame.locator('[data-testid="trend-chart"]').isVisible(), 'the chart is there');
  const wide = await frame.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 800, `the embedded page is ${wide} px wide in an 800 px frame`);
  assert.ok(src.startsWith(BASE));
  await context.close();
});

test('link previews name the page in both languages', async () => {
  const context = await fresh();
  const page = await context.newPage();
  await page.goto(BASE);
  const meta = (sel) => page.locator(sel).getAttribute('content');
  assert.match(await meta('meta[property="og:title"]'), /AI training compute calculator · AI 训练算力计算器/);
  assert.match(await meta('meta[property="og:description"]'), /GPU time.*GPU 时间/);
  assert.equal(await meta('meta[name="twitter:card"]'), 'summary');
  await context.close();
});

/** The box of `selector` in the page, or null. */
const box = (calc, selector) => calc.page.locator(selector).first().boundingBox();
const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('projector mode: the QR code is a row of its own, and the Share… menu does not cover it (400 and 1600 px, both languages)', async () => {
  for (const width of [400, 1600]) {
    for (const lang of ['en', 'zh']) {
      const context = await fresh({ viewport: { width, height: 900 } });
      const calc = await Calculator.open(context, BASE, lang === 'zh' ? '?v=1&lang=zh' : '?v=1');
      await calc.id('projector-toggle').click();
      await calc.settle();
      await calc.openShare();
      const qr = await box(calc, '.share-qr');
      const menu = await box(calc, '.share-items');
      assert.ok(qr && menu, `${width} ${lang}: the QR code and the menu are shown`);
      assert.ok(!overlap(qr, menu), `${width} ${lang}: the menu ${JSON.stringify(menu)} covers the QR code ${JSON.stringify(qr)}`);
      // No toolbar button beside the QR code: the buttons are all above it or all below it.
      const ids = ['new-calculation', 'copy-link', 'projector-toggle', 'lang-switch'];
      const sides = [];
      for (const id of ids) {
        const b = await calc.id(id).boundingBox();
        assert.ok(b.y + b.height <= qr.y || b.y >= qr.y + qr.height, `${width} ${lang}: ${id} sits beside the QR code`);
        sides.push(b.y >= qr.y + qr.height ? 'below' : 'above');
      }
      assert.equal(new Set(sides).size, 1, `${width} ${lang}: the QR code splits the toolbar (${sides.join(' ')})`);
      await calc.page.screenshot({ path: `/tmp/w20shots/projector-share-${width}-${lang}.png` });
      assert.deepEqual(calc.errors, []);
      await context.close();
    }
  }
});

test('the transformer tab: a label that wraps leaves its input level with its neighbour\'s (400 and 1600 px, both languages)', async () => {
  for (const width of [400, 1600]) {
    for (const lang of ['en', 'zh']) {
      const context = await fresh({ viewport: { width, height: 900 } });
      const calc = await Calculator.open(context, BASE, lang === 'zh' ? '?v=1&lang=zh' : '?v=1');
      await calc.preset('gpt3-arch');
      const boxes = await calc.page.$$eval('.tf-grid .field', (fields) => fields.map((f) => f.querySelector('input, select'))
        .filter(Boolean).map((control) => {
          const r = control.getBoundingClientRect();
          return { id: control.dataset.testid || control.id, top: r.top, bottom: r.bottom };
        }));
      assert.ok(boxes.length >= 8, `${width} ${lang}: ${boxes.length} fields`);
      for (const a of boxes) {
        for (const b of boxes) {
          if (a.id < b.id && a.top < b.bottom && b.top < a.bottom) {
            assert.ok(Math.abs(a.top - b.top) <= 1, `${width} ${lang}: ${a.id} at ${a.top} beside ${b.id} at ${b.top}`);
          }
        }
      }
      await calc.page.locator('.panel', { has: calc.id('transformer-layers') }).first()
        .screenshot({ path: `/tmp/w20shots/tf-${width}-${lang}.png` }).catch(() => {});
      assert.deepEqual(calc.errors, []);
      await context.close();
    }
  }
});

test('the exercise view: the chart\'s caption says where the answer will appear, in both languages, and names the estimate once shown', async () => {
  for (const lang of ['en', 'zh']) {
    const context = await fresh({ viewport: { width: 400, height: 900 } });
    const page = await context.newPage();
    const calc = new Calculator(page, BASE);
    await page.goto(BASE + (lang === 'zh' ? '?v=1&lang=zh&' : '?v=1&') + 'quiz=1&mode=ops&fwd=11.4*10%5E9&ex=1.2M&ep=128');
    await calc.id('quiz-answer').waitFor({ timeout: 15000 });
    await calc.untilText('chart-from', lang === 'zh'
      ? '练习：显示解答后，估算结果会出现在这里和图中。'
      : 'Exercise: the estimate appears here and on the chart once the answer is shown.');
    await calc.id('quiz-reveal').click();
    await calc.untilText('chart-from', lang === 'zh' ? '来自方法 1（统计运算次数）' : 'from Method 1: counting operations');
    assert.deepEqual(calc.errors, []);
    await context.close();
  }
});

test('on a 400 px phone, the open Share… menu and the file chooser never widen the page, projector mode too', async () => {
  for (const projector of [false, true]) {
    const calc = await Calculator.open(await fresh({ viewport: { width: 400, height: 800 } }), BASE, '?lang=zh');
    if (projector) await calc.id('projector-toggle').click();
    await calc.page.locator('[data-testid="share-menu"] summary').click();
    await calc.settle();
    assert.equal(await calc.page.evaluate(() => document.documentElement.scrollWidth), 400, `share menu, projector ${projector}`);
    await calc.page.locator('[data-testid="share-menu"] summary').click();
    await calc.id('import-toggle').click();
    await calc.settle();
    assert.equal(await calc.page.evaluate(() => document.documentElement.scrollWidth), 400, `import, projector ${projector}`);
    await calc.page.context().close();
  }
});
