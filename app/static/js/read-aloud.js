/* "Lees voor": reads the page aloud with the browser's own speech synthesis.
   Progressive enhancement: the button stays hidden without JavaScript or without speech support.
   Nothing is sent anywhere; no third-party service. */
(function () {
  "use strict";
  var holders = document.querySelectorAll("[data-read-aloud]");
  if (!holders.length || !("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function") {
    return;
  }
  var synth = window.speechSynthesis;
  var lang = document.documentElement.lang === "en" ? "en-GB" : "nl-NL";

  function textToRead() {
    var source = document.querySelector("[data-read-aloud-text]") || document.querySelector("main");
    var copy = source.cloneNode(true);
    copy.querySelectorAll("[data-read-aloud], .no-print, img, script").forEach(function (el) { el.remove(); });
    // Each block on its own line so the voice pauses between headings and sentences.
    copy.querySelectorAll("h1, h2, h3, p, li, dt, dd").forEach(function (el) { el.append(". "); });
    return copy.textContent.replace(/\s+/g, " ").replace(/([.?!:])\s*\.\s/g, "$1 ").trim();
  }

  function setState(button, speaking) {
    button.setAttribute("aria-pressed", speaking ? "true" : "false");
    button.textContent = speaking ? button.dataset.labelStop : button.dataset.labelStart;
  }

  holders.forEach(function (holder) {
    var button = holder.querySelector("button");
    if (!button) { return; }
    holder.hidden = false;
    button.addEventListener("click", function () {
      if (synth.speaking || synth.pending) {
        synth.cancel();
        setState(button, false);
        return;
      }
      var utterance = new window.SpeechSynthesisUtterance(textToRead());
      utterance.lang = lang;
      utterance.rate = 0.9;
      utterance.onend = function () { setState(button, false); };
      utterance.onerror = function () { setState(button, false); };
      synth.speak(utterance);
      setState(button, true);
    });
  });
  window.addEventListener("pagehide", function () { synth.cancel(); });
})();
