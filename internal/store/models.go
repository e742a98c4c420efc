package store

import (
	"time"

	"tilmash/internal/record"
)

// The GORM models, for queries: the tables themselves are made by the
// migrations under migrations/sqlite, and a model changes with a new
// migration. Pointer fields to other models and the index and constraint
// tags repeat what the migrations declare; the pointers are never loaded.

// Document is one source text and its revisions.
type Document struct {
	ID         int64 `gorm:"primaryKey"`
	Title      string
	SourceLang string
	Revision   int // the current revision number
	CreatedAt  time.Time
	CreatedBy  int64
	ArchivedAt *time.Time // off the work lists since then; nil while in use
	ArchivedBy *int64
	ActivityAt *time.Time `gorm:"index"` // the newest import, revision or history event
	SearchText *string    // title and current text, folded (search.go); nil until filled
}

// Revision is one version of a document's source text.
type Revision struct {
	ID         int64     `gorm:"primaryKey"`
	DocumentID int64     `gorm:"uniqueIndex:idx_revision_number;not null"`
	Document   *Document `gorm:"constraint:OnDelete:CASCADE"`
	Number     int       `gorm:"uniqueIndex:idx_revision_number;not null"`
	Text       string
	Warnings   string // JSON list of hygiene warnings found on import
	AuthorID   int64
	CreatedAt  time.Time
}

// Segment is one source sentence. Its id is stable across revisions for as
// long as its text is unchanged; a changed sentence is a new segment that
// records the one it derives from.
type Segment struct {
	ID            int64     `gorm:"primaryKey"`
	DocumentID    int64     `gorm:"index;not null"`
	Document      *Document `gorm:"constraint:OnDelete:CASCADE"`
	Source        string
	DerivedFromID *int64
	CreatedAt     time.Time
}

// RevisionSegment places a segment in a revision.
type RevisionSegment struct {
	RevisionID int64     `gorm:"primaryKey"`
	Revision   *Revision `gorm:"constraint:OnDelete:CASCADE"`
	Ordinal    int       `gorm:"primaryKey"` // 0-based order in the revision
	SegmentID  int64     `gorm:"index;not null"`
	Segment    *Segment  `gorm:"constraint:OnDelete:CASCADE"`
	Paragraph  int       // 1-based
	Position   int       // 1-based within the paragraph
}

// Language is a language the service works with; its table is keyed by Tag.
type Language = record.Language

// User is a person with roles.
type User struct {
	ID           int64  `gorm:"primaryKey"`
	Name         string `gorm:"uniqueIndex;not null"`
	PasswordHash string
	CreatedAt    time.Time
}

// UserRole grants one role to a user.
type UserRole struct {
	UserID int64  `gorm:"primaryKey"`
	User   *User  `gorm:"constraint:OnDelete:CASCADE"`
	Role   string `gorm:"primaryKey"`
}

// Token is an API token, stored only as its hash.
type Token struct {
	ID        int64  `gorm:"primaryKey"`
	UserID    int64  `gorm:"index;not null"`
	User      *User  `gorm:"constraint:OnDelete:CASCADE"`
	Hash      string `gorm:"uniqueIndex;not null"`
	CreatedAt time.Time
}

// Translation is the current target text of one segment in one language.
// A segment without a row is untranslated at version 0.
type Translation struct {
	ID        int64    `gorm:"primaryKey"`
	SegmentID int64    `gorm:"uniqueIndex:idx_translation_segment_lang;not null"`
	Segment   *Segment `gorm:"constraint:OnDelete:CASCADE"`
	Lang      string   `gorm:"uniqueIndex:idx_translation_segment_lang;not null"`
	Text      string
	State     string `gorm:"index"`
	Version   int
	AuthorID  int64  // who wrote the current text
	Comment   string // the last reviewer's rejection comment, cleared by an edit
	Origin    string // where the text came from when not typed: "tm", "xliff", "revision"
	UpdatedAt time.Time
}

// Event is one entry of the append-only history of a segment × language.
type Event struct {
	ID        int64    `gorm:"primaryKey"`
	SegmentID int64    `gorm:"index:idx_event_segment_lang;not null"`
	Segment   *Segment `gorm:"constraint:OnDelete:CASCADE"`
	Lang      string   `gorm:"index:idx_event_segment_lang;not null"`
	ActorID   int64
	Action    string
	FromState string
	ToState   string
	Version   int
	Text      string
	Comment   string
	At        time.Time
}
