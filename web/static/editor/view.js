// How one segment shows the translation the server answered with: its state
// badge, whether it is open, what the person may do with it (the server's
// "actions"), its author, checks and status line, and the filter counts.
import { el } from "./page.js";
import { t, stateLabel } from "./messages.js";
import { describe } from "./describe.js";
import { announce } from "./live.js";

// setStatus shows text on the segment's status line and says it in the
// page's live region (live.js), or says spoken instead when given ("" says
// nothing: "Saving…" is not worth an interruption).
export function setStatus(seg, text, isError, spoken) {
  var s = seg.querySelector(".status");
  s.textContent = text;
  s.classList.toggle("error", !!isError);
  var say = spoken === undefined ? text : spoken;
  if (say) announce(say);
}

// bump moves one segment's count from its old filters to its new ones, so
// the filter links stay true without a reload. A filter's key is a state's
// name, or "open".
function bump(from, fromOpen, to, toOpen) {
  function add(key, d) {
    var n = document.querySelector('.filters .n[data-filter="' + key + '"]');
    if (n) n.textContent = String(Math.max(0, Number(n.textContent) + d));
  }
  if (from !== to) {
    add(from, -1);
    add(to, 1);
  }
  if (fromOpen !== toOpen) add("open", toOpen ? 1 : -1);
}

// setState shows a translation's state, openness and permissions, as the
// server sent them: {state, open, actions: {edit, approve, reject, clear}}.
export function setState(seg, tr) {
  var open = tr.open === true;
  bump(seg.dataset.state, seg.dataset.open === "true", tr.state, open);
  seg.dataset.state = tr.state;
  seg.dataset.open = String(open);
  var badge = seg.querySelector(".badge");
  badge.className = "badge st-" + tr.state;
  badge.textContent = stateLabel(tr.state);
  var actions = tr.actions || {};
  ["edit", "approve", "reject", "clear"].forEach(function (name) {
    var p = actions[name];
    seg.dataset[name] = p && p.allowed ? "ok" : (p && p.reason) || "";
  });
  var clear = seg.querySelector("button.clear");
  if (clear) clear.hidden = seg.dataset.clear !== "ok";
  if (clear && clear.hidden) hideClearConfirm(seg);
}

export function setAuthor(seg, name) {
  var a = seg.querySelector(".author");
  if (!a || !name) return;
  a.textContent = t("editor.by").replace("{name}", name);
  a.hidden = false;
}

// showChecks replaces the segment's quality findings with those of the
// text just saved, so the translator sees at once what a reviewer will.
export function showChecks(seg, checks) {
  var list = seg.querySelector("ul.checks");
  if (checks.length === 0) {
    if (list) list.remove();
    describe(seg);
    return;
  }
  if (!list) {
    list = el("ul", "checks");
    list.id = "ck-" + seg.dataset.id;
    list.setAttribute("aria-label", t("editor.checks"));
    var after = seg.querySelector(".tgt > .comment") || seg.querySelector(".meta");
    after.after(list);
  }
  list.textContent = "";
  checks.forEach(function (c) {
    var li = el("li", c.severity, c.message);
    if (c.lang) li.setAttribute("lang", c.lang); // the interface has no wording of its own yet
    list.appendChild(li);
  });
  describe(seg);
}

// errorCount is how many of the segment's shown findings are errors.
export function errorCount(seg) {
  return seg.querySelectorAll("ul.checks li.error").length;
}

// dropComment removes the reviewer's comment once the server's answer
// carries none (a new text answers it).
export function dropComment(seg, tr) {
  var c = seg.querySelector(".tgt > .comment");
  if (c && !tr.comment) {
    c.remove();
    describe(seg);
  }
}

export function hideConflict(seg) {
  var box = seg.querySelector(".conflict");
  box.hidden = true;
  box.classList.remove("gone");
  box.textContent = "";
}

export function hideClearConfirm(seg) {
  var box = seg.querySelector(".clear-confirm");
  if (box) box.remove();
}
