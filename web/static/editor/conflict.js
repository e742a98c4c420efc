// The answers to a save that cannot be stored as it is: a version conflict
// shows the other person's text beside yours, and a source corrected
// meanwhile says so and helps the translator keep the typed text.
import { lang, area, el, fit } from "./page.js";
import { t } from "./messages.js";
import { events } from "./history.js";
import { setState, setAuthor, setStatus, hideConflict } from "./view.js";

// panel empties the segment's conflict panel for a new answer: a version
// conflict, or (gone) a source corrected meanwhile.
function panel(seg, gone) {
  var box = seg.querySelector(".conflict");
  box.textContent = "";
  box.classList.toggle("gone", gone);
  return box;
}

// showConflict puts the other person's text (current, the 409's "current":
// its text, state, version, openness and actions) beside yours; neither is
// lost until the translator picks one. "Keep mine" calls keep(text, version).
// Focus goes to the panel's heading, not to a button, so an Enter still held
// from Ctrl+Enter overwrites nobody.
export function showConflict(seg, mine, current, keep) {
  var box = panel(seg, false);
  var head = el("h3", "conflict-title", t("editor.conflict_title"));
  head.tabIndex = -1;
  box.appendChild(head);
  // The 409 names the winning version and its author; the segment's
  // header names them at once (the stored text is theirs now), not whoever
  // wrote the version this page had read.
  var who = el("p", "conflict-who");
  box.appendChild(who);
  if (current.author !== undefined) {
    named(current.author);
  } else { // an older server: the history's latest text entry
    events(seg).then(function (evs) {
      var last = evs.filter(function (e) { return e.action !== "comment" && e.action !== "resolve"; }).pop();
      if (last) named(last.actor);
    });
  }
  function named(name) {
    current.author = name;
    if (!name) return;
    who.textContent = t("editor.conflict_who").replace("{name}", name).replace("{version}", String(current.version));
    setAuthor(seg, name);
  }
  var pair = el("div", "pair");
  var yours = el("div", "yours");
  yours.appendChild(el("h3", "", t("editor.conflict_yours")));
  yours.appendChild(el("p", "text", mine));
  var theirs = el("div", "theirs");
  theirs.appendChild(el("h3", "", t("editor.conflict_theirs")));
  theirs.appendChild(el("p", "text", current.target || ""));
  [yours, theirs].forEach(function (d) {
    d.querySelector("p").setAttribute("lang", lang);
    d.querySelector("p").setAttribute("dir", area(seg).dir);
  });
  pair.appendChild(yours);
  pair.appendChild(theirs);
  box.appendChild(pair);
  var buttons = el("div", "buttons");
  var keepMine = el("button", "keep-mine primary", t("editor.keep_mine"));
  keepMine.type = "button";
  var take = el("button", "take-theirs", t("editor.take_theirs"));
  take.type = "button";
  // Keep mine saves what the textarea holds now: the translator may have
  // gone on typing after the conflict came.
  keepMine.addEventListener("click", function () {
    var now = area(seg).value;
    yours.querySelector("p").textContent = now;
    keep(now, current.version).then(function (ok) { if (ok) area(seg).focus(); });
  });
  take.addEventListener("click", function () {
    var ta = area(seg);
    ta.value = current.target || "";
    fit(ta);
    seg.dataset.version = current.version;
    seg.dataset.saved = ta.value;
    setState(seg, current);
    setAuthor(seg, current.author);
    hideConflict(seg);
    setStatus(seg, "");
    ta.focus();
  });
  buttons.appendChild(keepMine);
  buttons.appendChild(take);
  box.appendChild(buttons);
  box.hidden = false;
  head.focus();
}

// showSourceGone tells that the segment's Russian sentence was corrected
// meanwhile, so the text cannot be saved here: the typed text stays in the
// textarea, a button copies it, and a link reloads the page with the new
// sentence.
export function showSourceGone(seg) {
  var box = panel(seg, true);
  var head = el("p", "gone-title", t("editor.source_gone"));
  head.tabIndex = -1;
  box.appendChild(head);
  var buttons = el("div", "buttons");
  var copy = el("button", "copy-text primary", t("editor.copy_text"));
  copy.type = "button";
  var note = el("span", "copy-status status");
  note.setAttribute("role", "status");
  copy.addEventListener("click", function () { copyText(seg, note); });
  var reload = el("a", "reload button", t("editor.reload"));
  reload.href = location.pathname + location.search;
  buttons.appendChild(copy);
  buttons.appendChild(reload);
  buttons.appendChild(note);
  box.appendChild(buttons);
  box.hidden = false;
  head.focus();
}

// copyText puts the segment's typed text on the clipboard; where the
// clipboard is not allowed it selects the text for Ctrl+C.
function copyText(seg, note) {
  var ta = area(seg);
  var text = ta.value;
  function copied() {
    seg.dataset.copied = text;
    note.textContent = t("editor.copied");
  }
  function selectIt() {
    ta.focus();
    ta.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    if (ok) copied();
    else note.textContent = t("editor.copy_select");
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(copied, selectIt);
  } else {
    selectIt();
  }
}
