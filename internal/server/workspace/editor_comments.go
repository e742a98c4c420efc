package workspace

import (
	"context"

	"tilmash/internal/app"
	"tilmash/internal/i18n"
)

// keepCommented narrows segments to those with unresolved comments in lang
// or about the source: the editor's "open comments" filter, which the
// dashboard's count links to.
func (s *Server) keepCommented(ctx context.Context, docID int64, lang string, segs []app.TranslationView) ([]app.TranslationView, error) {
	with, err := s.app.CommentedSegments(ctx, docID, lang)
	if err != nil {
		return nil, err
	}
	out := segs[:0]
	for _, sg := range segs {
		if with[sg.ID] {
			out = append(out, sg)
		}
	}
	return out, nil
}

// attachComments puts on each shown segment its comments in lang and about
// the source, in one query for the page.
func (s *Server) attachComments(ctx context.Context, lang string, ps []editorParagraph) error {
	var ids []int64
	for _, p := range ps {
		for _, sg := range p.Segments {
			ids = append(ids, sg.ID)
		}
	}
	by, err := s.app.CommentsOf(ctx, ids, lang)
	if err != nil {
		return err
	}
	for _, p := range ps {
		for i := range p.Segments {
			sg := &p.Segments[i]
			sg.Comments = by[sg.ID]
			sg.OpenComments = openCount(sg.Comments)
		}
	}
	return nil
}

// openCount is how many comments are unresolved.
func openCount(cs []app.CommentView) int {
	n := 0
	for _, c := range cs {
		if !c.Resolved {
			n++
		}
	}
	return n
}

// editorMessages14 adds the script's texts of issue 14 (comments, the
// live region's announcements) to m; placeholders in braces.
func editorMessages14(l *i18n.Localizer, m map[string]string) {
	for _, id := range []string{"editor.stay_errors", "editor.history_comment", "editor.history_resolve",
		"comments.sent", "comments.failed", "comments.resolved", "comments.resolve", "comments.about_source", "comments.submit"} {
		m[id] = l.T(id)
	}
	m["editor.saved_findings"] = l.T("editor.saved_findings", "Errors", "{errors}", "Warnings", "{warnings}")
	m["editor.suggestions_arrived"] = l.T("editor.suggestions_arrived", "N", "{n}", "Count", "{count}")
	m["editor.suggestion_inserted"] = l.T("editor.suggestion_inserted", "N", "{n}", "Text", "{text}")
	m["comments.resolve_named"] = l.T("comments.resolve_named", "Name", "{name}")
	m["comments.resolved_by"] = l.T("comments.resolved_by", "Name", "{name}")
	m["comments.heading"] = l.T("comments.heading", "N", "{n}")
	m["comments.label"] = l.T("comments.label", "N", "{n}")
}
