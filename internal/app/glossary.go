package app

import (
	"context"
	"fmt"
	"strings"

	"tilmash/internal/apperr"
	"tilmash/internal/glossary"
	"tilmash/internal/record"
	"tilmash/internal/workflow"
	"tilmash/internal/xmltext"
)

// termOf is a stored term as the glossary package matches it.
func termOf(r record.Term) glossary.Term {
	return glossary.Term{ID: r.ID, Source: r.Source, Target: r.Target, Note: r.Note, Forbidden: r.Forbidden}
}

// termRecord cleans a term to store in lang's glossary: NFC, trimmed, with
// a source and a target; forbidden variants may not hold "|", which the
// store joins them with.
func termRecord(lang string, t glossary.Term) (record.Term, error) {
	if err := termXMLSafe(t); err != nil {
		return record.Term{}, err
	}
	src, tgt := cleanText(t.Source), cleanText(t.Target)
	if src == "" || tgt == "" {
		return record.Term{}, apperr.New(apperr.Invalid, "a glossary term needs a source and a target")
	}
	var forbidden []string
	for _, f := range t.Forbidden {
		if f = cleanText(f); f != "" {
			if strings.Contains(f, "|") {
				return record.Term{}, apperr.New(apperr.Invalid, "forbidden variant %q contains \"|\"", f)
			}
			forbidden = append(forbidden, f)
		}
	}
	return record.Term{TargetLang: lang, Source: src, Target: tgt, Note: strings.TrimSpace(t.Note), Forbidden: forbidden}, nil
}

// termXMLSafe refuses a term when a text of it holds a character XML cannot
// carry (see package xmltext): the glossary is exported as TBX. The term is
// named by its source, quoted as Go does, so that the character shows.
func termXMLSafe(t glossary.Term) error {
	texts := append([]string{t.Source, t.Target, t.Note}, t.Forbidden...)
	names := []string{"source", "target", "note"}
	for i, s := range texts {
		name := "forbidden variant"
		if i < len(names) {
			name = names[i]
		}
		if err := xmltext.Check(fmt.Sprintf("the %s of the term %q", name, strings.TrimSpace(t.Source)), s); err != nil {
			return err
		}
	}
	return nil
}

// Terms lists the glossary of a target language, in source order.
func (a *App) Terms(ctx context.Context, lang string) ([]glossary.Term, error) {
	rows, err := a.db.GlossaryTerms(ctx, lang)
	if err != nil {
		return nil, err
	}
	out := make([]glossary.Term, len(rows))
	for i, r := range rows {
		out[i] = termOf(r)
	}
	return out, nil
}

// GlossaryHits lists the terms of lang found in a segment's source.
func (a *App) GlossaryHits(ctx context.Context, segID int64, lang string) ([]glossary.Hit, error) {
	l, err := a.TargetLanguage(ctx, lang)
	if err != nil {
		return nil, err
	}
	source, err := a.db.SegmentSource(ctx, segID)
	if err != nil {
		return nil, err
	}
	gl, err := a.glossary(ctx, l.Tag)
	if err != nil {
		return nil, err
	}
	hits := gl.Match(source)
	if hits == nil {
		hits = []glossary.Hit{}
	}
	return hits, nil
}

func canEditGlossary(actor workflow.Actor, lang string) error {
	if !actor.CanReview(lang) {
		return apperr.New(apperr.Forbidden, "%s may not edit the %s glossary (reviewers of the language and admins may)", actor.Name, lang)
	}
	return nil
}

// AddTerms adds terms to a target language's glossary in one transaction;
// replace drops the old terms first (an import of a whole glossary).
func (a *App) AddTerms(ctx context.Context, actor workflow.Actor, lang string, terms []glossary.Term, replace bool) ([]glossary.Term, error) {
	l, err := a.TargetLanguage(ctx, lang)
	if err != nil {
		return nil, err
	}
	if err := canEditGlossary(actor, l.Tag); err != nil {
		return nil, err
	}
	rows := make([]record.Term, len(terms))
	for i, t := range terms {
		if rows[i], err = termRecord(l.Tag, t); err != nil {
			return nil, fmt.Errorf("term %d: %w", i+1, err)
		}
	}
	err = a.db.Write(ctx, func(tx Tx) error {
		if replace {
			if err := tx.DeleteTerms(l.Tag); err != nil {
				return err
			}
		}
		if len(rows) == 0 {
			return nil
		}
		return tx.InsertTerms(l.Tag, rows)
	})
	if err != nil {
		return nil, fmt.Errorf("add %s glossary terms: %w", l.Tag, err)
	}
	out := make([]glossary.Term, len(rows))
	for i, r := range rows {
		out[i] = termOf(r)
	}
	return out, nil
}

// DeleteTerm removes one term.
func (a *App) DeleteTerm(ctx context.Context, actor workflow.Actor, lang string, id int64) error {
	l, err := a.TargetLanguage(ctx, lang)
	if err != nil {
		return err
	}
	if err := canEditGlossary(actor, l.Tag); err != nil {
		return err
	}
	return a.db.Write(ctx, func(tx Tx) error {
		ok, err := tx.DeleteTerm(l.Tag, id)
		if err == nil && !ok {
			err = apperr.New(apperr.NotFound, "term %d not found in the %s glossary", id, l.Tag)
		}
		return err
	})
}

// SeedGlossaries writes the starter glossaries (glossary.Seed) into a
// database that has no terms at all, in one transaction; run at start by
// every command that works with documents. Processes that start together
// seed one after the other (LockSeeding), so only the first writes.
func (a *App) SeedGlossaries(ctx context.Context) error {
	err := a.db.Write(ctx, func(tx Tx) error {
		if err := tx.LockSeeding(); err != nil {
			return err
		}
		n, err := tx.CountTerms()
		if err != nil || n > 0 {
			return err
		}
		for _, lang := range []string{"kk", "en"} {
			seed := glossary.Seed(lang)
			rows := make([]record.Term, len(seed))
			for i, t := range seed {
				if rows[i], err = termRecord(lang, t); err != nil {
					return fmt.Errorf("seed glossary %s: %w", lang, err)
				}
			}
			if err := tx.InsertTerms(lang, rows); err != nil {
				return fmt.Errorf("seed glossary %s: %w", lang, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("seed glossaries: %w", err)
	}
	return nil
}
