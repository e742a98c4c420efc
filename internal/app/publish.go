package app

import (
	"context"
	"fmt"
	"time"

	"tilmash/internal/apperr"
	"tilmash/internal/publish"
	"tilmash/internal/record"
	"tilmash/internal/workflow"
)

// PublishRequest asks for releases of a document in several languages.
type PublishRequest struct {
	Langs []string
	// AllowPartial waives the rule that every segment is approved: the
	// segments that are not show the Russian source. Reason is then required
	// and is kept on the release and in each waived segment's history.
	AllowPartial bool
	Reason       string
	// PublicURL is the service's public address as the request reached it
	// ("https://tilmash.example.org"), for the links in notifications.
	PublicURL string
}

// PublishResult is what one publishing action did, per language.
type PublishResult struct {
	// Releases are the new releases, in the order of the request.
	Releases []ReleaseView
	// Unchanged are live releases that already have exactly the text a new
	// release would take; none is made for them.
	Unchanged []ReleaseView
	// NotReady maps each language that could not be released to the
	// segments that block it.
	NotReady map[string][]int64
	// Segments is the number of segments in the document's current revision.
	Segments int
}

// PublishLanguages releases the approved text of a document's current
// revision in each requested language that is ready, in one transaction.
// Languages that are not ready are reported, not blocking the others.
func (a *App) PublishLanguages(ctx context.Context, actor workflow.Actor, docID int64, req PublishRequest) (PublishResult, error) {
	if !actor.CanPublish() {
		return PublishResult{}, apperr.New(apperr.Forbidden, "%s may not publish", actor.Name)
	}
	langs, err := a.publishLanguages(ctx, req.Langs)
	if err != nil {
		return PublishResult{}, err
	}
	reason, err := publish.Waiver(req.AllowPartial, req.Reason)
	if err != nil {
		return PublishResult{}, err
	}
	res := PublishResult{NotReady: map[string][]int64{}}
	var made, same []record.Release
	err = a.db.Write(ctx, func(tx Tx) error {
		made, same, res.NotReady = nil, nil, map[string][]int64{}
		doc, err := tx.LockDocument(docID)
		if err != nil {
			return err
		}
		segs, err := tx.PlacedSegments(docID)
		if err != nil {
			return err
		}
		res.Segments = len(segs)
		byLang, err := translationsByLang(tx, segs, langs)
		if err != nil {
			return err
		}
		now := a.now()
		for _, lang := range langs {
			taken, missing, ok := publish.Take(lang, candidates(segs, byLang[lang]), req.AllowPartial)
			if !ok {
				res.NotReady[lang] = missing
				continue
			}
			if prev, found, err := liveWithSameText(tx, docID, lang, taken); err != nil {
				return err
			} else if found {
				same = append(same, prev)
				continue
			}
			rel, err := createRelease(tx, now, actor, doc, lang, taken, missing, reason)
			if err != nil {
				return err
			}
			if err := recordWaived(tx, now, actor, lang, missing, byLang[lang], reason); err != nil {
				return err
			}
			// The notification goes in the same transaction as the release.
			msgs, err := a.releaseEvents(publish.EventPublished, req.PublicURL, releaseView(rel, map[int64]string{actor.ID: actor.Name}))
			if err != nil {
				return err
			}
			if err := tx.Enqueue(msgs); err != nil {
				return err
			}
			made = append(made, rel)
		}
		return nil
	})
	if err != nil {
		return PublishResult{}, fmt.Errorf("publish document %d: %w", docID, err)
	}
	for _, r := range made {
		a.observer.Released(r.Lang)
	}
	if len(made) > 0 {
		a.wake()
	}
	if res.Releases, err = a.releaseViews(ctx, made); err != nil {
		return PublishResult{}, err
	}
	if res.Unchanged, err = a.releaseViews(ctx, same); err != nil {
		return PublishResult{}, err
	}
	return res, nil
}

// Single is the one release of a one-language request: the new one, the
// unchanged live one, or the conflict that names the unapproved segments.
func (r PublishResult) Single() (ReleaseView, error) {
	switch {
	case len(r.Releases) == 1:
		return r.Releases[0], nil
	case len(r.Unchanged) == 1:
		return r.Unchanged[0], nil
	}
	for lang, ids := range r.NotReady {
		return ReleaseView{}, apperr.New(apperr.Conflict, "%d of %d segments are not approved in %s yet", len(ids), r.Segments, lang).
			With("unapproved", ids)
	}
	return ReleaseView{}, fmt.Errorf("publish: a one-language request gave %d releases", len(r.Releases)+len(r.Unchanged))
}

// publishLanguages validates the requested tags as target languages, each once.
func (a *App) publishLanguages(ctx context.Context, tags []string) ([]string, error) {
	if len(tags) == 0 {
		return nil, apperr.New(apperr.Invalid, `"langs" is empty: name at least one target language`)
	}
	out := make([]string, 0, len(tags))
	seen := make(map[string]bool, len(tags))
	for _, tag := range tags {
		l, err := a.TargetLanguage(ctx, tag)
		if err != nil {
			return nil, err
		}
		if seen[l.Tag] {
			return nil, apperr.New(apperr.Invalid, `"langs" names %s twice`, l.Tag)
		}
		seen[l.Tag] = true
		out = append(out, l.Tag)
	}
	return out, nil
}

// translationsByLang loads the translations of segments in languages, by language and segment.
func translationsByLang(tx Tx, segs []record.Placed, langs []string) (map[string]map[int64]record.Translation, error) {
	ids := make([]int64, len(segs))
	for i, sg := range segs {
		ids[i] = sg.ID
	}
	out := make(map[string]map[int64]record.Translation, len(langs))
	for _, l := range langs {
		out[l] = map[int64]record.Translation{}
	}
	if len(ids) == 0 {
		return out, nil
	}
	trs, err := tx.TranslationsOf(ids, langs)
	if err != nil {
		return nil, err
	}
	for _, t := range trs {
		out[t.Lang][t.SegmentID] = t
	}
	return out, nil
}

func candidates(segs []record.Placed, trs map[int64]record.Translation) []publish.Candidate {
	out := make([]publish.Candidate, len(segs))
	for i, sg := range segs {
		t := trs[sg.ID]
		out[i] = publish.Candidate{SegmentID: sg.ID, Paragraph: sg.Paragraph, Position: sg.Position, Source: sg.Source,
			Text: t.Text, Approved: t.State == string(workflow.Approved), Version: t.Version}
	}
	return out
}

// liveWithSameText finds the latest live release of a document in a
// language when it took exactly taken.
func liveWithSameText(tx Tx, docID int64, lang string, taken []publish.Taken) (record.Release, bool, error) {
	r, found, err := tx.LiveRelease(docID, lang)
	if err != nil || !found {
		return record.Release{}, false, err
	}
	rows, err := tx.ReleasedText(r.ID)
	if err != nil {
		return record.Release{}, false, err
	}
	prev := make([]publish.Taken, len(rows))
	for i, x := range rows {
		prev[i] = publish.Taken{SegmentID: x.SegmentID, Paragraph: x.Paragraph, Position: x.Position, Text: x.Text, Lang: x.Lang}
	}
	return r, publish.Same(prev, taken), nil
}

// createRelease writes a release numbered after every earlier one of the
// document and language (withdrawn ones included) and its text.
func createRelease(tx Tx, now time.Time, actor workflow.Actor, doc record.Document, lang string, taken []publish.Taken, missing []int64, reason string) (record.Release, error) {
	last, err := tx.LastReleaseNumber(doc.ID, lang)
	if err != nil {
		return record.Release{}, err
	}
	rel := record.Release{DocumentID: doc.ID, Lang: lang, Number: last + 1, Revision: doc.Revision, Title: doc.Title,
		PublishedBy: actor.ID, PublishedAt: now, Partial: len(missing) > 0, Missing: len(missing)}
	if rel.Partial {
		rel.Reason = reason
	}
	sources, paragraphOf := make([]string, len(taken)), make([]int, len(taken))
	for i, t := range taken {
		sources[i], paragraphOf[i] = t.Source, t.Paragraph
	}
	if publish.IsHeadline(sources, paragraphOf) {
		rel.Headline = taken[0].Text
	}
	text := make([]record.ReleaseSegment, len(taken))
	for i, t := range taken {
		text[i] = record.ReleaseSegment{Ordinal: i, SegmentID: t.SegmentID, Paragraph: t.Paragraph,
			Position: t.Position, Source: t.Source, Text: t.Text, Lang: t.Lang, Version: t.Version}
	}
	if err := tx.InsertRelease(&rel, text); err != nil {
		return record.Release{}, fmt.Errorf("create the release in %s: %w", lang, err)
	}
	return rel, nil
}

// recordWaived writes a history event on each segment a partial release
// shows in the source, carrying the waiver's reason; states do not change.
func recordWaived(tx Tx, now time.Time, actor workflow.Actor, lang string, missing []int64, trs map[int64]record.Translation, reason string) error {
	for _, id := range missing {
		t := trs[id]
		state := t.State
		if state == "" {
			state = string(workflow.Untranslated)
		}
		ev := record.Event{SegmentID: id, Lang: lang, ActorID: actor.ID, Action: publish.HistoryWaived, FromState: state,
			ToState: state, Version: t.Version, Text: t.Text, Comment: reason, At: now}
		if err := tx.InsertEvent(ev); err != nil {
			return fmt.Errorf("record the waiver on segment %d in %s: %w", id, lang, err)
		}
	}
	return nil
}
