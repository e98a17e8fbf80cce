/* Request pages: enhancements only; everything works without this file.
   - moves focus to the error summary (autofocus does this in most browsers already);
   - a live character counter under the two long text fields;
   - a print button on the print view. */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  ready(function () {
    var summary = document.querySelector(".error-summary");
    if (summary && document.activeElement !== summary) { summary.focus(); }

    var lang = document.documentElement.lang === "en" ? "en" : "nl";
    var words = {
      nl: { left: function (n) { return "Je kunt nog " + n + " tekens typen."; },
            over: function (n) { return "Je hebt " + n + " tekens te veel."; } },
      en: { left: function (n) { return "You have " + n + " characters left."; },
            over: function (n) { return "You have " + n + " characters too many."; } }
    }[lang];

    Array.prototype.forEach.call(document.querySelectorAll(".character-count"), function (wrapper) {
      var field = wrapper.querySelector("textarea");
      var message = wrapper.querySelector(".character-count__message");
      var limit = parseInt(wrapper.getAttribute("data-limit"), 10);
      if (!field || !message || !limit) { return; }
      var live = document.createElement("p");
      live.className = "visually-hidden";
      live.setAttribute("aria-live", "polite");
      wrapper.appendChild(live);
      var timer = null;
      function update() {
        var length = field.value.replace(/\r\n/g, "\n").length;
        var text = length > limit ? words.over(length - limit) : words.left(limit - length);
        message.textContent = text;
        wrapper.classList.toggle("character-count--over", length > limit);
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { live.textContent = text; }, 1000);
      }
      field.addEventListener("input", update);
    });

    var printButton = document.querySelector("[data-print-button]");
    if (printButton && window.print) {
      printButton.hidden = false;
      printButton.addEventListener("click", function () { window.print(); });
    }
  });
})();
