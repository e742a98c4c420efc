// A segment's comments: a question or an answer sent without reloading,
// and "Resolve" on an open one. Texts from the server are set with
// textContent, never as HTML.
import { root, apiURL, el } from "./page.js";
import { t, refusal } from "./messages.js";
import { api } from "./api.js";
import { announce } from "./live.js";
import { describe } from "./describe.js";
import { refreshHistory } from "./history.js";

// item is the list entry of one comment as the API answers it.
function item(c) {
  var li = el("li", "comment-item" + (c.resolved ? " resolved" : ""));
  li.dataset.id = c.id;
  li.appendChild(el("strong", "", c.author));
  li.appendChild(document.createTextNode(" "));
  var time = el("time", "", (c.created || "").replace("T", " ").slice(0, 16));
  time.setAttribute("datetime", c.created || "");
  li.appendChild(time);
  if (c.lang === "") {
    li.appendChild(document.createTextNode(" "));
    li.appendChild(el("span", "tag", t("comments.about_source")));
  }
  li.appendChild(document.createTextNode(": "));
  li.appendChild(el("span", "text", c.text));
  if (c.resolved) {
    li.appendChild(el("span", "muted", " " + t("comments.resolved_by").replace("{name}", c.resolved_by || "")));
  } else {
    li.appendChild(document.createTextNode(" "));
    var b = el("button", "resolve", t("comments.resolve"));
    b.type = "button";
    b.setAttribute("aria-label", t("comments.resolve_named").replace("{name}", c.author));
    li.appendChild(b);
  }
  return li;
}

// openForm makes the comment form of a segment when its "Comment" opens.
export function openForm(d) {
  if (d.querySelector("form")) return;
  var seg = d.closest("article.seg");
  var id = "cmt-" + seg.dataset.id;
  var f = el("form", "comment-form");
  var label = el("label", "", t("comments.label").replace("{n}", seg.dataset.place));
  label.htmlFor = id;
  var box = el("textarea");
  box.id = id;
  box.name = "text";
  box.rows = 2;
  box.required = true;
  box.maxLength = Number(root.dataset.commentMax) || 4000;
  var b = el("button", "", t("comments.submit"));
  b.type = "submit";
  var note = el("span", "comment-status");
  note.setAttribute("role", "status");
  [label, box, b, note].forEach(function (e) { f.appendChild(e); });
  d.appendChild(f);
  box.focus();
}

// list is the segment's comment list, made when the first comment comes.
function list(seg) {
  var ul = seg.querySelector("ul.comment-list");
  if (ul) return ul;
  var sec = el("section", "comments");
  sec.setAttribute("aria-labelledby", "cmh-" + seg.dataset.id);
  var h = el("h3", "comments-title", t("comments.heading").replace("{n}", seg.dataset.place));
  h.id = "cmh-" + seg.dataset.id;
  ul = el("ul", "comment-list");
  ul.id = "cm-" + seg.dataset.id;
  sec.appendChild(h);
  sec.appendChild(ul);
  seg.querySelector("details.comment-add").before(sec);
  return ul;
}

// send posts the comment form's text.
export function send(form) {
  var seg = form.closest("article.seg");
  var box = form.elements.text;
  var note = form.querySelector(".comment-status");
  var text = box.value.trim();
  if (!text) return;
  api("POST", apiURL("comments", seg), { text: text }).then(function (r) {
    if (r.status !== 201) {
      note.textContent = t("comments.failed") + " " + refusal(r.data, r.status);
      return;
    }
    list(seg).appendChild(item(r.data));
    box.value = "";
    note.textContent = t("comments.sent");
    describe(seg);
    refreshHistory(seg);
  }, function () { note.textContent = t("comments.failed"); });
}

// resolve marks the comment of a "Resolve" button answered.
export function resolve(button) {
  var li = button.closest("li.comment-item");
  var seg = button.closest("article.seg");
  var url = root.dataset.resolveUrl.replace(":id", li.dataset.id);
  api("POST", url).then(function (r) {
    if (r.status !== 200) {
      announce(t("comments.failed") + " " + refusal(r.data, r.status));
      return;
    }
    var now = item(r.data);
    li.replaceWith(now);
    announce(t("comments.resolved"));
    describe(seg);
    refreshHistory(seg);
  });
}
