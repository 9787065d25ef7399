// Starts the page without an inline script, so that a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval') lets it run. Trunk writes the names of the
// wasm-bindgen glue and of the .wasm, hashed per build, into this script element's
// data-js and data-wasm attributes (`pattern_script` in Trunk.toml); both are relative to the page.
const me = document.querySelector('script[data-js][data-wasm]');
const { default: init } = await import(new URL(me.dataset.js, document.baseURI).href);
await init({ module_or_path: new URL(me.dataset.wasm, document.baseURI).href });
