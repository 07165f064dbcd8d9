// Shows a Swedish message if the app cannot start (the WebAssembly file fails to load, the
// browser is too old, or start-up throws). The app removes the served shell and its "Laddar" text
// when it mounts.
(function () {
  "use strict";
  // Before the first paint: on any address but the start page (a bookmark to /bedomning/…), hide
  // the start page's text that index.html carries, so a deep link never shows the wrong page.
  // The start page is the directory this script is served from (Trunk's public_url).
  try {
    var base = new URL(".", document.currentScript.src).pathname;
    var path = location.pathname;
    if (path !== base) document.documentElement.setAttribute("data-kk-deep", "");
  } catch (e) { /* an old browser: the app corrects the page when it mounts */ }
  var shown = false;
  function fail() {
    var host = document.getElementById("kommunkompass");
    if (shown || !host || !host.querySelector(".kk-loading")) return;
    shown = true;
    host.innerHTML =
      '<div class="kk-app kk-fatal" role="alert">' +
      "<h1>Verktyget kunde inte starta</h1>" +
      "<p>Kommunkompass självskattning kunde inte laddas i den här webbläsaren.</p>" +
      "<p><strong>Dina sparade svar är kvar</strong> i webbläsaren. Ladda om sidan. Hjälper inte det, " +
      "prova en aktuell version av Edge, Chrome, Firefox eller Safari.</p>" +
      '<p><a href="">Ladda om sidan</a></p></div>';
  }
  window.addEventListener("error", function (e) {
    var t = e.target;
    // A failed preload/script (target is the element) or the loader's own uncaught error
    // (target is window). fail() does nothing once the app has mounted.
    if (t === window || (t && (t.tagName === "SCRIPT" || t.tagName === "LINK"))) fail();
  }, true);
  window.addEventListener("unhandledrejection", fail);
  window.addEventListener("load", function () { setTimeout(fail, 15000); });
})();
