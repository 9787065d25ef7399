// A pasted config.json that leaves keys out: what the reader assumed is said beside the
// parameter count, in the same box, with a switch to the other value. BASE_URL is the served dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, Calculator } from '../calculator.mjs';

const BASE = process.env.BASE_URL || 'http://127.0.0.1:8080/';
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Llama 3 8B's config.json (Meta) without hidden_act and without model_type. */
const LLAMA3_8B_BARE = JSON.stringify({ hidden_size: 4096, intermediate_size: 14336, num_hidden_layers: 32,
  num_attention_heads: 32, num_key_value_heads: 8, vocab_size: 128256, tie_word_embeddings: false,
  max_position_embeddings: 8192 }, null, 2);

// By hand: 2·V·d + L·(d·(d + 2·8·128) + d·d + m·d·d_ff + 2·d) + d, m = 3 gated, 2 plain.
const d = 4096;
const count = (m) => 2 * 128256 * d + 32 * (d * (d + 2 * 8 * 128) + d * d + m * d * 14336 + 2 * d) + d;
const GATED = count(3); // 8,030,261,248: the page writes 4 significant digits, "8.03 × 10⁹".
const PLAIN = count(2); // 6,151,213,056: "6.151 × 10⁹".

test('a config without hidden_act or model_type: gated by its shape, said beside the count, switchable', async () => {
  assert.equal(GATED, 8030261248);
  assert.equal(PLAIN, 6151213056);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const calc = await Calculator.open(context, BASE, '?v=1');
  await calc.id('mode-transformer').click();
  await calc.settle();
  await calc.fill('transformer-config', LLAMA3_8B_BARE);
  assert.equal(await calc.text('transformer-config-error'), '');
  // 8.03B, as the page writes it (not 6.15B, the plain two-matrix reading).
  await calc.untilText('transformer-parameters', /^8\.03 × 10⁹$/);
  assert.ok(Math.abs(await calc.number('transformer-parameters') / GATED - 1) < 0.005);
  assert.equal(await calc.value('transformer-gated'), 'yes');

  // The assumptions: in sight, without opening any <details>, in the box of the count.
  const box = calc.id('transformer-assumptions');
  assert.ok(await box.isVisible(), 'the assumptions are visible');
  const text = await box.innerText();
  assert.match(text, /a gated MLP, since d_ff\/d_model = 3\.5 is a gated \(SwiGLU\) model's; plain MLPs use 4/);
  assert.match(text, /context 8,192 from max_position_embeddings: the training context may be shorter/);
  const placement = await calc.page.evaluate(() => {
    const count = document.querySelector('[data-testid="transformer-parameters"]');
    const assumed = document.querySelector('[data-testid="transformer-assumptions"]');
    const counts = count.closest('[data-testid="transformer-counts"]');
    return {
      sameBox: !!counts && counts.contains(assumed),
      inDetails: assumed.closest('details') !== null,
      // The tab's own collapsed lists (the fields read from the config, more details) stay shut.
      openDetails: [...document.querySelectorAll('details')]
        .filter((e) => e.open && (e.matches('[data-testid^="transformer-"]')
          || e.querySelector('[data-testid^="transformer-"]'))).length,
    };
  });
  assert.deepEqual(placement, { sameBox: true, inDetails: false, openDetails: 0 });

  // The gated switch: one click gives the plain reading, another gives the gated one back.
  const gated = calc.id('assumption-switch-gated');
  assert.ok(await gated.isVisible(), 'the switch is visible');
  assert.equal((await gated.innerText()).trim(), 'Switch to a plain MLP');
  await gated.click();
  await calc.untilText('transformer-parameters', /^6\.151 × 10⁹$/);
  assert.ok(Math.abs(await calc.number('transformer-parameters') / PLAIN - 1) < 0.001);
  assert.equal(await calc.value('transformer-gated'), 'no');
  assert.equal((await gated.innerText()).trim(), 'Switch to a gated MLP');
  // The assumption stays in sight, marked as switched.
  assert.match(await box.innerText(), /a gated MLP, since d_ff\/d_model = 3\.5[\s\S]*switched/);
  await gated.click();
  await calc.untilText('transformer-parameters', /^8\.03 × 10⁹$/);
  assert.equal(await calc.value('transformer-gated'), 'yes');

  // The context has no other value to switch to: its button goes to the field.
  await calc.id('assumption-edit-ctx').click();
  await calc.settle();
  assert.equal(await calc.page.evaluate(() => document.activeElement?.id), 'transformer-context');
  assert.equal(await calc.value('transformer-context'), '8192', 'the context is not changed silently');

  // In Chinese too, in the same place.
  await calc.switchLanguage();
  assert.match(await box.innerText(), /门控 MLP，因 d_ff\/d_model = 3\.5/);
  assert.deepEqual(calc.errors, []);
  await context.close();
});
