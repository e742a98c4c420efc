// Tilmash editor: saves a segment through the JSON API without reloading,
// Ctrl+Enter saves and moves to the next open segment (it stays on one
// whose save found errors), Alt+1…5 inserts a
// memory suggestion, the checks of a saved text show at once, a 409 shows the
// other person's text beside yours, history loads in place, the help panel
// searches the memory, and Clear takes a text back after asking.
// Hand-written ES modules, no build step. The rules (which state is open,
// who may clear, approve or reject) and the addresses are the server's: the
// page's data attributes and the API's answers carry them.
import { root, segments, area, fit } from "./page.js";
import { t } from "./messages.js";
import { setStatus, errorCount } from "./view.js";
import { save } from "./save.js";
import { askClear } from "./clear.js";
import { loadHistory } from "./history.js";
import { loadHelp, searchMemory, suggestion, useSuggestion } from "./help.js";
import { nextOpenAfter, nextOpen, nextPage, continueAfter, arrive } from "./navigation.js";
import { startTools } from "./tools.js";
import { send, resolve, openForm } from "./comments.js";

if (root) start();

function start() {
  startTools();
  // The text last saved (or loaded), to tell edits from untouched segments.
  segments().forEach(function (seg) {
    seg.dataset.saved = area(seg).value;
    fit(area(seg));
  });

  root.addEventListener("input", function (ev) {
    if (ev.target.tagName !== "TEXTAREA") return;
    fit(ev.target);
    // An open conflict panel's "yours" follows what is typed after it came.
    var yours = ev.target.closest("article.seg").querySelector(".conflict:not([hidden]) .yours .text");
    if (yours) yours.textContent = ev.target.value;
  });

  root.addEventListener("submit", function (ev) {
    var f = ev.target;
    if (f.matches && f.matches("form.comment-form")) {
      ev.preventDefault();
      send(f);
      return;
    }
    if (!f.matches || !f.matches("form.tm-search")) return;
    ev.preventDefault();
    searchMemory(f.closest("article.seg"), f.elements.q.value);
  });

  // The help of the segment being translated opens by itself, as in a CAT
  // tool: its memory matches are one key (Alt+1 … Alt+5) away.
  root.addEventListener("focusin", function (ev) {
    if (ev.target.tagName !== "TEXTAREA" || ev.target.readOnly) return;
    var d = ev.target.closest("article.seg").querySelector("details.help");
    if (d && !d.open) d.open = true;
  });

  root.addEventListener("toggle", function (ev) {
    var d = ev.target;
    if (!d.matches || !d.open || d.dataset.loaded) return;
    if (d.matches("details.history")) loadHistory(d.closest("article.seg"));
    if (d.matches("details.help")) loadHelp(d.closest("article.seg"));
    if (d.matches("details.comment-add")) openForm(d);
  }, true);

  root.addEventListener("click", function (ev) {
    var b = ev.target.closest("button.save");
    if (b) save(b.closest("article.seg"));
    var c = ev.target.closest("button.clear");
    if (c) askClear(c.closest("article.seg"));
    var r = ev.target.closest("button.resolve");
    if (r) resolve(r);
  });

  root.addEventListener("keydown", keydown);
  arrive();

  // Nothing typed is lost by leaving the page by mistake.
  window.addEventListener("beforeunload", function (ev) {
    // A text copied away from a segment that cannot be saved is not lost.
    var dirty = segments().some(function (seg) {
      var v = area(seg).value;
      return v !== seg.dataset.saved && v !== seg.dataset.copied;
    });
    if (dirty) {
      ev.preventDefault();
      ev.returnValue = t("editor.unsaved");
    }
  });
}

// keydown: Alt+1…5 inserts a memory suggestion; Ctrl+Enter saves and moves on.
function keydown(ev) {
  if (ev.altKey && !ev.ctrlKey && !ev.metaKey && /^Digit[1-5]$/.test(ev.code)) {
    var s = ev.target.closest && ev.target.closest("article.seg");
    var sg = s && suggestion(s, Number(ev.code.slice(5)) - 1);
    if (sg && ev.target.tagName === "TEXTAREA" && !ev.target.readOnly) {
      ev.preventDefault();
      useSuggestion(s, sg.target, Number(ev.code.slice(5)));
    }
    return;
  }
  if (ev.key !== "Enter" || !(ev.ctrlKey || ev.metaKey)) return;
  var seg = ev.target.closest && ev.target.closest("article.seg");
  if (!seg || ev.target.tagName !== "TEXTAREA" || ev.target.readOnly) return;
  ev.preventDefault();
  save(seg).then(function (ok) {
    if (!ok) return;
    // Errors are fixed where they are: the focus stays, the live region
    // has said what they are.
    if (errorCount(seg) > 0) {
      setStatus(seg, t("editor.saved") + " " + t("editor.stay_errors"), false, "");
      return;
    }
    var next = nextOpenAfter(seg);
    if (!next && nextPage()) {
      // The work goes on on the next page of a long document.
      continueAfter(seg);
      return;
    }
    next = next || nextOpen(seg);
    if (next) {
      area(next).focus();
      next.scrollIntoView({ block: "center" });
    } else {
      setStatus(seg, t("editor.saved") + " " + t("editor.last_open"));
    }
  });
}
