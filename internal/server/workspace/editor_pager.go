package workspace

import (
	"net/url"
	"strconv"
	"strings"

	"tilmash/internal/app"
	"tilmash/internal/i18n"
)

// editorQuery is what narrows the editor's segments: the state filter and
// the search (text, author, failing check). Every link of the page keeps it.
type editorQuery struct {
	State    string // a key of editorFilters
	Search   app.TranslationFilter
	Comments bool // only segments with unresolved comments
}

// url is the editor at base narrowed by q, on page (none when page ≤ 1).
// The page comes first, then the state, so the addresses read as before
// the search existed.
func (q editorQuery) url(base string, page int) string {
	var parts []string
	if page > 1 {
		parts = append(parts, "page="+strconv.Itoa(page))
	}
	if q.State != "all" && q.State != "" {
		parts = append(parts, "state="+url.QueryEscape(q.State))
	}
	for _, kv := range [][2]string{{"q", q.Search.Query}, {"author", q.Search.Author}, {"check", q.Search.Check}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+"="+url.QueryEscape(kv[1]))
		}
	}
	if q.Comments {
		parts = append(parts, "comments=open")
	}
	if len(parts) == 0 {
		return base
	}
	return base + "?" + strings.Join(parts, "&")
}

// hidden are the query's fields for a GET form (search, go to) that must
// keep the rest of the query.
func (q editorQuery) hidden(skipSearch bool) []hiddenField {
	var out []hiddenField
	if q.State != "all" && q.State != "" {
		out = append(out, hiddenField{"state", q.State})
	}
	if skipSearch {
		return out
	}
	for _, kv := range []hiddenField{{"q", q.Search.Query}, {"author", q.Search.Author}, {"check", q.Search.Check}} {
		if kv.Value != "" {
			out = append(out, kv)
		}
	}
	if q.Comments {
		out = append(out, hiddenField{"comments", "open"})
	}
	return out
}

type hiddenField struct{ Name, Value string }

// pager is the compact navigation of a long editor: first, previous, the
// current page, next and last (at most five links however long the
// document), and a "go to segment" form. An empty URL is a link that does
// not apply (no previous page on the first).
type pager struct {
	Page, Pages                    int
	First, Prev, Cur, Next, Last   string
	PrevLabel, CurLabel, NextLabel string // what those pages hold, e.g. "¶ 12–20"
	GoTo                           string // the form's action
	Hidden                         []hiddenField
	Text                           pagerText
}

// pagerText is the pager's wording in the page's language.
type pagerText struct {
	Label, First, Prev, Current, Next, Last, GoTo, Go string
}

func newPagerText(l *i18n.Localizer, page, pages int) pagerText {
	return pagerText{Label: l.T("editor.pages"), First: l.T("editor.page_first"), Prev: l.T("editor.page_prev"),
		Current: l.T("editor.page_of", "N", page, "Total", pages), Next: l.T("editor.page_next"), Last: l.T("editor.page_last"),
		GoTo: l.T("editor.goto_label"), Go: l.T("editor.goto_button")}
}

// newPager is the pager of page (1-based) of pages, each labelled by labels.
// Its Text is the caller's (newPagerText).
func newPager(base string, q editorQuery, page int, labels []string) *pager {
	n := len(labels)
	if n < 2 {
		return nil
	}
	p := &pager{Page: page, Pages: n, Cur: q.url(base, page), CurLabel: labels[page-1], GoTo: base, Hidden: q.hidden(false)}
	if page > 1 {
		p.First, p.Prev, p.PrevLabel = q.url(base, 1), q.url(base, page-1), labels[page-2]
	}
	if page < n {
		p.Next, p.Last, p.NextLabel = q.url(base, page+1), q.url(base, n), labels[page]
	}
	return p
}

// segmentAt finds "go to segment N" among the shown segments, paged as
// the editor pages them: N is the segment's place as the editor numbers it
// ("12.3": paragraph 12, sentence 3) or its ordinal among the shown (57).
// It answers the page (1-based) and the segment's id, or ok false.
func segmentAt(pages [][]editorParagraph, at string) (page int, id int64, ok bool) {
	at = strings.TrimSpace(at)
	para, pos, dotted := strings.Cut(at, ".")
	want := 0
	if !dotted {
		if want = atoi(at); want < 1 {
			return 0, 0, false
		}
	} else if atoi(para) < 1 || atoi(pos) < 1 {
		return 0, 0, false
	}
	k := 0
	for i, pg := range pages {
		for _, p := range pg {
			for _, sg := range p.Segments {
				k++
				if (!dotted && k == want) || (dotted && sg.Number == at) {
					return i + 1, sg.ID, true
				}
			}
		}
	}
	return 0, 0, false
}
