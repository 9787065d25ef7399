// Picks the static shell's language and type size before its first layout (a classic script in the head, so it
// runs before the body is parsed; the build puts it into the page, allowed by its hash in the
// page's policy: scripts/inline-head.mjs).
// The shell holds both languages' headings and charts; style/main.css shows only the language on
// the root element, so a first paint lays out, and loads fonts for, one language. The choice is
// the one the app will most likely make (src/app/mod.rs, `initial`, decides; this only picks what
// the shell shows): the link's lang=, else the viewer's stored choice, else the browser's.
(() => {
  const chosen = (text) => /(?:^|[?&])lang=(en|zh)(?:&|$)/.exec(text || '');
  let viewer = null;
  try { viewer = localStorage.getItem('aicompute:viewer'); } catch (e) { /* storage refused: no choice */ }
  const pick = chosen(location.search) || chosen(viewer);
  const lang = pick ? pick[1] : /^zh/i.test(navigator.language) ? 'zh' : 'en';
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  // The viewer's projector mode (the app's class on the root element: larger type, and the
  // link's QR code in the header, whose place the shell keeps), so the shell is laid out as the
  // app will be, not enlarged when the app mounts.
  if (/(?:^|&)projector=1(?:&|$)/.test(viewer || '')) document.documentElement.classList.add('projector');
})();
