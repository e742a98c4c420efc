// What a segment's textarea is described by (aria-describedby): its source,
// its state, the source's change when outdated, the reviewer's comment, the
// quality findings and the open comments, in that order, each only while it
// is on the page. The template writes the first list; this keeps it true as
// findings and comments come and go.
import { area } from "./page.js";

var parts = [
  function (id) { return "src-" + id; },
  function (id) { return "st-" + id; },
  function (id) { return "diff-" + id; },
  function (id) { return "rj-" + id; },
  function (id) { return "ck-" + id; },
  function (id) { return "cm-" + id; }
];

export function describe(seg) {
  var id = seg.dataset.id;
  var ids = parts.map(function (p) { return p(id); }).filter(function (x) {
    var e = document.getElementById(x);
    if (!e) return false;
    // The comment list describes the textarea while it holds open comments.
    if (x === "cm-" + id) return !!e.querySelector("li:not(.resolved)");
    return true;
  });
  area(seg).setAttribute("aria-describedby", ids.join(" "));
}
