// Package record holds the rows Tilmash keeps, as the application reads and
// writes them: plain data shared by internal/app, which declares the
// repositories, and internal/store, which implements them, so that neither
// imports the other. Records carry no rules, no JSON and no SQL.
package record

import "time"

// Language is a language the service works with.
type Language struct {
	Tag        string
	Name       string
	NativeName string
	Script     string
	Direction  string
	Ordinal    int
	IsSource   bool
}

// Document is one source text; Revision is the number of its current revision.
type Document struct {
	ID         int64
	Title      string
	SourceLang string
	Revision   int
	CreatedAt  time.Time
	CreatedBy  int64
	ArchivedAt *time.Time // off the work lists since then; nil while in use
	ActivityAt time.Time  // its newest import, revision or history event
}

// Revision is one version of a document's source text.
type Revision struct {
	ID         int64
	DocumentID int64
	Number     int
	Text       string
	Warnings   string // JSON list of the hygiene warnings found on import
	AuthorID   int64
	CreatedAt  time.Time
}

// Segment is one source sentence. A changed sentence is a new segment that
// names the one it derives from.
type Segment struct {
	ID            int64
	DocumentID    int64
	Source        string
	DerivedFromID *int64
}

// Placed is a segment where a revision places it.
type Placed struct {
	ID        int64
	Paragraph int // 1-based
	Position  int // 1-based within the paragraph
	Source    string
}

// Placement puts a segment at an ordinal of a revision.
type Placement struct {
	RevisionID int64
	Ordinal    int // 0-based
	SegmentID  int64
	Paragraph  int
	Position   int
}

// Translation is the current target text of one segment in one language.
// A segment without one is untranslated at version 0.
type Translation struct {
	ID        int64
	SegmentID int64
	Lang      string
	Text      string
	State     string
	Version   int
	AuthorID  int64
	Comment   string
	Origin    string // where the text came from when not typed: "tm", "xliff", "revision"
	UpdatedAt time.Time
}

// Event is one entry of the append-only history of a segment × language;
// ID is set once it is stored.
type Event struct {
	ID        int64
	SegmentID int64
	Lang      string
	ActorID   int64
	Action    string
	FromState string
	ToState   string
	Version   int
	Text      string
	Comment   string
	At        time.Time
}

// StateCount is how many segments of a revision are in a state in a language.
type StateCount struct {
	Lang  string
	State string
	N     int
}

// DocumentStates are a document's segments in its current revision (Total)
// and its translations of them per language and state.
type DocumentStates struct {
	Total  int
	Counts []StateCount
}

// User is a person who signs in; PasswordHash is empty for token-only users.
type User struct {
	ID           int64
	Name         string
	PasswordHash string
	CreatedAt    time.Time
}

// Session is a signed-in browser, known only by the hash of its cookie token.
type Session struct {
	UserID    int64
	Hash      string
	CreatedAt time.Time
	ExpiresAt time.Time
}

// SigninCounter is one sign-in throttle counter, by the string of its key.
type SigninCounter struct {
	Subject  string
	Attempts int
	LastAt   time.Time
}

// Place is a segment × language as a decision on it reads it: the segment,
// its document's title, its place in the current revision, and its
// translation (State "untranslated" at Version 0 when there is none yet).
type Place struct {
	Segment             Segment
	Title               string
	Paragraph, Position int
	Translation         Translation
}

// TranslatedSegment is one segment of a revision with its translation in
// one language; Version 0 and State "" when it has none.
type TranslatedSegment struct {
	ID             int64
	Paragraph      int
	Position       int
	Source         string
	Derived        bool   // the segment replaced one of an earlier revision
	PreviousSource string // that segment's source, when Derived
	Text           string
	State          string
	Version        int
	AuthorID       int64
	Comment        string
	Origin         string
	UpdatedAt      *time.Time
}

// DocumentText is the current revision of a document in one language.
type DocumentText struct {
	DocumentID int64
	Title      string
	Revision   int
	Segments   []TranslatedSegment
}

// MemoryEntry is one unit of the translation memory: an approved
// translation (TranslationID set) or an imported unit.
type MemoryEntry struct {
	SourceLang    string
	TargetLang    string
	Source        string
	Target        string
	Origin        string // the document's title, or "tmx"
	Author        string
	TranslationID int64
	CreatedAt     time.Time
}

// Term is one glossary term of the source language and a target language.
type Term struct {
	ID         int64
	TargetLang string
	Source     string
	Target     string
	Note       string
	Forbidden  []string // renderings that must not be used
}

// Queued is a translation awaiting a decision, with the document it is in.
type Queued struct {
	DocumentID int64
	Title      string
	Segment    TranslatedSegment
}

// MemoryBatch is memory entries an import writes together: one language
// pair, origin and author.
type MemoryBatch struct {
	SourceLang, TargetLang string
	Origin, Author         string
	Units                  []MemoryUnit
}

// MemoryUnit is one entry of a MemoryBatch.
type MemoryUnit struct {
	Source, Target string
	CreatedAt      time.Time
}

// Now is the time records are stamped with: UTC, in whole microseconds,
// PostgreSQL's precision, so that a time written on SQLite reads back the
// same after `tilmash copy` to PostgreSQL, and public pages that show it
// (a release's JSON) keep their bytes.
func Now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// Comment is a question or an answer about a segment, in one target
// language or (Lang "") about the source for every language.
type Comment struct {
	ID         int64
	SegmentID  int64
	DocumentID int64
	Lang       string
	AuthorID   int64
	Text       string
	CreatedAt  time.Time
	ResolvedBy int64      // 0 while unresolved
	ResolvedAt *time.Time // nil while unresolved
}
