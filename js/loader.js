// Starts the page without an inline script, so that a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval') lets it run. Trunk writes the names of the
// wasm-bindgen glue and of the .wasm, hashed per build, into this script element's
// data-js and data-wasm attributes (`pattern_script` in Trunk.toml); both are relative to the page.
// The style sheet is in the page (scripts/inline-head.mjs), allowed by its hash in the page's
// policy. A host whose header refuses it (a policy from an earlier release, without that hash)
// gets the same sheet from its file, named by the <style>'s data-href: styled later, not never.
const inline = document.querySelector('style[data-href]');
if (inline && !inline.sheet) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = inline.dataset.href;
  document.head.append(link);
}

const me = document.querySelector('script[data-js][data-wasm]');
const { default: init } = await import(new URL(me.dataset.js, document.baseURI).href);
await init({ module_or_path: new URL(me.dataset.wasm, document.baseURI).href });
