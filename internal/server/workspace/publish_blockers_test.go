package workspace

import (
	"testing"

	"tilmash/internal/app"
	"tilmash/internal/workflow"
)

// TestEditorPages: a blocker's link names the editor page that shows its
// segment, paged by whole paragraphs of at most EditorPageSize segments.
func TestEditorPages(t *testing.T) {
	var segs []app.SegmentView
	id := int64(0)
	for para, n := range []int{150, 100, 30, 450} { // pages: [150] [100 30] [200] [200] [50]
		for pos := range n {
			id++
			segs = append(segs, app.SegmentView{ID: id, Paragraph: para + 1, Position: pos + 1})
		}
	}
	pages := editorPages(segs)
	for _, tc := range []struct {
		id   int64
		page int
	}{{1, 1}, {150, 1}, {151, 2}, {250, 2}, {280, 2}, {281, 3}, {480, 3}, {481, 4}, {680, 4}, {681, 5}, {730, 5}} {
		if got := pages[tc.id]; got != tc.page {
			t.Errorf("segment %d on page %d, want %d", tc.id, got, tc.page)
		}
	}
	links := blockerLinks(7, "kk", []app.Blocker{{SegmentID: 1, Paragraph: 1, Position: 1, State: workflow.Untranslated},
		{SegmentID: 281, Paragraph: 4, Position: 1, State: workflow.Rejected}}, pages)
	want := []blockerLink{{Place: "1.1", Label: "state.untranslated", URL: "/translate/7/kk#seg-1"},
		{Place: "4.1", Label: "state.rejected", URL: "/translate/7/kk?page=3#seg-281"}}
	if len(links) != len(want) || links[0] != want[0] || links[1] != want[1] {
		t.Errorf("links %+v, want %+v", links, want)
	}
}
