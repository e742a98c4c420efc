// On a narrow screen the filters, the search, the XLIFF upload and the
// shortcut hints fold behind one button, so that the first segment is on
// the first screen. On a wide screen the button is not shown (app.css) and
// the tools stay open. Without the script nothing folds.
var button = document.querySelector("button.tools-toggle");
var tools = document.getElementById("editor-tools");
var narrow = window.matchMedia("(max-width: 40em)");

function set(open) {
  button.setAttribute("aria-expanded", String(open));
  tools.classList.toggle("folded", !open);
}

export function startTools() {
  if (!button || !tools) return;
  button.hidden = false;
  // A search or filter in use stays in sight: the person just asked for it.
  var searching = /[?&](q|author|check|comments)=/.test(location.search);
  set(!narrow.matches || searching);
  button.addEventListener("click", function () {
    set(button.getAttribute("aria-expanded") !== "true");
  });
  narrow.addEventListener("change", function () { if (!narrow.matches) set(true); });
}
