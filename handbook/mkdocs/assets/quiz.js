/* The self-assessment quiz (handbook/site/quiz.py writes the HTML): answered in the browser, no server.
   Each question is marked when the reader presses its "Check answer": right or not, the right option(s), the explanation.
   When every question is answered the score shows; a pass reveals the acknowledgement link. */
(function () {
  "use strict";

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  function setUp(quiz) {
    if (quiz.hasAttribute("data-hb-ready")) return;  // Material may hand us the same page twice
    quiz.setAttribute("data-hb-ready", "");
    var questions = Array.prototype.slice.call(quiz.querySelectorAll("[data-hb-question]"));
    var result = quiz.querySelector("[data-hb-result]");
    var ack = quiz.parentNode.querySelector("[data-hb-ack]");

    function inputs(q) { return Array.prototype.slice.call(q.querySelectorAll("input")); }

    function mark(q) {
      var right = inputs(q).every(function (i) { return i.checked === i.hasAttribute("data-hb-right"); });
      q.setAttribute("data-hb-answered", right ? "right" : "wrong");
      inputs(q).forEach(function (i) {
        i.disabled = true;
        var option = i.closest(".hb-quiz__option");
        if (i.checked) option.classList.add("hb-quiz__option--chosen");
        if (i.hasAttribute("data-hb-right")) option.classList.add(i.checked ? "hb-quiz__option--right" : "hb-quiz__option--missed");
        else if (i.checked) option.classList.add("hb-quiz__option--wrong");
      });
      var feedback = q.querySelector("[data-hb-feedback]");
      feedback.textContent = quiz.getAttribute(right ? "data-hb-right-label" : "data-hb-wrong-label");
      feedback.className = "hb-quiz__feedback hb-quiz__feedback--" + (right ? "right" : "wrong");
      feedback.hidden = false;
      var why = q.querySelector("[data-hb-explanation]");
      if (why) why.hidden = false;
      q.querySelector(".hb-quiz__actions").hidden = true;
      score();
    }

    function score() {
      var answered = questions.filter(function (q) { return q.hasAttribute("data-hb-answered"); });
      if (answered.length < questions.length) return;
      var right = answered.filter(function (q) { return q.getAttribute("data-hb-answered") === "right"; }).length;
      var passed = right * 100 >= Number(quiz.getAttribute("data-hb-pass") || 100) * questions.length;
      var text = fill(quiz.getAttribute("data-hb-score-label"), { right: right, total: questions.length });
      var shown = quiz.querySelector("[data-hb-score]");
      shown.textContent = text + " " + quiz.getAttribute(passed ? "data-hb-passed-label" : "data-hb-failed-label");
      shown.className = "hb-quiz__score hb-quiz__score--" + (passed ? "passed" : "failed");
      result.hidden = false;
      quiz.setAttribute("data-hb-passed", passed ? "true" : "false");
      if (ack) {
        var open = ack.querySelector("[data-hb-ack-open]");
        var locked = ack.querySelector("[data-hb-ack-locked]");
        if (open) open.hidden = !passed;
        if (locked) locked.hidden = passed;
      }
    }

    function reset() {
      questions.forEach(function (q) {
        q.removeAttribute("data-hb-answered");
        inputs(q).forEach(function (i) {
          i.checked = false;
          i.disabled = false;
          i.closest(".hb-quiz__option").classList.remove("hb-quiz__option--right", "hb-quiz__option--wrong", "hb-quiz__option--missed", "hb-quiz__option--chosen");
        });
        q.querySelector("[data-hb-feedback]").hidden = true;
        var why = q.querySelector("[data-hb-explanation]");
        if (why) why.hidden = true;
        q.querySelector(".hb-quiz__actions").hidden = false;
      });
      result.hidden = true;
      quiz.removeAttribute("data-hb-passed");
      if (questions[0]) { var first = questions[0].querySelector("input"); if (first) first.focus(); }
    }

    // Every question is marked on "Check answer", not on choosing: arrow keys move through a
    // radio group choosing as they go, so marking on change would lock in a keyboard reader's first step.
    questions.forEach(function (q) {
      var actions = q.querySelector(".hb-quiz__actions");
      actions.hidden = false;
      actions.querySelector("[data-hb-check]").addEventListener("click", function () {
        if (inputs(q).some(function (i) { return i.checked; })) mark(q);
        else inputs(q)[0].focus();
      });
    });
    quiz.querySelector("[data-hb-retry]").addEventListener("click", reset);
    quiz.classList.add("hb-quiz--live");
  }

  function setUpAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-hb-quiz]"), setUp);
  }

  // Material's `document$` emits on every page load, instant navigation included; plain pages load once.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUpAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
