/* Shows a print button (hidden without JavaScript, where the browser's own print menu works). */
(function () {
  "use strict";
  if (typeof window.print !== "function") { return; }
  document.querySelectorAll("[data-print]").forEach(function (holder) {
    var button = holder.querySelector("button");
    if (!button) { return; }
    holder.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
