/* A copy button beside each ready text. Without JavaScript the text is selectable as it is. */
(function () {
  "use strict";
  if (!navigator.clipboard || typeof navigator.clipboard.writeText !== "function") { return; }
  document.querySelectorAll("[data-copy]").forEach(function (holder) {
    var text = document.getElementById(holder.getAttribute("data-copy"));
    var button = holder.querySelector("button");
    var status = holder.querySelector("[data-copied]");
    if (!text || !button || !status) { return; }
    holder.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(text.value).then(function () {
        status.textContent = status.getAttribute("data-copied");
      }, function () {
        text.focus();
        text.select();
      });
    });
  });
})();
