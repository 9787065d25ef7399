// Starts the page without an inline script, so that a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval') lets it run. Trunk writes the names of the
// wasm-bindgen glue and of the .wasm, hashed per build, into this script element's
// data-js and data-wasm attributes (`pattern_script` in Trunk.toml); both are relative to the page.
// Until the app mounts, the static shell shows its chart in the language the app will most
// likely choose (src/app/mod.rs, `initial`, decides; this only picks which drawing shows): the
// link's lang=, else the viewer's stored choice, else the browser's.
const chosen = (text) => /(?:^|[?&])lang=(en|zh)(?:&|$)/.exec(text ?? '')?.[1];
let viewer = null;
try { viewer = localStorage.getItem('aicompute:viewer'); } catch { /* storage refused: no choice */ }
const lang = chosen(location.search) ?? chosen(viewer) ?? (/^zh/i.test(navigator.language) ? 'zh' : 'en');
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';

const me = document.querySelector('script[data-js][data-wasm]');
const { default: init } = await import(new URL(me.dataset.js, document.baseURI).href);
await init({ module_or_path: new URL(me.dataset.wasm, document.baseURI).href });
