// The help panel of a segment: the glossary's terms for its source, the
// translation memory's suggestions (Alt+1…5 or "Use" puts one in the
// textarea), and the memory's concordance search. Every text from the
// server is set with textContent, never as HTML.
import { lang, apiURL, memorySearchURL, area, el, fit } from "./page.js";
import { t, refusal } from "./messages.js";
import { api } from "./api.js";
import { announce } from "./live.js";

export function loadHelp(seg) {
  var d = seg.querySelector("details.help");
  var body = d.querySelector(".help-body");
  d.dataset.loaded = "1";
  Promise.all([api("GET", apiURL("glossary", seg)), api("GET", apiURL("suggestions", seg))]).then(function (rs) {
    body.textContent = "";
    if (rs[0].status !== 200 || rs[1].status !== 200) {
      body.appendChild(el("p", "status error", t("editor.help_failed")));
      return;
    }
    var terms = rs[0].data.terms || [];
    var sugs = rs[1].data.suggestions || [];
    if (terms.length === 0 && sugs.length === 0) {
      body.appendChild(el("p", "muted", t("editor.help_empty")));
      return;
    }
    if (terms.length) {
      body.appendChild(el("h3", "", t("editor.terms")));
      var ul = el("ul", "terms");
      terms.forEach(function (h) {
        var li = el("li");
        var src = el("span", "", h.form);
        src.setAttribute("lang", "ru");
        var tgt = el("strong", "", h.term.target);
        tgt.setAttribute("lang", lang);
        li.appendChild(src);
        li.appendChild(document.createTextNode(" → "));
        li.appendChild(tgt);
        if (h.term.note) li.appendChild(el("span", "muted", " (" + h.term.note + ")"));
        if (h.term.forbidden && h.term.forbidden.length) {
          li.appendChild(el("span", "muted", " · " + t("editor.forbidden_terms") + " " + h.term.forbidden.join(", ")));
        }
        ul.appendChild(li);
      });
      body.appendChild(ul);
    }
    if (sugs.length) {
      body.appendChild(el("h3", "", t("editor.memory")));
      var ol = el("ol", "suggestions");
      sugs.forEach(function (sg, i) {
        var li = el("li");
        li.appendChild(el("kbd", "", "Alt+" + (i + 1)));
        li.appendChild(el("span", "score", " " + sg.score + "%"));
        if (sg.count > 1) li.appendChild(el("span", "muted", " ×" + sg.count));
        var q = el("span", "", " " + sg.target + " ");
        q.setAttribute("lang", lang);
        q.setAttribute("dir", area(seg).dir);
        li.appendChild(q);
        li.appendChild(useButton(seg, sg.target));
        // The memory's own source, its words that differ from this
        // segment's source marked: what the translator has to change.
        var src = el("p", "tm-source");
        src.setAttribute("lang", "ru");
        marked(src, sg.source || "", sg.diff || []);
        li.appendChild(src);
        ol.appendChild(li);
      });
      body.appendChild(ol);
    }
    seg.suggestions = sugs;
    // Heard once, when they come for the segment being translated.
    if (sugs.length && seg.contains(document.activeElement)) {
      announce(t("editor.suggestions_arrived").replace("{n}", seg.dataset.place).replace("{count}", String(sugs.length)));
    }
  });
}

// suggestion is the n-th (from 0) memory suggestion shown for seg, or undefined.
export function suggestion(seg, n) {
  return seg.suggestions && seg.suggestions[n];
}

// useSuggestion puts text in the textarea; n (from 1), when given, is the
// suggestion's number, said in the live region with its text.
export function useSuggestion(seg, text, n) {
  var ta = area(seg);
  ta.value = text;
  fit(ta);
  ta.focus();
  if (n) announce(t("editor.suggestion_inserted").replace("{n}", String(n)).replace("{text}", text));
}

// useButton is a "Use" button that puts text in the segment's textarea.
function useButton(seg, text) {
  var b = el("button", "use", t("editor.use"));
  b.type = "button";
  b.addEventListener("click", function () { useSuggestion(seg, text, 0); });
  return b;
}

// marked appends text to parent with the spans of a memory diff (byte
// offsets into the UTF-8 text, {Start, End}) in a <mark>; as text nodes only.
function marked(parent, text, spans) {
  var bytes = new TextEncoder().encode(text);
  var dec = new TextDecoder();
  var at = 0;
  spans.forEach(function (sp) {
    var a = Math.max(at, Math.min(sp.Start, bytes.length)), b = Math.max(a, Math.min(sp.End, bytes.length));
    if (a > at) parent.appendChild(document.createTextNode(dec.decode(bytes.subarray(at, a))));
    if (b > a) parent.appendChild(el("mark", "", dec.decode(bytes.subarray(a, b))));
    at = b;
  });
  if (at < bytes.length) parent.appendChild(document.createTextNode(dec.decode(bytes.subarray(at))));
}

// mark appends text to parent with every occurrence of phrase (ignoring
// case) in a <mark>; all of it as text nodes, never as HTML.
function mark(parent, text, phrase) {
  text = text.normalize("NFC");
  var low = text.toLowerCase(), p = phrase.normalize("NFC").toLowerCase();
  if (!p || low.length !== text.length) {
    parent.appendChild(document.createTextNode(text));
    return;
  }
  var at = 0;
  for (var i = low.indexOf(p); i >= 0; i = low.indexOf(p, i + p.length)) {
    parent.appendChild(document.createTextNode(text.slice(at, i)));
    parent.appendChild(el("mark", "", text.slice(i, i + p.length)));
    at = i + p.length;
  }
  parent.appendChild(document.createTextNode(text.slice(at)));
}

// searchMemory is the concordance search of the help panel: the memory's
// units whose source or target holds the phrase, newest first.
export function searchMemory(seg, phrase) {
  var out = seg.querySelector(".tm-results");
  phrase = phrase.trim();
  out.textContent = "";
  if (!phrase) return;
  api("GET", memorySearchURL(phrase)).then(function (r) {
    out.textContent = "";
    if (r.status !== 200) {
      out.appendChild(el("p", "status error", t("editor.tm_search_failed") + " " + refusal(r.data, r.status)));
      return;
    }
    var ms = r.data.matches || [];
    if (ms.length === 0) {
      out.appendChild(el("p", "muted", t("editor.tm_search_none")));
      return;
    }
    var ol = el("ol", "concordance");
    ms.forEach(function (m) {
      var li = el("li");
      var src = el("p", "src");
      src.setAttribute("lang", "ru");
      mark(src, m.source, phrase);
      var tgt = el("p", "tgt");
      tgt.setAttribute("lang", lang);
      tgt.setAttribute("dir", area(seg).dir);
      mark(tgt, m.target, phrase);
      var meta = [m.author, m.origin, (m.created || "").slice(0, 10)].filter(Boolean).join(" · ");
      li.appendChild(src);
      li.appendChild(tgt);
      li.appendChild(el("span", "muted", meta + " "));
      if (!area(seg).readOnly) li.appendChild(useButton(seg, m.target));
      ol.appendChild(li);
    });
    out.appendChild(ol);
  }, function () {
    out.textContent = "";
    out.appendChild(el("p", "status error", t("editor.tm_search_failed")));
  });
}
