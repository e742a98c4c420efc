package app_test

import (
	"context"
	"reflect"
	"testing"

	"tilmash/internal/app"
	"tilmash/internal/workflow"
)

func sourcesOfView(v app.DocumentView) []string {
	out := make([]string, len(v.Segments))
	for i, s := range v.Segments {
		out[i] = s.Source
	}
	return out
}

// TestRevisionPlans: what a preview answers for a series of revisions of
// one document (each then made), and the segments that result. A
// publisher's join survives a correction of another paragraph and is
// redone by the segmenter only where its own paragraph changes.
func TestRevisionPlans(t *testing.T) {
	ctx := context.Background()
	_, a := openApp(t)
	press, _, err := a.CreateUser(ctx, app.NewUser{Name: "press", Roles: []workflow.Role{{Kind: workflow.Publisher}}})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := a.CreateDocument(ctx, press, "t", "Выступил д-р Дж. Смит. Он рассказал о проекте.\nВторой абзац.")
	if err != nil {
		t.Fatal(err)
	}
	// Recut the first sentence, then join it back: revisions 2 and 3.
	if doc, err = a.SplitSegment(ctx, press, doc.ID, doc.Segments[0].ID, 1, 16); err != nil {
		t.Fatal(err)
	}
	if doc, err = a.JoinSegments(ctx, press, doc.ID, doc.Segments[0].ID, 2); err != nil {
		t.Fatal(err)
	}
	type counts struct{ Segments, Kept, Changed, Added, Restored, Removed int }
	tests := []struct {
		name    string
		text    string
		want    counts
		sources []string
	}{
		{"another paragraph corrected: the join stays", "Выступил д-р Дж. Смит. Он рассказал о проекте.\nВторой абзац исправлен.",
			counts{3, 2, 1, 0, 0, 0},
			[]string{"Выступил д-р Дж. Смит.", "Он рассказал о проекте.", "Второй абзац исправлен."}},
		{"the paragraph back as it was: unchanged", "Выступил д-р Дж. Смит. Он рассказал о проекте.\nВторой абзац.",
			counts{3, 2, 0, 0, 1, 1},
			[]string{"Выступил д-р Дж. Смит.", "Он рассказал о проекте.", "Второй абзац."}},
		{"a sentence added", "Выступил д-р Дж. Смит. Он рассказал о проекте.\nВторой абзац.\nСовсем новая строка тут.",
			counts{4, 3, 0, 1, 0, 0},
			[]string{"Выступил д-р Дж. Смит.", "Он рассказал о проекте.", "Второй абзац.", "Совсем новая строка тут."}},
		{"a sentence removed", "Он рассказал о проекте.\nВторой абзац.\nСовсем новая строка тут.",
			counts{3, 3, 0, 0, 0, 1},
			[]string{"Он рассказал о проекте.", "Второй абзац.", "Совсем новая строка тут."}},
	}
	for _, tt := range tests {
		p, err := a.PreviewRevision(ctx, press, doc.ID, tt.text)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := (counts{p.Segments, p.Kept, p.Changed, p.Added, p.Restored, p.Removed}); got != tt.want || p.BaseRevision != doc.Revision {
			t.Errorf("%s: preview %+v against %d, want %+v against %d", tt.name, got, p.BaseRevision, tt.want, doc.Revision)
		}
		if doc, err = a.ReviseDocument(ctx, press, doc.ID, p.BaseRevision, tt.text); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := sourcesOfView(doc); !reflect.DeepEqual(got, tt.sources) {
			t.Errorf("%s: segments %q, want %q", tt.name, got, tt.sources)
		}
	}
}
