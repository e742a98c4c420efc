package record

// DocumentFilter narrows a document list to the work of some languages.
type DocumentFilter string

const (
	// FilterAll lists every document.
	FilterAll DocumentFilter = ""
	// FilterNeedsWork lists the documents with a segment not approved in
	// one of the languages.
	FilterNeedsWork DocumentFilter = "needs_work"
	// FilterReady lists the documents whose every segment is approved in
	// one of the languages: a full release could be made.
	FilterReady DocumentFilter = "ready"
)

// DocumentQuery is what a document list asks the store for.
type DocumentQuery struct {
	// Words must each occur in the title or the current text, compared
	// folded by the store (NFC, lower case); none lists every document.
	Words    []string
	Langs    []string // the languages Filter looks at
	Filter   DocumentFilter
	Archived bool // archived documents only; else only those in use
	Offset   int
	Limit    int // 0: count only
}

// Blocker is a segment of a document's current revision that is not
// approved in a language, and so keeps a full release of it back.
type Blocker struct {
	SegmentID int64
	Paragraph int
	Position  int
	State     string // "" when there is no translation (untranslated)
}
