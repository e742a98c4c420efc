// The editor page as the server rendered it: its root element, language,
// CSRF token and the API addresses to call, and small DOM helpers. Addresses
// come from the page (data-*-url, ":id" standing for a segment's id); the
// script never puts a path together.

export const root = document.getElementById("editor");
export const lang = root ? root.dataset.lang : "";
const token = document.querySelector('meta[name="csrf-token"]');
export const csrf = token ? token.content : "";

// apiURL is the address named by the editor's data-NAME-url for one segment.
export function apiURL(name, seg) {
  return root.dataset[name + "Url"].replace(":id", seg.dataset.id);
}

// memorySearchURL is the address of the memory's concordance search for a phrase.
export function memorySearchURL(phrase) {
  var u = new URL(root.dataset.memorySearchUrl, location.href);
  u.searchParams.set("q", phrase);
  return u.pathname + u.search;
}

// filtered tells that a state filter is on: a save may move segments between pages.
export function filtered() { return root.dataset.filtered === "true"; }

export function segments() { return Array.prototype.slice.call(root.querySelectorAll("article.seg")); }
export function area(seg) { return seg.querySelector("textarea"); }

export function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

// fit grows a textarea with its text, so a long sentence is read whole.
export function fit(ta) {
  ta.style.height = "auto";
  ta.style.height = (ta.scrollHeight + 2) + "px";
}
