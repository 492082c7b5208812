// Records every error event (a script error, or an image or other file that failed to load)
// for the browser check, which reads the count from the page once it has loaded.
window.deadairErrors = [];
window.addEventListener("error", function (e) {
  var t = e.target;
  window.deadairErrors.push(t && t !== window ? String(t.src || t.href || t.tagName)
    : String(e.message || "error"));
}, true);
