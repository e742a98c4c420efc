package store

import "time"

// Release is an immutable snapshot of one document revision in one language.
type Release struct {
	ID          int64     `gorm:"primaryKey"`
	DocumentID  int64     `gorm:"uniqueIndex:idx_release_number;not null"`
	Document    *Document `gorm:"constraint:OnDelete:CASCADE"`
	Lang        string    `gorm:"uniqueIndex:idx_release_number;not null"`
	Number      int       `gorm:"uniqueIndex:idx_release_number;not null"`
	Revision    int
	Title       string
	PublishedBy int64
	PublishedAt time.Time
}

// ReleaseSegment is one segment's text as a release took it.
type ReleaseSegment struct {
	ReleaseID int64    `gorm:"primaryKey"`
	Release   *Release `gorm:"constraint:OnDelete:CASCADE"`
	Ordinal   int      `gorm:"primaryKey"`
	SegmentID int64
	Paragraph int
	Position  int
	Source    string
	Text      string
	Lang      string // the language of Text (the source language for a waived gap)
	Version   int    // the translation version taken
}

// releaseModels lists the models of releases.
func releaseModels() []any { return []any{&Release{}, &ReleaseSegment{}} }
