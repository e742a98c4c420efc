package workspace

import (
	"fmt"
	"strings"
	"testing"

	"tilmash/internal/app"
	"tilmash/internal/glossary"
)

// TestEditorQueryURL: every link of the editor keeps the filter and the
// search, page first, and escapes what people typed.
func TestEditorQueryURL(t *testing.T) {
	base := "/translate/3/kk"
	tests := []struct {
		q    editorQuery
		page int
		want string
	}{
		{editorQuery{State: "all"}, 1, base},
		{editorQuery{State: "all"}, 2, base + "?page=2"},
		{editorQuery{State: "open"}, 4, base + "?page=4&state=open"},
		{editorQuery{State: "all", Search: app.TranslationFilter{Query: "экономика мен", Author: "dana", Check: "error"}}, 1,
			base + "?q=%D1%8D%D0%BA%D0%BE%D0%BD%D0%BE%D0%BC%D0%B8%D0%BA%D0%B0+%D0%BC%D0%B5%D0%BD&author=dana&check=error"},
		{editorQuery{State: "rejected", Search: app.TranslationFilter{Query: "a&b"}, Comments: true}, 3, base + "?page=3&state=rejected&q=a%26b&comments=open"},
	}
	for _, tt := range tests {
		if got := tt.q.url(base, tt.page); got != tt.want {
			t.Errorf("%+v page %d: %s, want %s", tt.q, tt.page, got, tt.want)
		}
	}
}

// TestNewPager: at most five links however many pages, none that does not apply.
func TestNewPager(t *testing.T) {
	labels := make([]string, 164)
	for i := range labels {
		labels[i] = fmt.Sprintf("¶ %d", i+1)
	}
	q := editorQuery{State: "all"}
	if p := newPager("/e", q, 1, labels[:1]); p != nil {
		t.Errorf("one page has a pager: %+v", p)
	}
	tests := []struct {
		page                         int
		first, prev, cur, next, last string
	}{
		{1, "", "", "/e", "/e?page=2", "/e?page=164"},
		{80, "/e", "/e?page=79", "/e?page=80", "/e?page=81", "/e?page=164"},
		{164, "/e", "/e?page=163", "/e?page=164", "", ""},
	}
	for _, tt := range tests {
		p := newPager("/e", q, tt.page, labels)
		got := strings.Join([]string{p.First, p.Prev, p.Cur, p.Next, p.Last}, " ")
		if want := strings.Join([]string{tt.first, tt.prev, tt.cur, tt.next, tt.last}, " "); got != want {
			t.Errorf("page %d: %q, want %q", tt.page, got, want)
		}
	}
}

// TestSegmentAt: "go to segment" by place or by ordinal among the shown.
func TestSegmentAt(t *testing.T) {
	para := func(n int, ids ...int64) editorParagraph {
		p := editorParagraph{Number: n}
		for i, id := range ids {
			p.Segments = append(p.Segments, editorSegment{TranslationView: app.TranslationView{ID: id}, Number: fmt.Sprintf("%d.%d", n, i+1)})
		}
		return p
	}
	pages := [][]editorParagraph{{para(1, 10), para(2, 20, 21)}, {para(3, 30, 31, 32)}}
	tests := []struct {
		at   string
		page int
		id   int64
		ok   bool
	}{
		{"1.1", 1, 10, true}, {"2.2", 1, 21, true}, {"3.3", 2, 32, true}, {"4", 2, 30, true}, {" 6 ", 2, 32, true},
		{"7", 0, 0, false}, {"3.4", 0, 0, false}, {"0", 0, 0, false}, {"x", 0, 0, false}, {"2.", 0, 0, false}, {"-1", 0, 0, false},
	}
	for _, tt := range tests {
		page, id, ok := segmentAt(pages, tt.at)
		if page != tt.page || id != tt.id || ok != tt.ok {
			t.Errorf("%q: page %d id %d %v, want %d %d %v", tt.at, page, id, ok, tt.page, tt.id, tt.ok)
		}
	}
}

// TestMarkTerms: the source cut at its glossary hits, text kept byte for byte.
func TestMarkTerms(t *testing.T) {
	src := "Участники обсудили развитие госслужбы в Алматы."
	at := strings.Index(src, "госслужбы")
	hits := []glossary.Hit{{Term: glossary.Term{Target: "мемлекеттік қызмет", Note: "сала"}, Start: at, End: at + len("госслужбы")},
		{Term: glossary.Term{Target: "x"}, Start: at + 2, End: at + 6}} // overlapping: left as text
	parts := markTerms(src, hits, "term-7")
	var b strings.Builder
	for _, p := range parts {
		if p.Term {
			fmt.Fprintf(&b, "[%s=%s#%s;%s]", p.Text, p.Target, p.ID, p.Note)
		} else {
			b.WriteString(p.Text)
		}
	}
	if got, want := b.String(), "Участники обсудили развитие [госслужбы=мемлекеттік қызмет#term-7-0;сала] в Алматы."; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := markTerms(src, nil, "t"); len(got) != 1 || got[0].Text != src {
		t.Errorf("no hits: %+v", got)
	}
}
