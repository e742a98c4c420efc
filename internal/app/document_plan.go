package app

import (
	"fmt"
	"strings"

	"tilmash/internal/record"
	"tilmash/internal/segment"
	"tilmash/internal/workflow"
)

// revisionReads is what planning a revision reads: the same questions inside
// the revision's transaction and outside it for a preview, so that a preview
// counts exactly what the revision then does.
type revisionReads interface {
	PlacedSegments(docID int64) ([]record.Placed, error)
	EarlierSegments(docID int64) ([]record.Placed, error)
	SegmentTranslations(segID int64) ([]record.Translation, error)
}

// plannedSegment is one segment of a planned revision.
type plannedSegment struct {
	Source    string
	Paragraph int
	Position  int
	Kind      segment.StepKind
	// Reuse is the segment placed again (Kept, Restored); 0 makes a new one.
	Reuse int64
	// DerivedFrom is the current segment a new one derives from (its previous source).
	DerivedFrom *int64
	// Carry are the translations the new or restored segment receives as
	// outdated (SegmentID unset), each with the history comment saying whence.
	Carry []carried
	// Restore are the translations that come back with a restored segment.
	Restore []record.Translation
}

type carried struct {
	record.Translation
	From    workflow.State
	Comment string
}

// revisionPlan is a revision worked out but not stored.
type revisionPlan struct {
	Segments []plannedSegment
	Removed  int
}

// planFrom is where one sentence of a planned revision comes from.
type planFrom struct {
	kind    segment.StepKind
	reuse   int64           // Kept, Restored
	sources []record.Placed // Changed: whose translations it carries, in order; Restored: the one it replaces
}

// planRevision plans a text revision: each sentence kept, restored from an
// earlier revision, derived from a current one, or new (segment.Revise).
// Paragraphs whose text did not change keep the current cuts (a publisher's
// joins and splits survive a correction elsewhere).
func planRevision(r revisionReads, docID int64, src *parsedSource) (revisionPlan, error) {
	current, err := r.PlacedSegments(docID)
	if err != nil {
		return revisionPlan{}, err
	}
	earlier, err := r.EarlierSegments(docID)
	if err != nil {
		return revisionPlan{}, err
	}
	src.paragraphs = segment.KeepCuts(paragraphCuts(current), src.paragraphs)
	var next []string
	for _, p := range src.paragraphs {
		next = append(next, p.Sentences...)
	}
	src.count = len(next)
	steps := segment.Revise(sources(current), sources(earlier), next)
	from := make([]planFrom, len(steps))
	for i, s := range steps {
		switch s.Kind {
		case segment.Kept:
			from[i] = planFrom{kind: s.Kind, reuse: current[s.Old].ID}
		case segment.Restored:
			from[i] = planFrom{kind: s.Kind, reuse: earlier[s.Earlier].ID}
			if s.Old >= 0 {
				from[i].sources = []record.Placed{current[s.Old]}
			}
		case segment.Changed:
			from[i] = planFrom{kind: s.Kind, sources: []record.Placed{current[s.Old]}}
		default:
			from[i] = planFrom{kind: segment.Added}
		}
	}
	plan, err := buildPlan(r, src.paragraphs, from)
	plan.Removed = len(segment.Removed(len(current), steps))
	return plan, err
}

// paragraphCuts groups placed segments by paragraph.
func paragraphCuts(ps []record.Placed) [][]string {
	var out [][]string
	for i, p := range ps {
		if i == 0 || p.Paragraph != ps[i-1].Paragraph {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], p.Source)
	}
	return out
}

func sources(ps []record.Placed) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Source
	}
	return out
}

// buildPlan reads the translations each sentence carries or restores.
func buildPlan(r revisionReads, paragraphs []segment.Paragraph, from []planFrom) (revisionPlan, error) {
	var plan revisionPlan
	i := 0
	for _, p := range paragraphs {
		for pos, sentence := range p.Sentences {
			f := from[i]
			ps := plannedSegment{Source: sentence, Paragraph: p.Number, Position: pos + 1, Kind: f.kind, Reuse: f.reuse}
			var have map[string]bool
			if f.kind == segment.Restored {
				trs, err := r.SegmentTranslations(f.reuse)
				if err != nil {
					return plan, err
				}
				have = map[string]bool{}
				for _, t := range trs {
					have[t.Lang] = true
					if workflow.State(t.State) != workflow.Untranslated {
						ps.Restore = append(ps.Restore, t)
					}
				}
			}
			if len(f.sources) > 0 {
				if f.kind == segment.Changed {
					id := f.sources[0].ID
					ps.DerivedFrom = &id
				}
				c, err := carryFrom(r, f.sources, have)
				if err != nil {
					return plan, err
				}
				ps.Carry = c
			}
			plan.Segments = append(plan.Segments, ps)
			i++
		}
	}
	return plan, nil
}

// carryFrom is what a changed sentence carries over from the segments it
// comes from: per language their translations joined in order, outdated (a
// joined segment offers both halves' text). Languages in skip are left out:
// a restored segment keeps its own translation there.
func carryFrom(r revisionReads, from []record.Placed, skip map[string]bool) ([]carried, error) {
	byLang := map[string][]record.Translation{}
	var langs []string
	for _, s := range from {
		trs, err := r.SegmentTranslations(s.ID)
		if err != nil {
			return nil, err
		}
		for _, t := range trs {
			if skip[t.Lang] || workflow.State(t.State) == workflow.Untranslated || t.Text == "" {
				continue
			}
			if byLang[t.Lang] == nil {
				langs = append(langs, t.Lang)
			}
			byLang[t.Lang] = append(byLang[t.Lang], t)
		}
	}
	var out []carried
	for _, lang := range langs {
		trs := byLang[lang]
		first := trs[0]
		ch := workflow.Outdate(workflow.Current{State: workflow.State(first.State), Version: first.Version, Text: first.Text, AuthorID: first.AuthorID})
		if !ch.Changed {
			continue
		}
		texts := make([]string, len(trs))
		whence := make([]string, len(trs))
		for i, t := range trs {
			texts[i] = t.Text
			whence[i] = fmt.Sprintf("segment %d version %d", t.SegmentID, t.Version)
		}
		text := texts[0]
		for _, t := range texts[1:] {
			text = segment.JoinSentences(text, t)
		}
		out = append(out, carried{
			Translation: record.Translation{Lang: lang, Text: text,
				State: string(ch.To), Version: 1, AuthorID: first.AuthorID, Origin: "revision"},
			From:    workflow.State(first.State),
			Comment: "source changed; carried over from " + strings.Join(whence, " and "),
		})
	}
	return out, nil
}
