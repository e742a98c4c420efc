// Saving one segment: the textarea's text, written from the version it was
// read at, and what the server answers — the stored translation, a version
// conflict, or a source corrected meanwhile.
import { apiURL, area } from "./page.js";
import { t, refusal } from "./messages.js";
import { api } from "./api.js";
import { refreshHistory } from "./history.js";
import { showConflict, showSourceGone } from "./conflict.js";
import { setStatus, setState, setAuthor, showChecks, dropComment, hideConflict } from "./view.js";

// savedText is what a save says, on the status line and in the live
// region: "Saved." or, when the checks found something, the counts and
// every finding, so a screen reader hears what a sighted person sees.
function savedText(data) {
  var checks = data.checks || [];
  if (data.unchanged && checks.length === 0) return t("editor.unchanged");
  if (checks.length === 0) return t("editor.saved");
  var errors = checks.filter(function (c) { return c.severity === "error"; }).length;
  var head = t("editor.saved_findings").replace("{errors}", String(errors)).replace("{warnings}", String(checks.length - errors));
  return head + " " + checks.map(function (c) { return c.message; }).join(" ");
}

// save resolves true when the text is stored.
export function save(seg, text, version) {
  var ta = area(seg);
  if (text === undefined) text = ta.value;
  if (version === undefined) version = Number(seg.dataset.version);
  seg.classList.add("saving");
  setStatus(seg, t("editor.saving"), false, "");
  return api("PUT", apiURL("save", seg), { target: text, version: version }).then(function (r) {
    seg.classList.remove("saving");
    if (r.status === 200) {
      seg.dataset.version = r.data.version;
      seg.dataset.saved = r.data.target;
      if (ta.value === text) ta.value = r.data.target;
      setState(seg, r.data);
      setAuthor(seg, r.data.author);
      dropComment(seg, r.data);
      hideConflict(seg);
      showChecks(seg, r.data.checks || []);
      setStatus(seg, r.data.unchanged && !(r.data.checks || []).length ? t("editor.unchanged") : t("editor.saved"), false, savedText(r.data));
      refreshHistory(seg);
      return true;
    }
    if (r.status === 409 && r.data.current) {
      showConflict(seg, text, r.data.current, function (mine, v) { return save(seg, mine, v); });
      setStatus(seg, ""); // the panel's heading says it, once
      return false;
    }
    // A conflict without the current text: the segment left its
    // document's current revision (its Russian sentence was corrected).
    if (r.status === 409 && r.data.code === "conflict") {
      showSourceGone(seg);
      setStatus(seg, "");
      return false;
    }
    setStatus(seg, t("editor.save_failed") + " " + refusal(r.data, r.status), true);
    return false;
  }, function () {
    seg.classList.remove("saving");
    setStatus(seg, t("editor.save_failed"), true);
    return false;
  });
}
