// Injected into a report by cjk_glyphs.sh: draws the first distinct Chinese characters of the
// page's <h1> in the <h1>'s font stack and compares their pixels; the body gets data-cjk =
// "glyphs" (all differ), "boxes" (some look the same: the fallback box), "blank" (nothing
// drawn) or "none" (no Chinese in the title).
window.addEventListener('load', function () {
  var h1 = document.querySelector('h1');
  var font = getComputedStyle(h1).fontFamily;
  var seen = {}, chars = [];
  for (const ch of h1.textContent) {
    if (/[\u4e00-\u9fff]/.test(ch) && !seen[ch] && chars.length < 6) {
      seen[ch] = 1;
      chars.push(ch);
    }
  }
  function draw(ch) {
    var c = document.createElement('canvas');
    c.width = 48;
    c.height = 48;
    var x = c.getContext('2d');
    x.font = '40px ' + font;
    x.fillText(ch, 2, 42);
    return Array.prototype.join.call(x.getImageData(0, 0, 48, 48).data, ',');
  }
  var images = chars.map(draw), blank = draw(' '), alike = 0, empty = 0;
  for (var i = 0; i < images.length; i++) {
    if (images[i] === blank) empty++;
    if (i > 0 && images[i] === images[0]) alike++;
  }
  document.body.setAttribute('data-cjk',
    chars.length < 2 ? 'none' : empty > 0 ? 'blank' : alike > 0 ? 'boxes' : 'glyphs');
});
