package workspace

import "context"

// dashComments is a dashboard cell's count of unresolved comments (issue 14
// point 6), kept apart from the rest of the cell so that the dashboard can
// be laid out anew without touching it.
type dashComments struct {
	OpenComments int    // unresolved comments of the document in the language (and about its source)
	CommentsURL  string // where they are read: the editor, narrowed to commented segments
}

// countComments fills the open-comment counts of the dashboard's cells.
func (s *Server) countComments(ctx context.Context, docs []dashDoc) error {
	ids := make([]int64, 0, len(docs))
	langs := map[string]bool{}
	for _, d := range docs {
		ids = append(ids, d.ID)
		for _, l := range d.Langs {
			langs[l.Tag] = true
		}
	}
	tags := make([]string, 0, len(langs))
	for t := range langs {
		tags = append(tags, t)
	}
	open, err := s.app.OpenComments(ctx, ids, tags)
	if err != nil {
		return err
	}
	for i := range docs {
		for j := range docs[i].Langs {
			l := &docs[i].Langs[j]
			l.OpenComments = open[docs[i].ID][l.Tag]
			l.CommentsURL = editorQuery{State: "all", Comments: true}.url(l.EditorURL, 1)
		}
	}
	return nil
}
