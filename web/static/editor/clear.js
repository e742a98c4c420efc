// Clearing takes a text back (saved into the wrong segment, say). It asks
// first, inline beside the buttons; the focus goes to "Keep it".
import { apiURL, area, el, fit } from "./page.js";
import { t, refusal } from "./messages.js";
import { api } from "./api.js";
import { refreshHistory } from "./history.js";
import { setStatus, setState, setAuthor, showChecks, dropComment, hideConflict, hideClearConfirm } from "./view.js";

export function askClear(seg) {
  hideClearConfirm(seg);
  var box = el("div", "clear-confirm");
  box.setAttribute("role", "group");
  box.tabIndex = -1; // a click on the question keeps the focus inside, where Escape is heard
  var q = el("p", "", t("editor.clear_confirm"));
  q.id = "clear-q-" + seg.dataset.id;
  box.setAttribute("aria-labelledby", q.id);
  var yes = el("button", "clear-yes danger", t("editor.clear_yes"));
  yes.type = "button";
  var no = el("button", "clear-no", t("editor.clear_no"));
  no.type = "button";
  yes.addEventListener("click", function () { clearText(seg); });
  no.addEventListener("click", function () {
    hideClearConfirm(seg);
    seg.querySelector("button.clear").focus();
  });
  // Escape keeps the text, as "Keep it" does.
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") {
      ev.preventDefault();
      no.click();
    }
  });
  box.appendChild(q);
  box.appendChild(yes);
  box.appendChild(no);
  seg.querySelector(".meta").after(box);
  no.focus();
}

function clearText(seg) {
  hideClearConfirm(seg);
  setStatus(seg, t("editor.saving"), false, "");
  api("POST", apiURL("clear", seg), { version: Number(seg.dataset.version) }).then(function (r) {
    if (r.status !== 200) {
      setStatus(seg, t("editor.clear_failed") + " " + refusal(r.data, r.status), true);
      return;
    }
    var ta = area(seg);
    ta.value = "";
    fit(ta);
    seg.dataset.version = r.data.version;
    seg.dataset.saved = "";
    setState(seg, r.data);
    setAuthor(seg, r.data.author);
    dropComment(seg, r.data);
    hideConflict(seg);
    showChecks(seg, []);
    setStatus(seg, t("editor.cleared"));
    refreshHistory(seg);
    ta.focus();
  }, function () {
    setStatus(seg, t("editor.clear_failed"), true);
  });
}
