// The page's polite live region (#editor-live): what a screen reader hears
// without moving the focus — a save's result with its findings, memory
// suggestions arriving, a suggestion inserted by Alt+N.
var region = document.getElementById("editor-live");

// announce says text once. The region is emptied first and filled on the
// next frame, so the same sentence twice (two saves alike) is heard twice.
export function announce(text) {
  if (!region) return;
  region.textContent = "";
  window.setTimeout(function () { region.textContent = text; }, 50);
}

// said is what the region says now (for tests and for the status line).
export function said() { return region ? region.textContent : ""; }
