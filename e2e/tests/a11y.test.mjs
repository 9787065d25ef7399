// Accessibility: axe-core (npm, injected into the page) finds no WCAG 2.1 A/AA violations in
// either language at phone and laptop widths, with the data table, the chip choices and a link
// notice open; the method tabs follow the tabs pattern; a calculation works with the keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { launch, Calculator } from '../calculator.mjs';

const BASE = process.env.BASE_URL || 'http://127.0.0.1:8080/';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The violations axe finds, one line each: rule, impact and the first element. */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${v.nodes[0].target.join(' ')}: ${v.nodes[0].failureSummary.split('\n')[1] ?? ''}`);
}

for (const width of [400, 1280]) {
  test(`axe finds nothing at ${width} px in both languages`, async () => {
    // axe is injected as an inline script, which the page's strict policy refuses: bypass it here.
    const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const calc = new Calculator(page, BASE);
    // A link with an unknown part (the notice) and a chip name several chips fit (the choices).
    await page.goto(`${BASE}?v=1&colour=red&chips=8&hw=V100&time=10%20d`);
    await calc.ready();
    await calc.chartPainted();
    await calc.id('chip-choices').waitFor();
    await calc.id('link-ignored').waitFor();
    await calc.id('data-table-toggle').click();
    await calc.id('data-table').waitFor();
    assert.deepEqual(await violations(page), [], 'English');
    await calc.switchLanguage();
    assert.deepEqual(await violations(page), [], 'Chinese');
    await context.close();
  });
}

test('the method tabs follow the tabs pattern', async () => {
  const context = await browser.newContext();
  const calc = await Calculator.open(context, BASE, '?v=1');
  const tabs = calc.page.locator('[role="tablist"] [role="tab"]');
  assert.equal(await tabs.count(), 4);
  const first = calc.id('mode-ops');
  assert.equal(await first.getAttribute('aria-selected'), 'true');
  const panel = await first.getAttribute('aria-controls');
  assert.equal(await calc.page.locator(`#${panel}`).getAttribute('role'), 'tabpanel');
  await first.focus();
  await calc.page.keyboard.press('ArrowRight');
  await calc.settle();
  assert.equal(await calc.id('mode-layers').getAttribute('aria-selected'), 'true');
  assert.equal(await calc.page.evaluate(() => document.activeElement.dataset.testid), 'mode-layers');
  await calc.page.keyboard.press('End');
  await calc.settle();
  assert.equal(await calc.id('mode-transformer').getAttribute('aria-selected'), 'true');
  await calc.page.keyboard.press('ArrowRight');
  await calc.settle();
  assert.equal(await calc.id('mode-ops').getAttribute('aria-selected'), 'true', 'wraps around');
  await context.close();
});

test('a calculation with the keyboard alone', async () => {
  const context = await browser.newContext();
  const calc = await Calculator.open(context, BASE, '?v=1');
  const kb = calc.page.keyboard;
  // Tab from the top of the page to the forward-pass field, then type the seed's ResNet.
  await calc.page.locator('body').focus();
  let steps = 0;
  while ((await calc.page.evaluate(() => document.activeElement?.dataset?.testid)) !== 'ops-forward') {
    await kb.press('Tab');
    assert.ok(++steps < 40, 'the forward-pass field is reachable by Tab');
  }
  await kb.press('Control+A');
  await kb.type('11.4G');
  for (const [id, text] of [['ops-examples', '1.2M'], ['ops-epochs', '128']]) {
    while ((await calc.page.evaluate(() => document.activeElement?.dataset?.testid)) !== id) {
      await kb.press('Tab');
      assert.ok(++steps < 80, `${id} reachable by Tab`);
    }
    await kb.press('Control+A');
    await kb.type(text);
  }
  await calc.settle();
  assert.equal(await calc.text('ops-pfs-days'), (11.4e9 * 6 * 1.2e6 * 128 / 8.64e19).toPrecision(3));
  await context.close();
});
