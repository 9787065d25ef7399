// Exercise feedback that teaches: an answer that matches a common slip is told which (in both
// languages), and an answer of the right order of magnitude is shown apart from a right one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, Calculator } from '../calculator.mjs';

const BASE = process.env.BASE_URL || 'http://127.0.0.1:8080/';
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** AlexNet as the appendix counts it, written out here: 0.75e9 × 2 × 3 × 1.2e6 × 90 FLOP. */
const EXACT = 0.75e9 * 2 * 3 * 1.2e6 * 90;
/** The answers, typed as a student would: the exact, a third of it, half of it. */
const RIGHT = '4.86e17';
const THIRD = '1.62e17';
const HALF = '2.43e17';
/** An exercise link of it: the page shows the inputs and asks for the result. */
const LINK = '?v=1&fwd=0.75G&ex=1.2M&ep=90&quiz=1';

/** The verdict's classes, once the page has caught up. */
async function classes(quiz) {
  await quiz.settle();
  return quiz.id('quiz-verdict').evaluate((el) => [...el.classList]);
}

/** Types an answer, checks it and waits until the verdict reads `expected`. */
async function answer(quiz, text, expected) {
  await quiz.fill('quiz-answer', text);
  await quiz.id('quiz-check').click();
  return quiz.untilText('quiz-verdict', expected);
}

test('an exercise names the missing backward pass and add-multiplies counted as FLOPs, in English and Chinese', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(BASE + LINK);
  const quiz = new Calculator(page, BASE);
  await quiz.id('quiz-answer').waitFor({ timeout: 15000 });
  assert.equal(await page.locator('[data-testid="ops-pfs-days"]').count(), 0, 'the result is hidden');
  for (const [typed, value] of [[RIGHT, EXACT], [THIRD, EXACT / 3], [HALF, EXACT / 2]]) {
    assert.ok(Math.abs(Number(typed) / value - 1) < 1e-9, `${typed} is ${value}`);
  }

  // The exact arithmetic is right: the passed class, not the close one.
  await answer(quiz, RIGHT, /^Right: within 10% of the exact answer/);
  let cls = await classes(quiz);
  assert.ok(cls.includes('passed') && !cls.includes('close'), cls.join(' '));
  const rightColour = await quiz.id('quiz-verdict').evaluate((el) => getComputedStyle(el).color);

  // A third of it: the forward pass only.
  const third = await answer(quiz, THIRD, /looks like the backward pass is missing: ×3$/);
  assert.match(third, /^The right order of magnitude, but not the exact arithmetic \(yours is too low: 33% of it\)/);
  cls = await classes(quiz);
  assert.ok(!cls.includes('passed'), `a close answer is not passed: ${cls.join(' ')}`);
  assert.ok(cls.includes('close'), cls.join(' '));
  const closeColour = await quiz.id('quiz-verdict').evaluate((el) => getComputedStyle(el).color);
  assert.notEqual(closeColour, rightColour, 'a close answer does not look like a right one');

  // Half of it: add-multiplies, not FLOPs.
  await answer(quiz, HALF, /looks like add-multiplies were counted, not FLOPs: ×2$/);
  cls = await classes(quiz);
  assert.ok(!cls.includes('passed') && cls.includes('close'), cls.join(' '));

  // The same in Chinese.
  await quiz.switchLanguage();
  await answer(quiz, THIRD, /^数量级正确，但与按算式计算的结果不符（你的答案偏低，为计算值的 33%）；看起来漏算了反向传播：你的答案 ×3 即为正确结果$/);
  cls = await classes(quiz);
  assert.ok(!cls.includes('passed') && cls.includes('close'), cls.join(' '));
  await answer(quiz, HALF, /；看起来只数了乘加，未换算成 FLOP：你的答案 ×2 即为正确结果$/);
  cls = await classes(quiz);
  assert.ok(!cls.includes('passed'), cls.join(' '));

  // Back in English, a right answer is passed again and names no slip.
  await quiz.switchLanguage();
  const right = await answer(quiz, RIGHT, /^Right: within 10% of the exact answer/);
  assert.doesNotMatch(right, /looks like/);
  cls = await classes(quiz);
  assert.ok(cls.includes('passed') && !cls.includes('close'), cls.join(' '));
  assert.deepEqual(quiz.errors, []);
  await context.close();
});
