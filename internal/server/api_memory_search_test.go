package server

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"tilmash/internal/tmx"
)

// memoryUnit is a TMX unit with its creation day (days after 2024-01-01).
type memoryUnit struct {
	source, target string
	day            int
}

// importMemory imports units into lang's memory through the API.
func (ts *testServer) importMemory(tb testing.TB, token, lang string, units ...memoryUnit) {
	tb.Helper()
	var buf bytes.Buffer
	w, err := tmx.NewWriter(&buf, "ru")
	if err != nil {
		tb.Fatal(err)
	}
	for _, u := range units {
		created := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, u.day)
		if err := w.Write(tmx.Unit{TargetLang: lang, Source: u.source, Target: u.target, Created: created}); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	ts.call(tb, "POST", "/api/v1/tm/"+lang+"/import", token, buf.Bytes()).must(tb, http.StatusOK)
}

// TestMemorySearch: the concordance search finds a phrase in sources and
// targets, whatever its case or Unicode form, takes % and _ literally, stays
// in its language pair, and lists the newest units first.
func TestMemorySearch(t *testing.T) {
	ts := startServer(t)
	bolat := ts.user(t, "bolat", "reviewer:kk", "reviewer:en")
	aigerim := ts.user(t, "aigerim", "translator:kk")
	ts.importMemory(t, bolat, "kk",
		memoryUnit{"Семинар пройдет в Алматы.", "Семинар Алматыда өтеді.", 0},
		memoryUnit{"Форум в АЛМАТЫ", "АЛМАТЫДАҒЫ форум", 31},
		memoryUnit{"Скидка 50% для участников", "Қатысушыларға 50% жеңілдік", 60},
		memoryUnit{"Файл report_2024.txt", "report_2024.txt файлы", 91},
		memoryUnit{"Ёлка во дворце", "Шырша сарайда", 121},
		memoryUnit{"Повестка дня ООН", "БҰҰ күн тәртібі", 152},
		memoryUnit{"Отчет за 5020 год", "Есеп", 160},
	)
	ts.importMemory(t, bolat, "en", memoryUnit{"Семинар пройдет в Алматы.", "The seminar is held in Almaty.", 10})

	search := func(lang, q string) []string {
		t.Helper()
		r := ts.call(t, "GET", "/api/v1/tm/"+lang+"/search?q="+url.QueryEscape(q), aigerim, nil).must(t, http.StatusOK)
		matches, ok := r.Body["matches"].([]any)
		if !ok {
			t.Fatalf("search %q: no matches list: %s", q, r.Raw)
		}
		out := []string{}
		for _, m := range matches {
			out = append(out, m.(map[string]any)["source"].(string))
		}
		return out
	}
	tests := []struct {
		lang, q string
		want    []string
	}{
		{"kk", "алматы", []string{"Форум в АЛМАТЫ", "Семинар пройдет в Алматы."}},
		{"kk", "  АЛМАТЫ ", []string{"Форум в АЛМАТЫ", "Семинар пройдет в Алматы."}},
		{"kk", "семинар", []string{"Семинар пройдет в Алматы."}},
		{"kk", "күн тәртібі", []string{"Повестка дня ООН"}}, // found in the target
		{"kk", "FORUM", []string{}},
		{"kk", "50%", []string{"Скидка 50% для участников"}},
		{"kk", "%", []string{"Скидка 50% для участников"}},
		{"kk", "5_", []string{}}, // _ is a character, not "any character"
		{"kk", "_", []string{"Файл report_2024.txt"}},
		{"kk", "REPORT_2024", []string{"Файл report_2024.txt"}},
		{"kk", "е\u0308лка", []string{"Ёлка во дворце"}}, // decomposed ё finds the composed one
		{"kk", "ёлка", []string{"Ёлка во дворце"}},
		{"en", "алматы", []string{"Семинар пройдет в Алматы."}},
		{"en", "ООН", []string{}},
		{"KK", "ооН", []string{"Повестка дня ООН"}},
		// Case folds for every letter, inside mixed-case text too.
		{"kk", "ДАҒЫ ФОРУМ", []string{"Форум в АЛМАТЫ"}},
		{"kk", "дағы форум", []string{"Форум в АЛМАТЫ"}},
	}
	for _, tt := range tests {
		if got := search(tt.lang, tt.q); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("search %s %q = %q, want %q", tt.lang, tt.q, got, tt.want)
		}
	}

	// One match in full.
	r := ts.call(t, "GET", "/api/v1/tm/kk/search?q=%D0%A4%D0%BE%D1%80%D1%83%D0%BC", aigerim, nil).must(t, http.StatusOK)
	want := `{"matches":[{"source":"Форум в АЛМАТЫ","target":"АЛМАТЫДАҒЫ форум","origin":"tmx","author":"bolat","created":"2024-02-01T00:00:00Z"}]}`
	if string(r.Raw) != want {
		t.Errorf("search Форум:\n got %s\nwant %s", r.Raw, want)
	}
}

// TestMemorySearchLimit: at most 50 units, the newest first.
func TestMemorySearchLimit(t *testing.T) {
	ts := startServer(t)
	bolat := ts.user(t, "bolat", "reviewer:kk")
	var units []memoryUnit
	for i := range 60 {
		units = append(units, memoryUnit{fmt.Sprintf("Общий текст номер %d", i), fmt.Sprintf("Жалпы мәтін %d", i), i})
	}
	ts.importMemory(t, bolat, "kk", units...)
	r := ts.call(t, "GET", "/api/v1/tm/kk/search?q="+url.QueryEscape("общий"), bolat, nil).must(t, http.StatusOK)
	matches := r.Body["matches"].([]any)
	if len(matches) != 50 {
		t.Fatalf("%d matches, want 50", len(matches))
	}
	for i, m := range matches {
		if got, want := m.(map[string]any)["source"], fmt.Sprintf("Общий текст номер %d", 59-i); got != want {
			t.Fatalf("match %d is %q, want %q", i, got, want)
		}
	}
}

// TestMemorySearchBadInput: precise 400s for an empty or over-long phrase,
// and for a language that is no target, 401 without a token.
func TestMemorySearchBadInput(t *testing.T) {
	ts := startServer(t)
	aigerim := ts.user(t, "aigerim", "translator:kk")
	long := strings.Repeat("ж", 201)
	tests := []struct {
		path   string
		token  string
		status int
		error  string
	}{
		{"/api/v1/tm/kk/search", aigerim, 400, "the search phrase is empty"},
		{"/api/v1/tm/kk/search?q=", aigerim, 400, "the search phrase is empty"},
		{"/api/v1/tm/kk/search?q=+%20%09", aigerim, 400, "the search phrase is empty"},
		{"/api/v1/tm/kk/search?q=" + url.QueryEscape(long), aigerim, 400, "the search phrase is 201 characters long; the limit is 200"},
		{"/api/v1/tm/kk/search?q=" + url.QueryEscape(long[2:]), aigerim, 200, ""},
		{"/api/v1/tm/kk/search?q=a", "", 401, ""},
		{"/api/v1/tm/ru/search?q=a", aigerim, 400, "ru is the source language, not a target"},
		{"/api/v1/tm/de/search?q=a", aigerim, 400, "unknown language \"de\" (target languages: kk, en, ky, tg, tk, uz, ps, fa-AF, ar, nl)"},
	}
	for _, tt := range tests {
		r := ts.call(t, "GET", tt.path, tt.token, nil)
		if r.Status != tt.status {
			t.Errorf("GET %.60s: status %d, want %d: %s", tt.path, r.Status, tt.status, r.Raw)
			continue
		}
		if tt.error != "" && r.Body["error"] != tt.error {
			t.Errorf("GET %.60s: error %q, want %q", tt.path, r.Body["error"], tt.error)
		}
	}
}
