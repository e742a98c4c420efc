package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"tilmash/internal/apperr"
	"tilmash/internal/glossary"
	"tilmash/internal/language"
	"tilmash/internal/qa"
	"tilmash/internal/workflow"
)

// GlossaryTerm is one stored term of a language pair.
type GlossaryTerm struct {
	ID         int64  `gorm:"primaryKey"`
	SourceLang string `gorm:"index:idx_glossary_pair;not null"`
	TargetLang string `gorm:"index:idx_glossary_pair;not null"`
	Source     string
	Target     string
	Note       string
	Forbidden  string // variants joined by "|"
	CreatedAt  time.Time
}

func (g GlossaryTerm) term() glossary.Term {
	t := glossary.Term{ID: g.ID, Source: g.Source, Target: g.Target, Note: g.Note}
	if g.Forbidden != "" {
		t.Forbidden = strings.Split(g.Forbidden, "|")
	}
	return t
}

func termRow(lang string, t glossary.Term) (GlossaryTerm, error) {
	src, tgt := cleanTarget(t.Source), cleanTarget(t.Target)
	if src == "" || tgt == "" {
		return GlossaryTerm{}, apperr.New(apperr.Invalid, "a glossary term needs a source and a target")
	}
	var forbidden []string
	for _, f := range t.Forbidden {
		if f = cleanTarget(f); f != "" {
			if strings.Contains(f, "|") {
				return GlossaryTerm{}, apperr.New(apperr.Invalid, "forbidden variant %q contains \"|\"", f)
			}
			forbidden = append(forbidden, f)
		}
	}
	return GlossaryTerm{SourceLang: language.Source, TargetLang: lang, Source: src, Target: tgt,
		Note: strings.TrimSpace(t.Note), Forbidden: strings.Join(forbidden, "|")}, nil
}

// seedGlossaries writes the starter glossaries on first start.
func (s *Store) seedGlossaries(ctx context.Context) error {
	now := s.now()
	return s.write(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&GlossaryTerm{}).Count(&n).Error; err != nil {
			return fmt.Errorf("seed glossaries: %w", err)
		}
		if n > 0 {
			return nil
		}
		for _, lang := range []string{"kk", "en"} {
			for _, t := range glossary.Seed(lang) {
				row, err := termRow(lang, t)
				if err != nil {
					return fmt.Errorf("seed glossary %s: %w", lang, err)
				}
				if err := tx.Create(&row).Error; err != nil {
					return fmt.Errorf("seed glossary %s: %w", lang, err)
				}
			}
			if err := logChange(tx, Change{Topic: topicGlossary, Lang: lang, CreatedAt: now}); err != nil {
				return err
			}
		}
		return nil
	})
}

// glossary returns the cached matcher of a target language's terms. A
// matcher that cannot be read is an error, never an empty glossary: the
// checks would pass a forbidden term unseen. The cache follows the change
// log, so a term changed by another process is seen within an interval.
func (s *Store) glossary(ctx context.Context, lang string) (*glossary.Glossary, error) {
	// Following starts before the first read, so no change after it is missed.
	if err := s.follow(ctx); err != nil {
		return nil, fmt.Errorf("load the %s glossary: %w", lang, err)
	}
	s.glossMu.Lock()
	defer s.glossMu.Unlock()
	if g, ok := s.glossaries[lang]; ok {
		return g, nil
	}
	terms, err := s.Terms(ctx, lang)
	if err != nil {
		return nil, fmt.Errorf("load the glossary for the checks: %w", err)
	}
	g := glossary.New(terms)
	s.glossaries[lang] = g
	return g, nil
}

// LoadGlossary makes sure the matcher of lang can be read, and caches it.
func (s *Store) LoadGlossary(ctx context.Context, lang string) error {
	_, err := s.glossary(ctx, lang)
	return err
}

// forgetGlossary drops the matcher of lang; the next use reads the terms
// again. A load under way holds glossMu, so it is dropped after it is kept,
// never kept after it is dropped.
func (s *Store) forgetGlossary(lang string) {
	s.glossMu.Lock()
	delete(s.glossaries, lang)
	s.glossMu.Unlock()
}

// forgetGlossaries drops every matcher.
func (s *Store) forgetGlossaries() {
	s.glossMu.Lock()
	clear(s.glossaries)
	s.glossMu.Unlock()
}

// check runs the quality checks of a translation with its language's glossary.
func (s *Store) check(ctx context.Context, source, target, lang string) ([]qa.Finding, error) {
	gl, err := s.glossary(ctx, lang)
	if err != nil {
		return nil, err
	}
	return s.checkWith(gl, source, target, lang), nil
}

// Terms lists the glossary of a target language, in source order.
func (s *Store) Terms(ctx context.Context, lang string) ([]glossary.Term, error) {
	var rows []GlossaryTerm
	if err := s.read(ctx).Where("source_lang = ? AND target_lang = ?", language.Source, lang).Order("source, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list glossary %s: %w", lang, err)
	}
	out := make([]glossary.Term, len(rows))
	for i, r := range rows {
		out[i] = r.term()
	}
	return out, nil
}

// GlossaryHits lists the terms of lang found in a segment's source.
func (s *Store) GlossaryHits(ctx context.Context, segID int64, lang string) ([]glossary.Hit, error) {
	l, err := s.TargetLanguage(ctx, lang)
	if err != nil {
		return nil, err
	}
	var seg Segment
	if err := s.read(ctx).Take(&seg, segID).Error; err != nil {
		return nil, notFound(err, "segment %d not found", segID)
	}
	gl, err := s.glossary(ctx, l.Tag)
	if err != nil {
		return nil, err
	}
	hits := gl.Match(seg.Source)
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
func (s *Store) AddTerms(ctx context.Context, actor workflow.Actor, lang string, terms []glossary.Term, replace bool) ([]glossary.Term, error) {
	l, err := s.TargetLanguage(ctx, lang)
	if err != nil {
		return nil, err
	}
	if err := canEditGlossary(actor, l.Tag); err != nil {
		return nil, err
	}
	rows := make([]GlossaryTerm, len(terms))
	for i, t := range terms {
		if rows[i], err = termRow(l.Tag, t); err != nil {
			return nil, fmt.Errorf("term %d: %w", i+1, err)
		}
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		if !replace && len(rows) == 0 {
			return nil
		}
		if err := logChange(tx, Change{Topic: topicGlossary, Lang: l.Tag, CreatedAt: s.now()}); err != nil {
			return err
		}
		if replace {
			if err := tx.Where("source_lang = ? AND target_lang = ?", language.Source, l.Tag).Delete(&GlossaryTerm{}).Error; err != nil {
				return err
			}
		}
		if len(rows) == 0 {
			return nil
		}
		return tx.CreateInBatches(rows, 500).Error
	})
	s.forgetGlossary(l.Tag)
	if err != nil {
		return nil, fmt.Errorf("add %s glossary terms: %w", l.Tag, err)
	}
	out := make([]glossary.Term, len(rows))
	for i, r := range rows {
		out[i] = r.term()
	}
	return out, nil
}

// DeleteTerm removes one term.
func (s *Store) DeleteTerm(ctx context.Context, actor workflow.Actor, lang string, id int64) error {
	l, err := s.TargetLanguage(ctx, lang)
	if err != nil {
		return err
	}
	if err := canEditGlossary(actor, l.Tag); err != nil {
		return err
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Where("id = ? AND target_lang = ?", id, l.Tag).Delete(&GlossaryTerm{})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return apperr.New(apperr.NotFound, "term %d not found in the %s glossary", id, l.Tag)
		}
		return logChange(tx, Change{Topic: topicGlossary, Lang: l.Tag, CreatedAt: s.now()})
	})
	s.forgetGlossary(l.Tag)
	return err
}
