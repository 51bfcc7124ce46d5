// The printed copy's date (print.css): the day it is printed, on the reader's machine.
// The build cannot know that day, and the page may be printed long after it was built.
(function () {
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
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", stamp); else stamp();
  window.addEventListener("beforeprint", stamp);
})();
