// A segment's history, loaded in place when its panel opens.
import { lang, apiURL, area, el } from "./page.js";
import { t, stateLabel } from "./messages.js";
import { api } from "./api.js";

// events resolves to the segment's history, oldest first ([] when it fails).
export function events(seg) {
  return api("GET", apiURL("history", seg)).then(function (r) {
    return (r.status === 200 && r.data.events) || [];
  });
}

export function loadHistory(seg) {
  var d = seg.querySelector("details.history");
  var list = d.querySelector("ol");
  d.dataset.loaded = "1";
  api("GET", apiURL("history", seg)).then(function (r) {
    list.textContent = "";
    if (r.status !== 200) {
      list.appendChild(el("li", "", t("editor.history_failed")));
      return;
    }
    var evs = r.data.events || [];
    if (evs.length === 0) list.appendChild(el("li", "", t("editor.history_empty")));
    evs.forEach(function (e) {
      var li = el("li");
      var when = new Date(e.at);
      li.appendChild(el("time", "muted", when.toLocaleString(document.documentElement.lang)));
      // A comment leaves the state as it was: say what it was instead.
      var what = e.action === "comment" ? t("editor.history_comment") : e.action === "resolve" ? t("editor.history_resolve") : stateLabel(e.to);
      li.appendChild(document.createTextNode(" " + e.actor + " · " + what + " · v" + e.version));
      if (e.text) {
        var q = el("q", "", e.text);
        q.setAttribute("lang", lang);
        q.setAttribute("dir", area(seg).dir);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(q);
      }
      if (e.comment) li.appendChild(el("em", "", " — " + e.comment));
      list.appendChild(li);
    });
  });
}

// refreshHistory reloads an open history, and marks a closed one stale.
export function refreshHistory(seg) {
  var d = seg.querySelector("details.history");
  if (d.open) loadHistory(seg);
  else d.dataset.loaded = "";
}
