// Tilmash editor: saves a segment through the JSON API without reloading,
// Ctrl+Enter saves and moves to the next open segment, Alt+1…5 inserts a
// memory suggestion, the checks of a saved text show at once, a 409 shows the other
// person's text beside yours, history loads in place, the help panel searches
// the memory, and Clear takes a text back after asking. Hand-written, no
// build step. Every text from the server is set with textContent, never as HTML.
(function () {
  "use strict";

  var root = document.getElementById("editor");
  if (!root) return;
  var msgs = JSON.parse(document.getElementById("editor-messages").textContent);
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var lang = root.dataset.lang;
  var historyBase = root.dataset.history;

  function t(id) { return msgs[id] || id; }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function segments() { return Array.prototype.slice.call(root.querySelectorAll("article.seg")); }
  function area(seg) { return seg.querySelector("textarea"); }

  // Textareas grow with their text, so a long sentence is read whole.
  function fit(ta) {
    ta.style.height = "auto";
    ta.style.height = (ta.scrollHeight + 2) + "px";
  }

  // The text last saved (or loaded), to tell edits from untouched segments.
  segments().forEach(function (seg) {
    seg.dataset.saved = area(seg).value;
    fit(area(seg));
  });
  root.addEventListener("input", function (ev) {
    if (ev.target.tagName !== "TEXTAREA") return;
    fit(ev.target);
    // An open conflict panel's "yours" follows what is typed after it came.
    var yours = ev.target.closest("article.seg").querySelector(".conflict:not([hidden]) .yours .text");
    if (yours) yours.textContent = ev.target.value;
  });

  function setStatus(seg, text, isError) {
    var s = seg.querySelector(".status");
    s.textContent = text;
    s.classList.toggle("error", !!isError);
  }

  function isOpen(state) { return state === "untranslated" || state === "rejected" || state === "outdated"; }

  // bump moves one segment's count from its old state's filters to the new
  // one's, so the filter links stay true without a reload.
  function bump(from, to) {
    if (from === to) return;
    function add(key, d) {
      var n = document.querySelector('.filters .n[data-filter="' + key + '"]');
      if (n) n.textContent = String(Math.max(0, Number(n.textContent) + d));
    }
    add(from, -1);
    add(to, 1);
    if (isOpen(from) !== isOpen(to)) add("open", isOpen(to) ? 1 : -1);
  }

  function setAuthor(seg, name) {
    var a = seg.querySelector(".author");
    if (!a || !name) return;
    a.textContent = t("editor.by").replace("{name}", name);
    a.hidden = false;
  }

  function setState(seg, state) {
    bump(seg.dataset.state, state);
    seg.dataset.state = state;
    seg.dataset.open = String(isOpen(state));
    var badge = seg.querySelector(".badge");
    badge.className = "badge st-" + state;
    badge.textContent = t("state." + state);
    var clear = seg.querySelector("button.clear");
    if (clear) clear.hidden = !(state === "translated" || state === "rejected");
    if (clear && clear.hidden) hideClearConfirm(seg);
  }

  function api(method, path, body) {
    return fetch(path, {
      method: method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf, "Accept": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        return { status: res.status, data: data };
      });
    });
  }

  function savePath(seg) {
    return "/api/v1/segments/" + seg.dataset.id + "/translations/" + encodeURIComponent(lang);
  }

  // save sends the textarea's text written from the version it was read at.
  // It resolves true when the text is stored.
  function save(seg, text, version) {
    var ta = area(seg);
    if (text === undefined) text = ta.value;
    if (version === undefined) version = Number(seg.dataset.version);
    seg.classList.add("saving");
    setStatus(seg, t("editor.saving"));
    return api("PUT", savePath(seg), { target: text, version: version }).then(function (r) {
      seg.classList.remove("saving");
      if (r.status === 200) {
        seg.dataset.version = r.data.version;
        seg.dataset.saved = r.data.target;
        if (ta.value === text) ta.value = r.data.target;
        setState(seg, r.data.state);
        setAuthor(seg, r.data.author);
        var c = seg.querySelector(".comment");
        if (c && !r.data.unchanged) c.remove();
        hideConflict(seg);
        showChecks(seg, r.data.checks || []);
        setStatus(seg, r.data.unchanged ? t("editor.unchanged") : t("editor.saved"));
        refreshHistory(seg);
        return true;
      }
      if (r.status === 409 && r.data.current) {
        showConflict(seg, text, r.data.current);
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
      setStatus(seg, t("editor.save_failed") + " " + (r.data.error || r.status), true);
      return false;
    }, function () {
      seg.classList.remove("saving");
      setStatus(seg, t("editor.save_failed"), true);
      return false;
    });
  }

  // showChecks replaces the segment's quality findings with those of the
  // text just saved, so the translator sees at once what a reviewer will.
  function showChecks(seg, checks) {
    var list = seg.querySelector("ul.checks");
    if (checks.length === 0) {
      if (list) list.remove();
      return;
    }
    if (!list) {
      list = el("ul", "checks");
      list.setAttribute("aria-label", t("editor.checks"));
      seg.querySelector(".meta").after(list);
    }
    list.textContent = "";
    checks.forEach(function (c) {
      var li = el("li", c.severity, c.message);
      if (c.lang) li.setAttribute("lang", c.lang); // the interface has no wording of its own yet
      list.appendChild(li);
    });
  }

  function hideConflict(seg) {
    var box = seg.querySelector(".conflict");
    box.hidden = true;
    box.classList.remove("gone");
    box.textContent = "";
  }

  // panel empties the segment's conflict panel for a new answer: a version
  // conflict, or (gone) a source corrected meanwhile.
  function panel(seg, gone) {
    var box = seg.querySelector(".conflict");
    box.textContent = "";
    box.classList.toggle("gone", gone);
    return box;
  }

  // showConflict puts the other person's text beside yours; neither is lost
  // until the translator picks one. Focus goes to the panel's heading, not to
  // a button, so an Enter still held from Ctrl+Enter overwrites nobody.
  function showConflict(seg, mine, current) {
    var box = panel(seg, false);
    var head = el("h3", "conflict-title", t("editor.conflict_title"));
    head.tabIndex = -1;
    box.appendChild(head);
    // The 409 names the version; who wrote it is the history's latest entry.
    var who = el("p", "conflict-who");
    box.appendChild(who);
    api("GET", historyPath(seg)).then(function (r) {
      var evs = (r.status === 200 && r.data.events) || [];
      var last = evs[evs.length - 1];
      if (!last) return;
      current.author = last.actor;
      who.textContent = t("editor.conflict_who").replace("{name}", last.actor).replace("{version}", String(current.version));
    });
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
    var keep = el("button", "keep-mine primary", t("editor.keep_mine"));
    keep.type = "button";
    var take = el("button", "take-theirs", t("editor.take_theirs"));
    take.type = "button";
    // Keep mine saves what the textarea holds now: the translator may have
    // gone on typing after the conflict came.
    keep.addEventListener("click", function () {
      var now = area(seg).value;
      yours.querySelector("p").textContent = now;
      save(seg, now, current.version).then(function (ok) { if (ok) area(seg).focus(); });
    });
    take.addEventListener("click", function () {
      var ta = area(seg);
      ta.value = current.target || "";
      fit(ta);
      seg.dataset.version = current.version;
      seg.dataset.saved = ta.value;
      setState(seg, current.state);
      setAuthor(seg, current.author);
      hideConflict(seg);
      setStatus(seg, "");
      ta.focus();
    });
    buttons.appendChild(keep);
    buttons.appendChild(take);
    box.appendChild(buttons);
    box.hidden = false;
    head.focus();
  }

  // showSourceGone tells that the segment's Russian sentence was corrected
  // meanwhile, so the text cannot be saved here: the typed text stays in the
  // textarea, a button copies it, and a link reloads the page with the new
  // sentence.
  function showSourceGone(seg) {
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

  // nextOpenAfter is the first open segment after seg on this page, or null.
  function nextOpenAfter(seg) {
    var all = segments();
    for (var k = all.indexOf(seg) + 1; k < all.length; k++) {
      if (all[k].dataset.open === "true") return all[k];
    }
    return null;
  }

  // nextPage is the address of the page after this one of a long document, or "".
  function nextPage() {
    var cur = document.querySelector('nav.pages a[aria-current="page"]');
    var li = cur && cur.closest("li").nextElementSibling;
    var a = li && li.querySelector("a");
    return a ? a.href : "";
  }

  // place orders segments as the document does: [paragraph, position].
  function place(seg) { return seg.dataset.place.split(".").map(Number); }
  function after(a, b) { return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]); }

  // continueAfter goes on to the first open segment after seg on a later
  // page. Under a state filter the pages are counted anew after each save
  // (a saved segment leaves "open"), so the segments that followed seg may
  // now be on this very page: it is shown again and searched from seg on.
  function continueAfter(seg) {
    var filtered = /[?&]state=(?!all\b)/.test(location.search);
    var cur = document.querySelector('nav.pages a[aria-current="page"]');
    var target = filtered && cur ? cur.href : nextPage();
    location.href = target.split("#")[0] + "#open-after=" + seg.dataset.place;
  }

  // nextOpen is the first open segment after seg, wrapping around.
  function nextOpen(seg) {
    var all = segments();
    var i = all.indexOf(seg);
    for (var k = 1; k < all.length; k++) {
      var s = all[(i + k) % all.length];
      if (s.dataset.open === "true") return s;
    }
    return null;
  }

  function refreshHistory(seg) {
    var d = seg.querySelector("details.history");
    if (d.open) loadHistory(seg);
    else d.dataset.loaded = "";
  }

  function historyPath(seg) {
    return historyBase + seg.dataset.id + "/translations/" + encodeURIComponent(lang) + "/history";
  }

  function loadHistory(seg) {
    var d = seg.querySelector("details.history");
    var list = d.querySelector("ol");
    d.dataset.loaded = "1";
    api("GET", historyPath(seg)).then(function (r) {
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
        li.appendChild(document.createTextNode(" " + e.actor + " · " + (msgs["state." + e.to] || e.to) + " · v" + e.version));
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

  // loadHelp shows the glossary's terms for the source and the translation
  // memory's suggestions; "Use" puts a suggestion in the textarea.
  function loadHelp(seg) {
    var d = seg.querySelector("details.help");
    var body = d.querySelector(".help-body");
    d.dataset.loaded = "1";
    var q = "?lang=" + encodeURIComponent(lang);
    var base = "/api/v1/segments/" + seg.dataset.id;
    Promise.all([api("GET", base + "/glossary" + q), api("GET", base + "/suggestions" + q)]).then(function (rs) {
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
          var q2 = el("span", "", " " + sg.target + " ");
          q2.setAttribute("lang", lang);
          q2.setAttribute("dir", area(seg).dir);
          li.appendChild(q2);
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
    });
  }

  // Clearing takes a text back (saved into the wrong segment, say). It asks
  // first, inline beside the buttons; the focus goes to "Keep it".
  function hideClearConfirm(seg) {
    var box = seg.querySelector(".clear-confirm");
    if (box) box.remove();
  }

  function askClear(seg) {
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
    setStatus(seg, t("editor.saving"));
    api("POST", savePath(seg) + "/clear", { version: Number(seg.dataset.version) }).then(function (r) {
      if (r.status !== 200) {
        setStatus(seg, t("editor.clear_failed") + " " + (r.data.error || r.status), true);
        return;
      }
      var ta = area(seg);
      ta.value = "";
      fit(ta);
      seg.dataset.version = r.data.version;
      seg.dataset.saved = "";
      setState(seg, r.data.state);
      setAuthor(seg, r.data.author);
      var c = seg.querySelector(".comment");
      if (c) c.remove();
      hideConflict(seg);
      showChecks(seg, []);
      setStatus(seg, t("editor.cleared"));
      refreshHistory(seg);
      ta.focus();
    }, function () {
      setStatus(seg, t("editor.clear_failed"), true);
    });
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
  function searchMemory(seg, phrase) {
    var out = seg.querySelector(".tm-results");
    phrase = phrase.trim();
    out.textContent = "";
    if (!phrase) return;
    api("GET", "/api/v1/tm/" + encodeURIComponent(lang) + "/search?q=" + encodeURIComponent(phrase)).then(function (r) {
      out.textContent = "";
      if (r.status !== 200) {
        out.appendChild(el("p", "status error", t("editor.tm_search_failed") + " " + (r.data.error || r.status)));
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

  root.addEventListener("submit", function (ev) {
    var f = ev.target;
    if (!f.matches || !f.matches("form.tm-search")) return;
    ev.preventDefault();
    searchMemory(f.closest("article.seg"), f.elements.q.value);
  });

  // useButton is a "Use" button that puts text in the segment's textarea.
  function useButton(seg, text) {
    var b = el("button", "use", t("editor.use"));
    b.type = "button";
    b.addEventListener("click", function () { useSuggestion(seg, text); });
    return b;
  }

  function useSuggestion(seg, text) {
    var ta = area(seg);
    ta.value = text;
    fit(ta);
    ta.focus();
  }

  // The help of the segment being translated opens by itself, as in a CAT
  // tool: its memory matches are one key (Alt+1 … Alt+5) away.
  root.addEventListener("focusin", function (ev) {
    if (ev.target.tagName !== "TEXTAREA" || ev.target.readOnly) return;
    var d = ev.target.closest("article.seg").querySelector("details.help");
    if (d && !d.open) d.open = true;
  });

  root.addEventListener("toggle", function (ev) {
    var d = ev.target;
    if (!d.matches || !d.open || d.dataset.loaded) return;
    if (d.matches("details.history")) loadHistory(d.closest("article.seg"));
    if (d.matches("details.help")) loadHelp(d.closest("article.seg"));
  }, true);

  root.addEventListener("click", function (ev) {
    var b = ev.target.closest("button.save");
    if (b) save(b.closest("article.seg"));
    var c = ev.target.closest("button.clear");
    if (c) askClear(c.closest("article.seg"));
  });

  root.addEventListener("keydown", function (ev) {
    if (ev.altKey && !ev.ctrlKey && !ev.metaKey && /^Digit[1-5]$/.test(ev.code)) {
      var s = ev.target.closest && ev.target.closest("article.seg");
      var n = Number(ev.code.slice(5)) - 1;
      if (s && ev.target.tagName === "TEXTAREA" && !ev.target.readOnly && s.suggestions && s.suggestions[n]) {
        ev.preventDefault();
        useSuggestion(s, s.suggestions[n].target);
      }
      return;
    }
    if (ev.key !== "Enter" || !(ev.ctrlKey || ev.metaKey)) return;
    var seg = ev.target.closest && ev.target.closest("article.seg");
    if (!seg || ev.target.tagName !== "TEXTAREA" || ev.target.readOnly) return;
    ev.preventDefault();
    save(seg).then(function (ok) {
      if (!ok) return;
      var next = nextOpenAfter(seg);
      if (!next && nextPage()) {
        // The work goes on on the next page of a long document.
        continueAfter(seg);
        return;
      }
      next = next || nextOpen(seg);
      if (next) {
        area(next).focus();
        next.scrollIntoView({ block: "center" });
      } else {
        setStatus(seg, t("editor.saved") + " " + t("editor.last_open"));
      }
    });
  });

  // Arriving by Ctrl+Enter from the end of a page: straight to the first
  // open segment after the one just saved, on a later page if need be.
  var from = /^#open-after=(\d+\.\d+)$/.exec(location.hash);
  if (from) {
    var mark = from[1].split(".").map(Number);
    var first = segments().filter(function (s) { return s.dataset.open === "true" && after(place(s), mark); })[0];
    if (first && !area(first).readOnly) {
      area(first).focus();
      first.scrollIntoView({ block: "center" });
    } else if (!first && nextPage()) {
      location.href = nextPage() + location.hash;
    }
  }

  // Nothing typed is lost by leaving the page by mistake.
  window.addEventListener("beforeunload", function (ev) {
    // A text copied away from a segment that cannot be saved is not lost.
    var dirty = segments().some(function (seg) {
      var v = area(seg).value;
      return v !== seg.dataset.saved && v !== seg.dataset.copied;
    });
    if (dirty) {
      ev.preventDefault();
      ev.returnValue = t("editor.unsaved");
    }
  });
})();
