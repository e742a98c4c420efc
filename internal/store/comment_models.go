package store

import "time"

// Comment is a question or an answer about a segment (migration 00006): in
// one target language, or with Lang "" about the source for every language.
type Comment struct {
	ID         int64     `gorm:"primaryKey"`
	SegmentID  int64     `gorm:"index:idx_comments_segment;not null"`
	Segment    *Segment  `gorm:"constraint:OnDelete:CASCADE"`
	DocumentID int64     `gorm:"index:idx_comments_document;not null"`
	Document   *Document `gorm:"constraint:OnDelete:CASCADE"`
	Lang       string    `gorm:"index:idx_comments_segment;index:idx_comments_document;not null"`
	AuthorID   int64     `gorm:"not null"`
	Text       string    `gorm:"not null"`
	CreatedAt  time.Time `gorm:"not null"`
	ResolvedBy *int64
	ResolvedAt *time.Time
}
