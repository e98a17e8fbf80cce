/* "Lees voor": reads the page aloud with the browser's own speech synthesis.
   Progressive enhancement: the button stays hidden without JavaScript, without speech support,
   or without a voice for the page's language that runs on the device itself (localService):
   a network voice would send the text to another company, and this site makes no third-party
   requests. */
(function () {
  "use strict";
  var holders = document.querySelectorAll("[data-read-aloud]");
  if (!holders.length || !("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function") {
    return;
  }
  var synth = window.speechSynthesis;
  var lang = document.documentElement.lang === "en" ? "en-GB" : "nl-NL";
  var voice = null;

  function pickVoice() {
    var prefix = lang.slice(0, 2);
    var local = (synth.getVoices() || []).filter(function (v) {
      return v.localService && v.lang && v.lang.replace("_", "-").toLowerCase().indexOf(prefix) === 0;
    });
    var exact = local.filter(function (v) { return v.lang.replace("_", "-") === lang; });
    return exact[0] || local[0] || null;
  }

  // What a holder reads: its data-read-aloud-source (a CSS selector; the self-check points it at the
  // question or the result), else the page's [data-read-aloud-text], else <main>.
  function sourceOf(holder) {
    var selector = holder.getAttribute("data-read-aloud-source");
    return (selector && document.querySelector(selector)) ||
      document.querySelector("[data-read-aloud-text]") || document.querySelector("main");
  }

  // Left out: the button itself, what is hidden or only decoration, and controls (their labels stay).
  var SKIP = "[data-read-aloud], [hidden], [aria-hidden='true'], .no-print, img, svg, script, button, form, details";

  function textToRead(source) {
    var copy = source.cloneNode(true);
    copy.querySelectorAll(SKIP).forEach(function (el) { el.remove(); });
    // Each block ends with a full stop so the voice pauses between headings, sentences and answers.
    copy.querySelectorAll("h1, h2, h3, p, li, dt, dd, legend, label").forEach(function (el) { el.append(". "); });
    return copy.textContent.replace(/\s+/g, " ").replace(/([.?!:])(\s*\.)+\s/g, "$1 ").trim();
  }

  function setState(button, speaking) {
    button.setAttribute("aria-pressed", speaking ? "true" : "false");
    button.textContent = speaking ? button.dataset.labelStop : button.dataset.labelStart;
  }

  function enable() {
    holders.forEach(function (holder) {
      var button = holder.querySelector("button");
      if (!button || !holder.hidden) { return; }
      holder.hidden = false;
      button.addEventListener("click", function () {
        if (synth.speaking || synth.pending) {
          synth.cancel();
          setState(button, false);
          return;
        }
        var utterance = new window.SpeechSynthesisUtterance(textToRead(sourceOf(holder)));
        utterance.lang = lang;
        utterance.voice = voice;
        utterance.rate = 0.9;
        utterance.onend = function () { setState(button, false); };
        utterance.onerror = function () { setState(button, false); };
        synth.speak(utterance);
        setState(button, true);
      });
    });
  }

  function tryEnable() {
    if (voice) { return; }
    voice = pickVoice();
    if (voice) { enable(); }
  }

  tryEnable();
  // Many browsers load their voices a moment after the page.
  if (!voice && typeof synth.addEventListener === "function") {
    synth.addEventListener("voiceschanged", tryEnable);
  }
  window.addEventListener("pagehide", function () { synth.cancel(); });
})();
