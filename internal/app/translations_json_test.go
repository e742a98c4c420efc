package app

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"tilmash/internal/qa"
	"tilmash/internal/workflow"
)

// randomText mixes what JSON escaping treats apart: plain and HTML-special
// ASCII, control characters, quotes and backslashes, Cyrillic and Arabic,
// U+2028/U+2029, astral runes and invalid UTF-8.
func randomText(r *rand.Rand) string {
	pieces := []string{"a", "Жиын", "ертең", " ", "<", ">", "&", `"`, `\`, "\n", "\r", "\t", "\x00", "\x1f", "\x7f",
		"\u2028", "\u2029", "پښتو", "😀", "\xff", "\xe2\x80", "é", "\u200b", "/", "1 234,5"}
	var sb strings.Builder
	for range r.IntN(8) {
		sb.WriteString(pieces[r.IntN(len(pieces))])
	}
	return sb.String()
}

func randomView(r *rand.Rand) TranslationView {
	v := TranslationView{ID: r.Int64N(1 << 40), Source: randomText(r), Target: randomText(r),
		State: workflow.State(randomText(r)), Version: r.IntN(1000) - 1, Author: randomText(r)}
	if r.IntN(2) == 0 {
		v.Paragraph, v.Position = r.IntN(100), r.IntN(20)
	}
	if r.IntN(3) == 0 {
		v.Comment, v.PreviousSource, v.Origin = randomText(r), randomText(r), randomText(r)
	}
	if r.IntN(2) == 0 {
		t := time.Date(2020+r.IntN(10), time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), r.IntN(60), r.IntN(60), r.IntN(1e9), time.UTC)
		if r.IntN(2) == 0 {
			t = t.In(time.FixedZone("", 5*3600))
		}
		v.UpdatedAt = &t
	}
	v.Unchanged = r.IntN(4) == 0
	switch r.IntN(3) {
	case 0: // nil: "checks": null, as a list shows a clean text
	case 1:
		v.Checks = []qa.Finding{}
	default:
		for range 1 + r.IntN(3) {
			f := qa.Finding{ID: randomText(r), Severity: qa.Severity(randomText(r)), Message: randomText(r)}
			if r.IntN(2) == 0 {
				f.Args = map[string]string{}
				for range r.IntN(4) {
					f.Args[randomText(r)] = randomText(r)
				}
			}
			v.Checks = append(v.Checks, f)
		}
	}
	return v
}

// TestTranslationListJSON: AppendJSON writes exactly json.Marshal's bytes,
// for random lists full of what escaping treats apart.
func TestTranslationListJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 17))
	for i := range 2000 {
		l := TranslationList{DocumentID: r.Int64N(1000), Title: randomText(r), Revision: r.IntN(9), Lang: randomText(r), Direction: randomText(r)}
		if i%10 != 0 {
			l.Segments = []TranslationView{}
			for range r.IntN(5) {
				l.Segments = append(l.Segments, randomView(r))
			}
		}
		want, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		if got := l.AppendJSON(nil); string(got) != string(want) {
			t.Fatalf("list %d:\n got %s\nwant %s", i, got, want)
		}
	}
}

func BenchmarkTranslationListJSON(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	l := TranslationList{DocumentID: 1, Title: "Семинар", Revision: 1, Lang: "kk", Direction: "ltr"}
	for i := range 200 {
		now := time.Now().UTC()
		l.Segments = append(l.Segments, TranslationView{ID: int64(i + 1), Paragraph: 1 + i/5, Position: 1 + i%5,
			Source: "Предложение номер 17 рассказывает о том, как переводчики работают над общим документом.",
			Target: "Аударма: жазушы 3, сегмент 17, 42-нұсқа.", State: workflow.Translated, Version: 40 + r.IntN(9),
			Author: "aigerim", UpdatedAt: &now,
			Checks: []qa.Finding{{ID: qa.IDNumberExtra, Severity: qa.Warning, Message: "The target has 42, which the source lacks.", Args: map[string]string{"number": "42"}}}})
	}
	b.Run("AppendJSON", func(b *testing.B) {
		b.ReportAllocs()
		var buf []byte
		for b.Loop() {
			buf = l.AppendJSON(buf[:0])
		}
		b.SetBytes(int64(len(buf)))
	})
	b.Run("json.Marshal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			out, _ := json.Marshal(l)
			b.SetBytes(int64(len(out)))
		}
	})
}
