// One current estimate, named everywhere (issue 17): no worked example's untouched inputs drive a
// figure computed from the user's own inputs; placeholders are hints; a new calculation; display
// modes are the viewer's; a target linked to Method 1's estimate.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, Calculator } from '../calculator.mjs';

const BASE = process.env.BASE_URL || 'http://127.0.0.1:8080/';
const DAY = 86400;
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function fresh(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE).origin });
  return context;
}

/** The threshold list item of the EU AI Act (10^25 FLOP). */
async function euThreshold(calc) {
  return (await calc.page.locator('[data-testid="thresholds"] li').first().innerText()).trim();
}

test('a run typed into Method 2 over the example: thresholds, citation, chart and planner follow it and say so', async () => {
  const context = await fresh();
  const calc = await Calculator.open(context, BASE, '');
  // The first visit: AlexNet both ways, each method marked as the example.
  assert.match(await calc.text('m1-example'), /AlexNet \(operations\)/);
  assert.match(await calc.text('m2-example'), /AlexNet \(GPU time\)/);
  assert.match(await calc.text('current-estimate'), /both methods \(geometric mean\)/);
  await calc.fill('gpu-chips', '2048');
  // Leaving the example by one method clears the other, its name and date, and says so.
  assert.match(await calc.text('example-cleared'), /worked example's inputs in the other method were cleared/);
  assert.equal(await calc.id('m1-example').count(), 0);
  assert.equal(await calc.value('ops-forward'), '');
  assert.equal(await calc.value('user-name'), '');
  assert.equal(await calc.text('ops-pfs-days'), '—');
  await calc.fill('gpu-hardware', 'H800');
  await calc.fill('gpu-time', '57 d');
  await calc.fill('gpu-utilization', '40%');
  // 2,048 × 989 TFLOP/s (dense BF16) × 57 days × 40% = 3.99 × 10^24 FLOP: 0.4× the EU AI Act's 10^25.
  const flop = 2048 * 989e12 * 57 * DAY * 0.4;
  assert.equal((flop / 1e25).toFixed(1), '0.4');
  await calc.untilText('current-estimate', /^3\.99 × 10²⁴ FLOP = .* · from Method 2: GPU time$/);
  assert.match(await euThreshold(calc), /^below the EU AI Act threshold \(10²⁵ FLOP\): 0\.4×/);
  for (const id of ['thresholds-from', 'citation-from', 'chart-from', 'planner-from']) {
    assert.equal(await calc.page.locator(`[data-testid="${id}"]`).first().textContent(), 'from Method 2: GPU time', id);
  }
  assert.match(await calc.page.locator('[data-testid="citation"] p').nth(1).innerText(), /^We estimate 3\.99 × 10²⁴ FLOP/);
  // The power used is the H800's TDP, said beside the empty field; its placeholder is no number.
  assert.match(await calc.text('gpu-power-used'), /^Used: 700 W — NVIDIA H800 SXM5 TDP\. Source: /);
  assert.equal(await calc.id('gpu-power').getAttribute('placeholder'), 'default');
  assert.match(await calc.id('gpu-price').getAttribute('placeholder'), /^e\.g\. /);
  assert.equal(await calc.text('gpu-cost'), '—');
  // Put the example back: it stands beside the run, marked, and the figures still follow the run.
  await calc.id('example-restore').click();
  await calc.settle();
  assert.match(await calc.text('m1-example'), /AlexNet \(operations\)/);
  assert.equal(await calc.text('thresholds-from'), 'from Method 2: GPU time');
  assert.match(await calc.text('compare-example'), /still holds the worked example/);
  await calc.switchLanguage();
  assert.equal(await calc.text('thresholds-from'), '来自方法 2（GPU 时间）');
  assert.match(await euThreshold(calc), /仅为阈值的 40%/);
  // The user's pick: Method 1 (the example) now drives the figures, and they say so.
  await calc.id('estimate-basis').selectOption('1');
  await calc.settle();
  assert.equal(await calc.text('thresholds-from'), '来自方法 1（统计运算次数），算例为 AlexNet（运算次数）');
  assert.deepEqual(calc.errors, []);
  await context.close();
});

test('a new calculation; the bare address opens the example unless the viewer keeps the last one', async () => {
  const context = await fresh();
  let calc = await Calculator.open(context, BASE, '');
  await calc.fill('ops-epochs', '45');
  await calc.page.goto(BASE);
  await calc.ready();
  assert.equal(await calc.value('ops-epochs'), '90', 'not kept: the example again');
  assert.equal(await calc.id('keep-calculation').isChecked(), false);
  await calc.id('keep-calculation').check();
  await calc.fill('ops-epochs', '45');
  await calc.id('ops-examples').focus(); // a blur writes the pending change
  await calc.page.waitForFunction(() => (localStorage.getItem('aicompute:last') || '').includes('ep=45'), null, { timeout: 3000 });
  calc = await Calculator.open(context, BASE, '');
  assert.equal(await calc.value('ops-epochs'), '45', 'kept: the last calculation');
  await calc.id('new-calculation').click();
  await calc.settle();
  for (const id of ['ops-forward', 'ops-examples', 'ops-epochs', 'gpu-chips', 'gpu-hardware', 'gpu-time', 'user-name', 'user-date']) {
    assert.equal(await calc.value(id), '', id);
  }
  assert.equal(await calc.text('ops-pfs-days'), '—');
  assert.equal(await calc.text('gpu-pfs-days'), '—');
  assert.equal(await calc.text('current-estimate'), 'No current estimate yet: fill in Method 1 or Method 2.');
  // Unchecking forgets the stored calculation.
  await calc.id('keep-calculation').uncheck();
  await calc.fill('ops-epochs', '7');
  await calc.id('ops-examples').focus();
  await calc.page.waitForFunction(() => localStorage.getItem('aicompute:last') === null, null, { timeout: 3000 });
  await context.close();
});

test('"New calculation" says what it did and offers an Undo that brings back the calculation exactly', async () => {
  const context = await fresh();
  for (const lang of ['en', 'zh']) {
    // A calculation of the user's own: a preset, an edit, a name, Epoch AI's data on the chart.
    const calc = await Calculator.open(context, BASE, lang === 'zh' ? '?v=1&lang=zh' : '?v=1');
    await calc.preset('gpt3');
    await calc.fill('gpu-chips', '1024');
    await calc.fill('user-name', 'Mine');
    await calc.id('gpu-chips').focus(); // a blur writes the pending change to the address
    await calc.page.waitForFunction(() => location.search.includes('name=Mine'), null, { timeout: 3000 });
    const before = calc.page.url();
    const shown = await calc.text('current-estimate');
    await calc.id('new-calculation').click();
    await calc.settle();
    assert.equal(await calc.value('user-name'), '');
    await calc.page.waitForFunction(() => !location.search.includes('name=Mine'), null, { timeout: 3000 });
    assert.equal(await calc.text('new-notice').then((t) => t.split('\n')[0]),
      lang === 'zh' ? '已新建计算：所有字段已清空。' : 'Started a new calculation: every field is empty.');
    assert.equal(await calc.text('new-undo'), lang === 'zh' ? '撤销' : 'Undo');
    await calc.id('new-undo').click();
    await calc.settle();
    // Exactly as before: the link (every field and choice) and what the page shows.
    await calc.page.waitForFunction((b) => location.href === b, before, { timeout: 3000 });
    assert.equal(await calc.value('user-name'), 'Mine');
    assert.equal(await calc.value('gpu-chips'), '1024');
    assert.equal(await calc.text('current-estimate'), shown);
    assert.equal(await calc.page.locator('[data-testid="new-notice"]').count(), 0, 'the notice goes with the Undo');
    assert.deepEqual(calc.errors, []);
    await calc.page.close();
  }
  await context.close();
});

test('placeholders are hints: "default" where empty means a default, "e.g." where it is an example', async () => {
  const context = await fresh();
  for (const lang of ['en', 'zh']) {
    const calc = await Calculator.open(context, BASE, lang === 'zh' ? '?v=1&lang=zh' : '');
    await calc.id('new-calculation').click();
    await calc.settle();
    const [def, eg] = lang === 'zh' ? ['默认', '例如 '] : ['default', 'e.g. '];
    const inputs = await calc.page.locator('input[data-testid][placeholder]').evaluateAll((els) =>
      els.map((e) => [e.dataset.testid, e.placeholder]));
    assert.ok(inputs.length >= 15, `${inputs.length} inputs`);
    for (const [id, ph] of inputs) {
      if (id.startsWith('transformer-')) continue;
      assert.ok(ph === def || ph.startsWith(eg), `${lang} ${id}: ${JSON.stringify(ph)}`);
    }
    // A default in use is said beside its field as the value used.
    await calc.preset('alexnet-ops');
    assert.equal(await calc.text('ops-passes-used'), lang === 'zh' ? '采用：3，前向 + 反向（默认）' : 'Used: 3 — forward + backward (default)');
    for (const p of context.pages()) await p.close();
  }
  await context.close();
});

test('Method 2 solves from Method 1\'s estimate, linked: the solved days are a field of their own and follow the model', async () => {
  const context = await fresh();
  const calc = await Calculator.open(context, BASE, '');
  await calc.preset('gpt3');
  await calc.fill('gpu-chips', '512');
  await calc.fill('gpu-peak', '989 TFLOPS');
  await calc.fill('gpu-utilization', '40%');
  await calc.id('target-from-estimate').check();
  await calc.settle();
  // GPT-3: 6 × 175e9 × 300e9 = 3.15e23 FLOP; / (512 × 989e12 × 0.4) s = 18.0 days.
  const days = 6 * 175e9 * 300e9 / (512 * 989e12 * 0.4) / DAY;
  assert.equal(days.toFixed(1), '18.0');
  await calc.untilText('gpu-solved', 'Solved: 18 d');
  assert.equal(await calc.id('gpu-target').isDisabled(), true);
  await calc.fill('params-tokens', '600B');
  await calc.untilText('gpu-solved', 'Solved: 36 d');
  const link = await calc.copyLink();
  assert.ok(link.includes('tgt=m1'), link);
  const again = await Calculator.open(context, BASE, link.slice(link.indexOf('?')));
  await again.untilText('gpu-solved', 'Solved: 36 d');
  // A tiny run: 6 × 175e9 × 3e6 = 3.15e18 FLOP over the same chips is 15.6 s, in days in
  // superscripts as every figure (it said 10^-4).
  await again.fill('params-tokens', '3M');
  const tiny = 6 * 175e9 * 3e6 / (512 * 989e12 * 0.4) / DAY;
  assert.equal(tiny.toExponential(1), '1.8e-4');
  await again.untilText('gpu-solved', 'Solved: 1.8 × 10⁻⁴ d');
  assert.deepEqual(calc.errors, []);
  await context.close();
});

test('display modes: toggles are pressed buttons, and picking an example never changes a mode', async () => {
  const context = await fresh();
  const calc = await Calculator.open(context, BASE, '');
  await calc.id('projector-toggle').click();
  await calc.settle();
  await calc.switchLanguage();
  await calc.preset('resnet');
  assert.equal(await calc.id('projector-toggle').getAttribute('aria-pressed'), 'true');
  assert.equal(await calc.page.evaluate(() => document.documentElement.classList.contains('projector')), true);
  assert.equal(await calc.page.getAttribute('html', 'lang'), 'zh-CN');
  assert.ok(!(await calc.page.evaluate(() => location.search)).includes('projector'));
  await context.close();
});

test('the worked example badge: one space after the colon in English, none after the full-width colon in Chinese', async () => {
  const context = await fresh();
  const zh = await Calculator.open(context, BASE, '?lang=zh');
  assert.match(await zh.text('m1-example'), /^算例（按原文输入）：AlexNet（运算次数）/);
  const en = await Calculator.open(context, BASE, '?lang=en');
  assert.match(await en.text('m1-example'), /^Worked example, as printed: AlexNet \(operations\)/);
  await context.close();
});
