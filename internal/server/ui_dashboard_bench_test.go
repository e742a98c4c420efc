package server

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"tilmash/internal/app"
)

// benchDocuments is how many documents the list benchmarks hold: a few
// hundred, each of 24 sentences in 6 paragraphs.
const benchDocuments = 300

// dashboardFixture imports benchDocuments documents (seeded random words,
// so searches find a few of them), translates and approves part of a third
// of them in Kazakh, and signs a Kazakh translator in. It answers the
// workspace's handler, the translator's session cookie and the App.
func dashboardFixture(b *testing.B) (http.Handler, *http.Cookie, *app.App) {
	b.Helper()
	ts := startServer(b)
	ctx := context.Background()
	pub, _ := ts.newUser(b, "press", "publisher")
	tr, _ := ts.newUser(b, "tr", "translator:kk")
	rv, _ := ts.newUser(b, "rv", "reviewer:kk")
	ts.person(b, "aigerim", testPassword, "translator:kk")
	words := strings.Fields("совещание форум договор семинар программа доклад встреча проект бюджет закон регион " +
		"город область министерство делегация соглашение торговля транспорт энергетика образование")
	rnd := rand.New(rand.NewPCG(14, 3))
	for d := range benchDocuments {
		var text strings.Builder
		for p := range 6 {
			for s := range 4 {
				w := []rune(words[rnd.IntN(len(words))])
				fmt.Fprintf(&text, "%s %s в пункте %d документа %d. ", strings.ToUpper(string(w[:1]))+string(w[1:]),
					words[rnd.IntN(len(words))], p*4+s+1, d)
			}
			text.WriteString("\n\n")
		}
		doc, err := ts.App.CreateDocument(ctx, pub, fmt.Sprintf("Документ %d: %s", d, words[d%len(words)]), text.String())
		if err != nil {
			b.Fatal(err)
		}
		if d%3 != 0 {
			continue
		}
		for i, sg := range doc.Segments[:8] {
			target := fakeTarget("kk", sg.Source, i)
			if _, err := ts.App.SaveTranslation(ctx, tr, sg.ID, "kk", 0, target); err != nil {
				b.Fatal(err)
			}
			if i%2 == 0 {
				if _, err := ts.App.ApproveWithOverride(ctx, rv, sg.ID, "kk", 1, "benchmark data"); err != nil {
					b.Fatalf("%v: %q → %q", err, sg.Source, target)
				}
			}
		}
	}
	srv, err := New(Config{}, ts.App, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	br := ts.browser(b)
	br.signIn(b, "aigerim", testPassword)
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/", nil)
	for _, c := range br.client.Jar.Cookies(req.URL) {
		if c.Name == sessionCookie {
			return srv.Handler(), c, ts.App
		}
	}
	b.Fatal("no session cookie")
	return nil, nil, nil
}

// BenchmarkDocumentList: one page of the document list through the
// application layer (SQL count and page, then the 50 documents' counts),
// at benchDocuments documents.
func BenchmarkDocumentList(b *testing.B) {
	_, _, a := dashboardFixture(b)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		q    app.DocumentListQuery
		want int // documents the query selects
	}{
		{"all", app.DocumentListQuery{}, benchDocuments},
		{"kk_page3", app.DocumentListQuery{Langs: []string{"kk"}, Page: 3}, benchDocuments},
		{"search", app.DocumentListQuery{Q: "документ 123"}, 1},
		{"kk_needs_work", app.DocumentListQuery{Langs: []string{"kk"}, Filter: "needs_work"}, benchDocuments},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l, err := a.ListDocuments(ctx, tc.q)
				if err != nil || l.Total != tc.want {
					b.Fatalf("%d documents, %v; want %d", l.Total, err, tc.want)
				}
			}
		})
	}
}

// BenchmarkDashboardPage: a Kazakh translator's dashboard (first page, 50
// documents) at benchDocuments documents: session check, the paged list,
// the releases and the template, without the network.
func BenchmarkDashboardPage(b *testing.B) {
	h, cookie, _ := dashboardFixture(b)
	serve := func() int {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.AddCookie(cookie)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || strings.Count(rec.Body.String(), `<section class="doc"`) != 50 {
			b.Fatalf("dashboard: status %d: %.300s", rec.Code, rec.Body.String())
		}
		return rec.Body.Len()
	}
	b.SetBytes(int64(serve()))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		serve()
	}
}
