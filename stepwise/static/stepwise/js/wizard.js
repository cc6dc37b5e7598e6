// The assessment wizard on a phone: one competency per screen with Back and Next.
// Without JavaScript, or on a wider screen, every competency is on one page.
(function () {
  "use strict";
  var form = document.querySelector("[data-wizard]");
  if (!form) { return; }
  var steps = Array.prototype.slice.call(form.querySelectorAll("[data-wizard-step]"));
  var nav = form.querySelector("[data-wizard-nav]");
  var back = form.querySelector("[data-wizard-back]");
  var next = form.querySelector("[data-wizard-next]");
  var narrow = window.matchMedia("(max-width: 40rem)");
  var current = Math.max(0, steps.findIndex(function (step) {
    return step.querySelector("input[type=radio]") && !step.querySelector("input[type=radio]:checked");
  }));

  function show(focus) {
    var phone = narrow.matches;
    steps.forEach(function (step, i) { step.hidden = phone && i !== current; });
    nav.hidden = !phone;
    if (!phone) { return; }
    back.disabled = current === 0;
    next.hidden = current === steps.length - 1;
    if (focus) {
      var legend = steps[current].querySelector("legend") || steps[current];
      window.scrollTo(0, form.offsetTop);
      if (legend.focus) { legend.focus(); }
    }
  }
  // The whole form is being saved: autosaves still waiting out their delay are not needed.
  var submitting = false;
  form.addEventListener("submit", function () { submitting = true; });
  document.body.addEventListener("htmx:confirm", function (event) {
    if (submitting && form.contains(event.target)) { event.preventDefault(); }
  });
  back.addEventListener("click", function () { current = Math.max(0, current - 1); show(true); });
  next.addEventListener("click", function () { current = Math.min(steps.length - 1, current + 1); show(true); });
  if (narrow.addEventListener) { narrow.addEventListener("change", function () { show(false); }); }
  show(false);
})();
