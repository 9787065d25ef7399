// The trend's words say which fit they measure against and when the estimate's date is outside
// that fit's points (an extrapolation), in English and in Chinese; with Epoch AI's models shown,
// they add the position against the fit over everything on the chart. BASE_URL is the served dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, Calculator } from '../calculator.mjs';

const BASE = process.env.BASE_URL || 'http://127.0.0.1:8080/';
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function fresh() {
  return browser.newContext({ viewport: { width: 1280, height: 900 } });
}

// The page's default fit: OpenAI's 15 results, AlexNet (2012-06-01) to AlphaZero (2017-12-05).
// "2024" is read as mid-2024 (2024-07-15.5): 2,414.5 days, 6.6 years, after AlphaZero.
const EN_FIT = 'the OpenAI 2012–2017 fit at its date';
const EN_WARNING = "(6.6 years after the fit's last point: an extrapolation).";
const ZH_FIT = '同期 OpenAI 2012–2017 拟合趋势值';
const ZH_WARNING = '（该日期在拟合的最后一个数据点之后 6.6 年：属于外推）。';

/** No number the page could not compute. */
function finite(text) {
  assert.doesNotMatch(text, /NaN|inf|∞|undefined/, text);
}

test('a date of 2024 is said to be an extrapolation of the fit, in English and in Chinese; 2015 is not', async () => {
  const context = await fresh();
  const calc = await Calculator.open(context, BASE, '');
  // The default calculation (AlexNet) has a result to place on the chart.
  assert.equal(await calc.text('ops-pfs-days'), '0.00563');

  await calc.fill('user-date', '2024');
  const en = await calc.untilText('against-trend', /extrapolation/);
  assert.ok(en.startsWith('Your estimate is '), en);
  assert.ok(en.includes(EN_FIT), en);
  assert.ok(en.endsWith(EN_WARNING), en);
  // The chart shows OpenAI's two sets only: no point after 2017, so no fit over everything to add.
  assert.ok(!en.includes('everything on the chart'), en);
  finite(en);

  await calc.switchLanguage();
  const zh = await calc.untilText('against-trend', /外推/);
  assert.ok(zh.startsWith('你的估算'), zh);
  assert.ok(zh.includes(ZH_FIT), zh);
  assert.ok(zh.endsWith(ZH_WARNING), zh);
  assert.doesNotMatch(zh, /extrapolation|Your estimate/);
  finite(zh);

  // Inside the fit's years: the same fit named, and no warning, in Chinese then in English.
  await calc.fill('user-date', '2015');
  const zhInside = await calc.untilText('against-trend', /^你的估算[^（]*。$/);
  assert.ok(zhInside.includes(ZH_FIT), zhInside);
  assert.doesNotMatch(zhInside, /外推|之后|之前/);
  await calc.switchLanguage();
  const enInside = await calc.untilText('against-trend', /^Your estimate is [^(]*\.$/);
  assert.ok(enInside.endsWith(`${EN_FIT}.`), enInside);
  assert.doesNotMatch(enInside, /extrapolation|after the fit|before the fit/);
  finite(enInside);

  assert.deepEqual(calc.errors, []);
  await context.close();
});

test('with Epoch AI shown, a date past the chosen fit is also set against the fit over everything on the chart', async () => {
  const context = await fresh();
  const calc = await Calculator.open(context, BASE, '');
  await calc.chartPainted();
  const drawn = Number(await calc.id('trend-chart').getAttribute('data-markers'));
  await calc.id('set-epoch').check();
  // Epoch AI's 443 models arrive on demand.
  await calc.page.waitForFunction((n) => Number(document.querySelector('[data-testid="trend-chart"]').dataset.markers) === n,
    drawn + 443, { timeout: 10000 });

  // 2020-05 is past OpenAI's last point (2.4 years) and inside Epoch AI's years (1950–2024). The
  // fit over everything: OpenAI's 15, the appendix's 2 that are not upper bounds, Epoch AI's 443.
  await calc.fill('user-date', '2020-05');
  const en = await calc.untilText('against-trend', /everything on the chart/);
  assert.ok(en.includes(`${EN_FIT} (2.4 years after the fit's last point: an extrapolation). `), en);
  assert.match(en, /Against the fit over everything on the chart \(460 points, 1950–2024, doubling every \d+\.\d\d months\): (\S+× (above|below)|level with it)\.$/);
  finite(en);

  await calc.switchLanguage();
  const zh = await calc.untilText('against-trend', /全部数据点/);
  assert.ok(zh.includes('（该日期在拟合的最后一个数据点之后 2.4 年：属于外推）。'), zh);
  assert.match(zh, /与图中全部数据点的拟合（460 个数据点，1950–2024，每 \d+\.\d\d 个月翻倍）相比：(是同期值的 .+倍|仅为同期值的 .+|与同期值相当)。$/);
  finite(zh);

  // Inside the chosen fit's years the chosen fit is the reference: nothing added.
  await calc.fill('user-date', '2015');
  const inside = await calc.untilText('against-trend', /^你的估算[^（]*。$/);
  assert.doesNotMatch(inside, /全部数据点|外推/);

  assert.deepEqual(calc.errors, []);
  await context.close();
});
