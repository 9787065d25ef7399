// Issue 20: the Chinese page a teacher hands out unedited. Every text of the Chinese default
// view, of every preset, and of the Chinese downloads (exercise sheet, answer key, the prose of
// the CSV and JSON) is scanned for English words; what may stay in Latin letters is listed
// below, by kind, and nothing else passes. Also the typography a reviewer marked: no space after
// a full-width colon, no colon chained after 采用：, no brackets inside brackets, no ASCII "; "
// between links, no raw column names, no comma before 万 or 亿.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, Calculator } from '../calculator.mjs';

const BASE = process.env.BASE_URL || 'http://127.0.0.1:8080/';
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Latin words a Chinese text may hold, each for a reason. */
const ALLOWED = new Set([
  // Names of organisations, people, products, models, chips and bills.
  'OpenAI', 'Epoch', 'AI', 'Google', 'NVIDIA', 'GeForce', 'GTX', 'Titan', 'Black', 'Tesla', 'TechPowerUp', 'TPU',
  'Amodei', 'Hernandez', 'Dario', 'Danny', 'Hoffmann', 'Chowdhery', 'Brown', 'Touvron', 'Kaplan', 'Team', 'Meta',
  'AlexNet', 'AlphaGo', 'Zero', 'Dropout', 'DQN', 'ResNet', 'Seq', 'VGG', 'DeepSpeech', 'Xception', 'NMT', 'GPT',
  'Llama', 'Chinchilla', 'PaLM', 'DeepSeek', 'SXM', 'PCIe', 'SB', 'ZFNet', 'TD', 'Gammon', 'Perceptron', 'Mark',
  'Transformer', 'SwiGLU', 'davinci', 'meta', 'llama', 'hf', 'deepseek', 'ai', 'arXiv', 'GK',
  // Units, notations and standard abbreviations kept in Chinese technical text.
  'FLOP', 'FLOPs', 'FLOPS', 'TFLOPS', 'PFLOPS', 'PF', 'petaflop', 'pfs', 'day', 'days', 'GPU', 'CPU', 'FP', 'BF',
  'TF', 'INT', 'MAC', 'MFU', 'PUE', 'MLA', 'TDP', 'CO', 'kWh', 'MWh', 'GWh', 'kW', 'MW', 'GW', 'GB', 'CC', 'BY',
  'token', 'epoch', 'config', 'json',
  // The names of file formats and of the BibTeX format on the export buttons.
  'CSV', 'JSON', 'PNG', 'SVG', 'BibTeX',
  // The import's column names and date formats (identifiers a file must use).
  'name', 'date', 'flop', 'pfs_days', 'YYYY', 'MM', 'DD',
  // The symbols of the transformer's formulas and the keys of a config.json, as in the papers.
  'd_model', 'd_ff', 'n_ctx', 'd_attn', 'hidden_size', 'num_hidden_layers', 'kv', 'rope', 'nope',
  // The layer list's syntax (a layer is typed as `conv in=… k=… s=… f=…`) and the expression's function.
  'conv', 'dense', 'rnn', 'lstm', 'gru', 'bi', 'in', 'out', 'sqrt',
  // Abbreviations as the literature writes them, and a document number.
  'GQA', 'MLP', 'QKV', 'ND', 'BD', 'Hugging', 'Face',
]);

/** The text less what stays as written: links, titles in 《》, quoted input, labelled originals, numbers with suffixes. */
function strip(line) {
  return line
    .replace(/原文：.*$/, ' ')
    .replace(/https?:\/\/[^\s；，。）]+/g, ' ')
    .replace(/《[^》]*》/g, ' ')
    .replace(/“[^”]*”/g, ' ')
    .replace(/\b\d+(\.\d+)?(e[-+]?\d+|[kMGTB])\b/g, ' ')
    .replace(/\b[a-z0-9-]+\.csv\b/g, ' ');
}

/** The English words of `texts` outside the allow-list, each with the line it was found in. */
function english(texts) {
  const found = [];
  for (const t of texts) {
    for (const line of t.split('\n')) {
      for (const w of strip(line).match(/[A-Za-z][A-Za-z_]*/g) || []) {
        if (w.length > 1 && !ALLOWED.has(w)) found.push(`${w} | ${line.trim().slice(0, 140)}`);
      }
    }
  }
  return [...new Set(found)];
}

/** What a reviewer marked in Chinese typography, found in `texts`. */
function typography(texts) {
  const found = [];
  for (const t of texts) {
    for (const full of t.split('\n')) {
      const bad = (why) => found.push(`${why} | ${full.trim().slice(0, 160)}`);
      // What the user typed is quoted as typed.
      const line = full.replace(/“[^”]*”/g, '“”');
      if (/： /.test(line)) bad('space after ：');
      if (/^采用：[^：]*：/.test(line.trim()) && !/^采用：[^：]*来源：/.test(line.trim())) bad('colon after 采用：');
      let depth = 0;
      for (const c of line) {
        if (c === '（' || c === '(') { depth += 1; if (depth > 1) { bad('nested brackets'); break; } }
        if (c === '）' || c === ')') depth -= 1;
      }
      if (/[\u4e00-\u9fff].*https?:\/\/\S+; /.test(line)) bad('ASCII "; " between links');
      if (/tdp_watts/.test(line)) bad('raw identifier');
      if (/\d,\d{3} ?[万亿]/.test(line)) bad('comma before 万/亿');
    }
  }
  return [...new Set(found)];
}

test('the unit checks can fail', () => {
  assert.deepEqual(english(['单芯片功率：board TDP 244 W']), ['board | 单芯片功率：board TDP 244 W']);
  assert.deepEqual(english(['来源：OpenAI《AI and Compute》，原文：used in AlexNet']), []);
  assert.equal(typography(['算例： AlexNet']).length, 1);
  assert.equal(typography(['采用：3：前向 + 反向']).length, 1);
  assert.equal(typography(['热设计功耗（数据库（也是此数值））']).length, 1);
  assert.equal(typography(['1,000 万美元']).length, 1);
  assert.deepEqual(typography(['采用：244 W，GTX 580 的热设计功耗。来源：TechPowerUp']), []);
});

/** Every text of the page as a reader meets it: details opened, attributes read. */
async function pageTexts(calc) {
  return calc.page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    // Left out: the BibTeX code, the switch to English, and the data table's model names (as published).
    const skip = [...document.querySelectorAll('pre, [lang="en"], [data-testid="data-table"] td:first-child')];
    for (const el of skip) el.dataset.scanHidden = el.style.display || 'x';
    for (const el of skip) el.style.display = 'none';
    const out = [document.body.innerText];
    for (const el of skip) el.style.display = el.dataset.scanHidden === 'x' ? '' : el.dataset.scanHidden;
    for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
      if (el.closest('[lang="en"]')) continue;
      for (const a of ['placeholder', 'title', 'aria-label']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
    }
    // The menus' entries (a datalist's entries are ids a field accepts, typed as they are).
    for (const o of document.querySelectorAll('select option, select optgroup')) out.push(o.label || o.textContent);
    return out;
  });
}

test('the Chinese page, every preset and the Chinese downloads: no English outside names, units and originals', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const calc = await Calculator.open(context, BASE, '?v=1&lang=zh');
  await calc.chartPainted();
  const problems = [];
  const scan = (where, texts) => {
    for (const p of english(texts)) problems.push(`${where}: English: ${p}`);
    for (const p of typography(texts)) problems.push(`${where}: ${p}`);
  };
  scan('default view', await pageTexts(calc));
  const ids = await calc.page.$$eval('[data-testid="preset-menu"] option', (os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(ids.length >= 20, ids.join(' '));
  for (const id of ids) {
    await calc.preset(id);
    await calc.settle();
    scan(`preset ${id}`, await pageTexts(calc));
  }
  const download = async (id) => {
    const [d] = await Promise.all([calc.page.waitForEvent('download'), calc.id(id).click()]);
    return readFileSync(await d.path()).toString('utf8');
  };
  await calc.page.locator('[data-testid="export-questions"]:not([disabled])').waitFor({ timeout: 15000 });
  scan('exercise sheet', [await download('export-questions')]);
  scan('answer key', [await download('export-answers')]);
  // The CSV and JSON: field names and numbers are data; their prose (values with Chinese in them) is read.
  const prose = (values) => values.filter((v) => /[\u4e00-\u9fff]/.test(v));
  const csv = await download('export-csv');
  scan('CSV', prose(csv.split('\r\n').map((l) => l.slice(l.indexOf(',') + 1))));
  const strings = [];
  const walk = (v) => { if (typeof v === 'string') strings.push(v); else if (v && typeof v === 'object') Object.values(v).forEach(walk); };
  walk(JSON.parse(await download('export-json')));
  scan('JSON', prose(strings));
  assert.deepEqual(problems, []);
  assert.deepEqual(calc.errors, []);
  await context.close();
});
