// Issue 19, the page's side: every dropped part of a link is in the notice and gone from the
// URL; storage says when it keeps nothing and sets unreadable data aside with a note; a failed
// fetch is said in the page's language, never with the engine's error text. Expected texts are
// written out here by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, Calculator } from '../calculator.mjs';

const BASE = process.env.BASE_URL || 'http://127.0.0.1:8080/';
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function fresh(options = {}) {
  return browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
}

/** The texts of a notice's list items. */
async function items(calc, testid) {
  return calc.page.locator(`[data-testid="${testid}"] li`).allInnerTexts();
}

/** Sets local storage (the page open on the origin), then opens the bare address again (a
 * reload would open the query the page wrote into its URL). */
async function seedAndReload(calc, entries) {
  await calc.page.evaluate((e) => { for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v); }, entries);
  await calc.page.goto(BASE);
  await calc.ready();
}

test('a link\'s bad menu values (prec, gated, tied, pos, bias, conv) are listed in the notice and gone from the URL', async () => {
  const context = await fresh({ serviceWorkers: 'block' });
  const calc = await Calculator.open(context, BASE,
    '?v=1&fwd=1G&ex=1M&prec=fp9&gated=maybe&tied=sometimes&pos=1&bias=some&conv=chinchilla&name=Kept');
  assert.deepEqual(await items(calc, 'link-ignored'), [
    'prec=fp9: not one of fp64, fp32, tf32, fp16, bf16, fp8, int8; the default was used',
    'gated=maybe: not one of yes, no; the default was used',
    'tied=sometimes: not one of yes, no; the default was used',
    'pos=1: not one of yes, no; the default was used',
    'bias=some: not one of none, qkv, all; the default was used',
    'conv=chinchilla: not one of kaplan, palm; the default was used',
  ]);
  // The URL is written from what the page used: the good parts, free text as typed.
  await calc.page.waitForFunction(() => !location.search.includes('prec'), null, { timeout: 3000 });
  assert.equal(await calc.page.evaluate(() => location.search), '?v=1&fwd=1G&ex=1M&name=Kept');
  assert.equal(await calc.value('user-name'), 'Kept');
  await calc.switchLanguage();
  assert.equal((await items(calc, 'link-ignored'))[1], 'gated=maybe：不是 yes、no 之一，已采用默认值');
  assert.deepEqual(calc.errors, []);
  await context.close();
});

test('a kept calculation that cannot be read is said in the notice and replaced', async () => {
  const context = await fresh({ serviceWorkers: 'block' });
  const calc = await Calculator.open(context, BASE, '');
  await seedAndReload(calc, { 'aicompute:viewer': 'keep=1', 'aicompute:last': 'garbage&zz=1' });
  await calc.id('kept-ignored').waitFor({ timeout: 3000 });
  assert.match(await calc.text('kept-ignored'),
    /^The calculation kept in this browser could not be read: the worked example opened instead and replaced it\. What could not be read:/);
  assert.deepEqual(await items(calc, 'kept-ignored'),
    ['garbage: not a parameter of this page', 'zz: not a parameter of this page']);
  // The worked example (AlexNet by both methods) opened, and is what is kept now.
  assert.equal(await calc.value('ops-forward'), '0.75G');
  await calc.page.waitForFunction(() => (localStorage.getItem('aicompute:last') || '').startsWith('v=1&eg1='), null, { timeout: 3000 });
  await calc.page.goto(BASE);
  await calc.ready();
  assert.equal(await calc.id('kept-ignored').count(), 0, 'said once: the garbage is gone');
  // Partly readable: what could be read opens, the rest is said.
  await seedAndReload(calc, { 'aicompute:last': 'v=1&fwd=2G&ex=1M&gated=perhaps' });
  assert.match(await calc.text('kept-ignored'), /^The calculation kept in this browser had parts this page could not use; they were left out and are no longer kept:/);
  assert.deepEqual(await items(calc, 'kept-ignored'), ['gated=perhaps: not one of yes, no; the default was used']);
  assert.equal(await calc.value('ops-forward'), '2G');
  await calc.switchLanguage();
  assert.match(await calc.text('kept-ignored'), /^此浏览器中保存的计算有本页无法使用的部分，已略去，不再保存：/);
  assert.deepEqual(calc.errors, []);
  await context.close();
});

test('unreadable saved estimates are set aside with a count, never shown as blank rows, and kept until removed', async () => {
  const context = await fresh({ serviceWorkers: 'block' });
  const calc = await Calculator.open(context, BASE, '');
  await seedAndReload(calc, { 'aicompute.saved': 'v=1&fwd=1G&ex=1M&date=2020&name=Good\ngarbage\n%%%\nv=1&zz=1' });
  const rows = calc.page.locator('[data-testid="saved-table"] tbody tr');
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().innerText(), /^Good\t2020/);
  assert.equal(await calc.text('saved-aside'),
    '3 saved estimates could not be read; they are set aside (kept as they were, not shown). Remove the unreadable rows');
  assert.doesNotMatch(await calc.page.locator('body').innerText(), /#\d+\s+—/);
  // Saving another keeps them, after the readable rows; removing them forgets them.
  await calc.id('save-estimate').click();
  await calc.settle();
  assert.equal(await rows.count(), 2);
  const stored = await calc.page.evaluate(() => localStorage.getItem('aicompute.saved'));
  assert.match(stored, /^v=1&fwd=1G&ex=1M&date=2020&name=Good\nv=1&eg1=alexnet-ops&.*\ngarbage\n%%%\nv=1&zz=1$/);
  await calc.switchLanguage();
  assert.match(await calc.text('saved-aside'), /^有 3 条已保存的估算无法读取，已单独保留（原样保存，不显示）。/);
  await calc.id('saved-aside-remove').click();
  await calc.settle();
  assert.equal(await calc.id('saved-aside').count(), 0);
  assert.doesNotMatch(await calc.page.evaluate(() => localStorage.getItem('aicompute.saved')), /garbage/);
  assert.deepEqual(calc.errors, []);
  await context.close();
});

test('an import too large for local storage says it will be gone on reload, and is', async () => {
  const context = await fresh({ serviceWorkers: 'block' });
  const calc = await Calculator.open(context, BASE, '?v=1');
  await calc.id('import-toggle').click();
  // A small import is kept.
  await calc.fill('import-data', 'name,date,flop\nSmall,2020,1e20\n');
  await calc.id('import-apply').click();
  await calc.untilText('import-kept', 'Kept in this browser only; nothing is uploaded.');
  // 6 MB, over Chromium's local storage quota (about 5.2 million characters): two rows with
  // compute, then one padded row that the reader, stopping at 5 MiB, leaves out (and says so).
  const csv = `name,date,flop,notes\nBig A,2021,1e21,\nBig B,2022,1e22,\nPadding,2020,,${'x'.repeat(6e6)}\n`;
  await calc.id('import-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await calc.untilText('import-kept', 'Too large to keep in this browser: it will be gone on reload. Nothing is uploaded.', 30000);
  // Whether it can be kept is known from its size, before its rows are read (in slices, issue 19).
  await calc.untilText('import-status', '2 rows on the chart; 0 skipped for having no compute; 1 with a problem', 30000);
  // Nothing is kept: not the big one, and not the earlier small one either.
  assert.equal(await calc.page.evaluate(() => localStorage.getItem('aicompute.import')), null);
  await calc.switchLanguage();
  assert.equal(await calc.text('import-kept'), '数据太大，无法保存在此浏览器中：重新加载后将消失。不会上传。');
  await calc.page.reload();
  await calc.ready();
  assert.equal(await calc.value('import-data'), '');
  assert.deepEqual(calc.errors, []);
  await context.close();
});

test('a long file is read and drawn but not laid out in the text area, nor listed whole in the data table, which say so in both languages', async () => {
  const context = await fresh({ serviceWorkers: 'block' });
  const calc = await Calculator.open(context, BASE, '?v=1');
  const markers = async () => Number(await calc.id('trend-chart').getAttribute('data-markers'));
  const before = await markers();
  await calc.id('import-toggle').click();
  // 4,000 rows of 28 bytes with their line ends, a 15-byte header: 112,015 bytes, over the
  // 100,000 the text area shows; 4,001 lines.
  const rows = Array.from({ length: 4000 }, (_, i) => `Model ${String(i).padStart(5, '0')},2020-01,1.00e21`);
  const csv = ['name,date,flop', ...rows].join('\n') + '\n';
  assert.equal(Buffer.byteLength(csv), 15 + 4000 * 28);
  await calc.id('import-file').setInputFiles({ name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await calc.page.waitForFunction((n) => Number(document.querySelector('[data-testid="trend-chart"]').dataset.markers) === n, before + 4000, { timeout: 20000 });
  assert.equal(await calc.value('import-data'), '');
  assert.equal(await calc.text('import-large'), '4001 lines, 112015 bytes: too long to show here (laying them out would hold up the page); they are read and drawn as usual. Paste or choose other data to replace them.');
  // The data table lists the first 1,000 points, and says so.
  await calc.id('data-table-toggle').click();
  // The table is built on the details' toggle event, which comes after the click.
  await calc.id('data-table-more').waitFor();
  assert.equal(await calc.page.locator('[data-testid="data-table"] tbody tr').count(), 1000);
  const all = (before + 4000).toLocaleString('en-US');
  assert.equal(await calc.text('data-table-more'), `Only the first 1,000 of ${all} points are listed here (a longer table would hold up the page); the chart shows them all.`);
  await calc.switchLanguage();
  assert.equal(await calc.text('import-large'), '4001 行，112015 字节：太长，不在此显示（排版这些文字会让页面停顿）；仍照常读取并绘入图中。粘贴或选择其他数据即可替换。');
  assert.equal(await calc.text('data-table-more'), `此处只列出 ${all} 个点中的前 1,000 个（表格再长会让页面停顿）；图中仍显示全部。`);
  // Typing replaces it: the note goes, the text area shows what was typed.
  await calc.fill('import-data', 'name,date,flop\nSmall,2020,1e20\n');
  await calc.id('import-apply').click();
  await calc.page.waitForFunction((n) => Number(document.querySelector('[data-testid="trend-chart"]').dataset.markers) === n, before + 1);
  assert.equal(await calc.id('import-large').count(), 0);
  assert.deepEqual(calc.errors, []);
  await context.close();
});

/** Opens the page and waits until its service worker controls it. */
async function controlled(context, query) {
  const calc = await Calculator.open(context, BASE, query);
  await calc.page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await calc.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  return calc;
}

const ENGINE = /JsValue|TypeError|wasm-function|Failed to fetch/;

test('offline, Epoch AI\'s models not yet loaded are said in the page\'s language, without engine text', async () => {
  const context = await fresh();
  const calc = await controlled(context, '?v=1');
  await context.setOffline(true);
  await calc.id('set-epoch').check();
  await calc.untilText('epoch-status', "Epoch AI's data needs a connection the first time; once loaded it works offline.");
  assert.doesNotMatch(await calc.page.locator('body').innerText(), ENGINE);
  await calc.switchLanguage();
  await calc.untilText('epoch-status', '首次加载 Epoch AI 的数据需要网络连接；加载过一次后即可离线使用。');
  assert.doesNotMatch(await calc.page.locator('body').innerText(), ENGINE);
  assert.doesNotMatch(await calc.page.content(), ENGINE);
  // Back online, asking again loads them.
  await context.setOffline(false);
  await calc.id('set-epoch').uncheck();
  await calc.id('set-epoch').check();
  await calc.page.waitForFunction(() => !document.querySelector('[data-testid="epoch-status"]'), null, { timeout: 10000 });
  await context.close();
});

test('Epoch AI\'s models, loaded before the service worker controlled the page, are kept for an offline visit', async () => {
  const context = await fresh();
  // The service worker's script is held back until the models have loaded: their fetch passes
  // it by, and only the page's request to keep them can put them in its cache.
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route('**/sw.js', async (route) => { await held; await route.continue(); });
  const page = await context.newPage();
  await page.goto(BASE + '?v=1');
  const calc = new Calculator(page, BASE);
  await calc.ready();
  await calc.id('set-epoch').check();
  await calc.chartPainted();
  await page.waitForFunction(() => !document.querySelector('[data-testid="epoch-status"]'), null, { timeout: 10000 });
  const markersOnline = Number(await calc.id('trend-chart').getAttribute('data-markers'));
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
  release();
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(async () => Boolean(await caches.match(new URL('epoch-notable-models.csv', document.baseURI).href)),
    null, { timeout: 10000, polling: 200 });
  await context.setOffline(true);
  await page.reload();
  await calc.ready();
  await calc.id('set-epoch').check();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="trend-chart"]').dataset.markers) === n,
    markersOnline, { timeout: 10000 });
  assert.equal(await calc.id('epoch-status').count(), 0);
  assert.deepEqual(calc.errors, []);
  await context.setOffline(false);
  await context.close();
});
