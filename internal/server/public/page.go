package public

import (
	"context"
	"strconv"
	"tilmash/internal/app"

	"tilmash/internal/language"
	"tilmash/internal/publish"
)

// releasePage builds what a public page shows from a stored release; base
// is the scheme and host links start with.
func releasePage(base string, rel app.ReleaseContent, alts []publish.Alternate) publish.Page {
	page := publish.Page{Title: rel.Title, Lang: rel.Lang, Dir: language.DirectionOf(rel.Lang), Number: rel.Number,
		Revision: rel.Revision, PublishedAt: rel.PublishedAt, Partial: rel.Partial,
		URL:       base + publish.ReleasePath(rel.DocumentID, rel.Lang, strconv.Itoa(rel.Number)),
		LatestURL: base + publish.ReleasePath(rel.DocumentID, rel.Lang, "latest"),
		Labels:    publish.LabelsFor(rel.Lang), Alternates: alts}
	paragraphOf := make([]int, len(rel.Segments))
	texts := make([]publish.Sentence, len(rel.Segments))
	sources := make([]string, len(rel.Segments))
	for i, sg := range rel.Segments {
		paragraphOf[i] = sg.Paragraph
		texts[i] = publish.Sentence{Text: sg.Text, Lang: sg.Lang}
		sources[i] = sg.Source
	}
	page.Paragraphs = publish.Group(paragraphOf, texts)
	page.Headline = publish.IsHeadline(sources, paragraphOf)
	return page
}

// withdrawal builds what a withdrawn release's URL shows.
func withdrawal(base string, rel app.ReleaseContent) publish.Withdrawal {
	g := publish.Withdrawal{Title: rel.Title, Lang: rel.Lang, Dir: language.DirectionOf(rel.Lang), Number: rel.Number,
		PublishedAt: rel.PublishedAt, WithdrawnAt: rel.Withdrawn.At, Reason: rel.Withdrawn.Reason,
		Labels: publish.LabelsFor(rel.Lang)}
	if rel.LatestLive > 0 {
		g.LatestURL = base + publish.ReleasePath(rel.DocumentID, rel.Lang, strconv.Itoa(rel.LatestLive))
	}
	return g
}

// alternates lists the latest live release of the document in every
// published language, in the catalogue's order, with its native name.
func (s *Server) alternates(ctx context.Context, base string, doc int64, current string) ([]publish.Alternate, error) {
	published, err := s.app.PublishedLanguages(ctx, doc)
	if err != nil {
		return nil, err
	}
	ls, err := s.app.Languages(ctx)
	if err != nil {
		return nil, err
	}
	isPublished := make(map[string]bool, len(published))
	for _, p := range published {
		isPublished[p] = true
	}
	out := make([]publish.Alternate, 0, len(published))
	for _, l := range ls {
		if !isPublished[l.Tag] {
			continue
		}
		out = append(out, publish.Alternate{Lang: l.Tag, NativeName: l.NativeName,
			URL: base + publish.ReleasePath(doc, l.Tag, "latest"), Current: l.Tag == current})
	}
	return out, nil
}
