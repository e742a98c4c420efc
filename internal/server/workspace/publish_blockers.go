package workspace

import (
	"fmt"

	"tilmash/internal/app"
)

// maxBlockersShown bounds the blocking segments the publish page lists per
// language; the rest are a link to the editor away.
const maxBlockersShown = 20

// blockerLink is one segment that keeps a language's full release back,
// linked to its place in the editor.
type blockerLink struct {
	Place string // "paragraph.position", as the editor numbers it
	Label string // the state's message id
	URL   string
}

// editorPages maps each segment of a document to the page of the unfiltered
// editor that shows it, paged as the editor pages (pageParagraphs), so a
// link lands on the right page of a long document.
func editorPages(segs []app.SegmentView) map[int64]int {
	var paras []editorParagraph
	for _, sg := range segs {
		if len(paras) == 0 || paras[len(paras)-1].Number != sg.Paragraph {
			paras = append(paras, editorParagraph{Number: sg.Paragraph})
		}
		p := &paras[len(paras)-1]
		p.Segments = append(p.Segments, editorSegment{TranslationView: app.TranslationView{ID: sg.ID}})
	}
	out := make(map[int64]int, len(segs))
	for i, page := range pageParagraphs(paras, EditorPageSize) {
		for _, p := range page {
			for _, sg := range p.Segments {
				out[sg.ID] = i + 1
			}
		}
	}
	return out
}

// blockerLinks links each blocking segment to its place in the editor of lang.
func blockerLinks(doc int64, lang string, bs []app.Blocker, pages map[int64]int) []blockerLink {
	out := make([]blockerLink, len(bs))
	for i, b := range bs {
		u := editorPath(doc, lang)
		if p := pages[b.SegmentID]; p > 1 {
			u += fmt.Sprintf("?page=%d", p)
		}
		out[i] = blockerLink{Place: fmt.Sprintf("%d.%d", b.Paragraph, b.Position), Label: stateLabel(b.State),
			URL: u + fmt.Sprintf("#seg-%d", b.SegmentID)}
	}
	return out
}
