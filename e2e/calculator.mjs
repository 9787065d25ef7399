// A page object for the calculator: every interaction goes through its data-testid hooks.
import { chromium } from 'playwright-core';

export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: FLAGS });
}

export class Calculator {
  constructor(page, base) {
    this.page = page;
    this.base = base;
    this.errors = [];
    page.on('pageerror', (e) => this.errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') this.errors.push(m.text()); });
  }

  static async open(context, base, query = '') {
    const page = await context.newPage();
    const calc = new Calculator(page, base);
    await page.goto(base + query);
    await calc.ready();
    return calc;
  }

  id(testid) { return this.page.locator(`[data-testid="${testid}"]`).first(); }
  /** The page has mounted and Epoch AI's hardware catalog has arrived (or failed to: the root says which). */
  async ready() {
    await this.id('ops-pfs-days').waitFor({ timeout: 15000 });
    await this.page.locator('html[data-hardware]').waitFor({ state: 'attached', timeout: 15000 });
  }
  /**
   * Waits until the page has caught up with the last action: Leptos runs effects in microtasks
   * and spawned tasks, so once a frame has been painted and a task has run after it, every text,
   * attribute and the chart show the new state. A condition, not a fixed sleep.
   */
  async settle() {
    await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  }
  /** Waits (auto-retrying, up to `timeout` ms) until `testid`'s text is `expected`; fails with the last text seen. */
  async untilText(testid, expected, timeout = 5000) {
    const el = this.id(testid);
    const end = Date.now() + timeout;
    let last = '';
    while (Date.now() < end) {
      last = (await el.innerText().catch(() => '')).trim();
      if (typeof expected === 'string' ? last === expected : expected.test(last)) return last;
      await this.settle();
    }
    throw new Error(`${testid}: waited ${timeout} ms for ${expected}, last text ${JSON.stringify(last)}`);
  }
  async fill(testid, value) { await this.id(testid).fill(value); await this.settle(); }
  async value(testid) { return this.id(testid).inputValue(); }
  async text(testid) { return (await this.id(testid).innerText()).trim(); }
  /** The number an output starts with, as the page formats it ("10,506" -> 10506, "1.05 × 10^19" -> 1.05e19). */
  async number(testid) {
    const sup = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-' };
    const t = (await this.text(testid)).replace(/ × 10([⁻⁰-⁹¹²³]+)/g, (_, e) => ` × 10^${[...e].map((c) => sup[c]).join('')}`);
    const m = t.replace(/,/g, '').match(/^([-+]?\d*\.?\d+)(?: × 10\^(-?\d+))?/);
    if (!m) return NaN;
    return parseFloat(m[1]) * (m[2] ? 10 ** parseInt(m[2], 10) : 1);
  }
  /** Opens the Share… menu (exercise link, embed code, QR code, the link's language). */
  async openShare() {
    await this.id('share-menu').evaluate((d) => { d.open = true; });
    await this.settle();
  }
  async preset(id) { await this.id('preset-menu').selectOption(id); await this.settle(); }
  async switchLanguage() { await this.id('lang-switch').click(); await this.settle(); }
  /** Copies the link and returns it, once the page says it was copied (the status is cleared on each click). */
  async copyLink() {
    await this.id('copy-link').click();
    await this.untilText('copy-status', /\S/);
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
  async chartPainted() {
    await this.page.locator('[data-testid="trend-chart"][data-painted="true"]').waitFor({ timeout: 10000 });
    return this.page.evaluate(() => {
      const c = document.querySelector('[data-testid="trend-chart"]');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const colours = new Set();
      for (let i = 0; i < d.length; i += 4 * 97) colours.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
      return { width: c.width, height: c.height, colours: colours.size };
    });
  }
}
