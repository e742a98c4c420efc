// Moving on through a document: the next open segment on this page, the next
// page of a long document, and the arrival there. Which segments are open
// and which page follows are the server's: data-open, and the page links.
import { filtered, segments, area } from "./page.js";

// nextOpenAfter is the first open segment after seg on this page, or null.
export function nextOpenAfter(seg) {
  var all = segments();
  for (var k = all.indexOf(seg) + 1; k < all.length; k++) {
    if (all[k].dataset.open === "true") return all[k];
  }
  return null;
}

// nextOpen is the first open segment after seg, wrapping around.
export function nextOpen(seg) {
  var all = segments();
  var i = all.indexOf(seg);
  for (var k = 1; k < all.length; k++) {
    var s = all[(i + k) % all.length];
    if (s.dataset.open === "true") return s;
  }
  return null;
}

// nextPage is the address of the page after this one of a long document, or "".
export function nextPage() {
  var a = document.querySelector('nav.pager a[rel="next"]');
  return a ? a.href : "";
}

// place orders segments as the document does: [paragraph, position].
function place(seg) { return seg.dataset.place.split(".").map(Number); }
function after(a, b) { return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]); }

// continueAfter goes on to the first open segment after seg on a later
// page. Under a state filter the pages are counted anew after each save
// (a saved segment leaves "open"), so the segments that followed seg may
// now be on this very page: it is shown again and searched from seg on.
export function continueAfter(seg) {
  var cur = document.querySelector('nav.pager a[aria-current="page"]');
  var target = filtered() && cur ? cur.href : nextPage();
  var hash = "open-after=" + seg.dataset.place;
  if (target.split("#")[0] === location.href.split("#")[0]) {
    // The same address: a new hash alone would not load the page anew.
    location.hash = hash;
    location.reload();
    return;
  }
  location.href = target.split("#")[0] + "#" + hash;
}

// arrive handles a page opened by continueAfter: straight to the first open
// segment after the one just saved, on a later page if need be.
export function arrive() {
  var from = /^#open-after=(\d+\.\d+)$/.exec(location.hash);
  if (!from) return;
  var saved = from[1].split(".").map(Number);
  var first = segments().filter(function (s) { return s.dataset.open === "true" && after(place(s), saved); })[0];
  if (first && !area(first).readOnly) {
    area(first).focus();
    first.scrollIntoView({ block: "center" });
  } else if (!first && nextPage()) {
    location.href = nextPage() + location.hash;
  }
}
