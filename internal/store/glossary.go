package store

import "time"

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
