/*!
 * The Distillation Files: embed loader. Sizes every iframe marked
 * data-distillation-embed to the height its page reports.
 * Matches each message to its frame by event.source, checks the origin
 * against the frame's src (an opaque "null" origin is accepted only from a
 * frame sandboxed without allow-same-origin), and accepts only a bounded
 * whole-number height. No cookies, no other requests. MIT licence.
 */
(function () {
  if (window.__distillationEmbeds) return;
  window.__distillationEmbeds = true;
  function frames() {
    return document.querySelectorAll('iframe[data-distillation-embed]');
  }
  function expectedOrigin(frame) {
    var sandbox = frame.getAttribute('sandbox');
    if (sandbox !== null && !/\ballow-same-origin\b/.test(sandbox)) return 'null';
    try {
      return new URL(frame.src, location.href).origin;
    } catch (e) {
      return '';
    }
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'distillation-files:resize') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < 50 || height > 20000) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (frame.contentWindow !== event.source) continue;
      if (event.origin !== expectedOrigin(frame)) return;
      frame.style.height = Math.round(height) + 'px';
      frame.setAttribute('data-resized', 'true');
      return;
    }
  });
})();
