// The printed copy (print.css): its date, and flowcharts that fit on one sheet.
(function () {
  // The day it is printed, on the reader's machine: the build cannot know it, and a page
  // is often printed long after it was built.
  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }
  function stamp() {
    document.querySelectorAll("[data-hb-printed]").forEach(function (el) {
      el.textContent = el.getAttribute("data-hb-printed").replace("{date}", today());
    });
  }
  // Material draws each diagram in a closed shadow root, out of the stylesheet's reach. The SVG
  // follows its box's width, so a diagram taller than a sheet gets a narrower box in print
  // (print.css reads --hb-print-width) and is neither split nor cut. Its height-to-width ratio
  // is measured at a known width, as the printed width differs from the screen's.
  var SHEET_PX = 760; // about 200 mm of an A4 page's 273 mm: room for the header, the footer and a heading
  var PROBE_PX = 200;
  function fitDiagrams() {
    document.querySelectorAll("div.mermaid").forEach(function (el) {
      var saved = el.style.width;
      el.style.width = PROBE_PX + "px";
      var height = el.getBoundingClientRect().height;
      el.style.width = saved;
      if (height > 0) el.style.setProperty("--hb-print-width", Math.floor(SHEET_PX * PROBE_PX / height) + "px");
    });
  }
  function ready() {
    stamp();
    var tries = 0, timer = setInterval(function () { fitDiagrams(); if (++tries > 20) clearInterval(timer); }, 500);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready); else ready();
  window.addEventListener("beforeprint", function () { stamp(); fitDiagrams(); });
})();
