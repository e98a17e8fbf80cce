/* "Was deze pagina nuttig?": a live character count under the comment. Only an enhancement:
   without JavaScript the server checks the length and says so. */
(function () {
  "use strict";
  var field = document.getElementById("feedback-opmerking");
  if (!field || !field.dataset.maxlength) { return; }
  var max = parseInt(field.dataset.maxlength, 10);
  var visible = document.createElement("p");
  visible.className = "hint feedback__count";
  visible.setAttribute("aria-hidden", "true");
  var spoken = document.createElement("p");
  spoken.className = "visually-hidden";
  spoken.setAttribute("aria-live", "polite");
  field.insertAdjacentElement("afterend", spoken);
  field.insertAdjacentElement("afterend", visible);
  var timer = null;

  function message() {
    var left = max - field.value.length;
    var template = left >= 0 ? field.dataset.remaining : field.dataset.over;
    return template.replace("{n}", String(Math.abs(left)));
  }

  function update() {
    var text = message();
    visible.textContent = text;
    visible.classList.toggle("feedback__count--over", field.value.length > max);
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { spoken.textContent = text; }, 1000);
  }

  field.addEventListener("input", update);
  visible.textContent = message();
})();
