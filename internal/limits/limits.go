// Package limits owns the numbers that bound what Tilmash reads from files
// (XLIFF, TMX, TBX, glossary CSV): bytes per file kind, XML nesting depth,
// the size of one XML token, attribute and text lengths, and counts of units.
// Every reader takes its limits from here, so one place says what a hostile
// file can cost, and XML readers count depth on every element through
// XMLReader. It also owns the lengths of what people type into the
// workspace and the API (titles, translations, comments, reasons, searches).
//
// The numbers are far above what real files need (the comments say how far)
// and low enough that memory stays bounded by a small multiple of the
// file-size limit, or, for the streamed TMX import of the CLI, by the limits
// of a single unit.
package limits

// Bytes of a whole file, by kind.
const (
	// XLIFFBytes bounds an XLIFF file (API, workspace upload and CLI): it is
	// read whole. Tilmash writes about 350 bytes a unit, so 32 MiB holds some
	// 95,000 units, more than any document (whose source is at most 5 MiB).
	XLIFFBytes = 32 << 20

	// TMXUploadBytes bounds a TMX file sent through the API. The CLI
	// (tilmash tm import) has no size limit: it streams a unit at a time,
	// and a memory of a million units is a file of about 500 MB.
	TMXUploadBytes = 32 << 20

	// GlossaryBytes bounds a glossary file (CSV or TBX), read whole: a
	// glossary of 20,000 terms is about 1 MB of CSV or 10 MB of TBX.
	GlossaryBytes = 16 << 20
)

// Shape of an XML document, counted by XMLReader on every token.
const (
	// XMLDepth is the deepest element nesting accepted, the root element
	// being level 1. Real files need under 12 levels (Tilmash writes 7 in
	// TBX, 6 in XLIFF, 5 in TMX); 64 leaves room for nested groups and
	// inline markup of CAT tools. Each open level costs the decoder a few
	// hundred bytes, so the bound matters only against hostile files.
	XMLDepth = 64

	// XMLTokenBytes bounds the bytes other than white space that
	// encoding/xml may read for one token: a run of text, a tag with its
	// attributes, a comment, a declaration. It holds a whole token in memory
	// before returning it, so without this a streamed file could make it
	// hold any amount. 8 MiB is TextBytes of text written with the worst
	// escapes (&#34; is 5 bytes for 1), so that Tilmash reads what it
	// writes.
	XMLTokenBytes = 8 << 20

	// XMLTokenEquals bounds the "=" signs in one token. An attribute needs
	// one, and encoding/xml spends some 50 bytes on each attribute before
	// XMLAttributes can be checked: a 2 MiB tag of a="" a="" … costs it
	// 50 MB. No real text has thousands of them in one run.
	XMLTokenEquals = 16 << 10

	// XMLTokenSpaceBytes bounds all bytes of one token, white space
	// included. It is larger than every file limit above, so that a file
	// padded with blanks past its limit is refused as too large (413), not
	// for its token, while a streamed file still cannot grow one token
	// without end.
	XMLTokenSpaceBytes = 64 << 20

	// XMLAttributes is the most attributes one element may carry. XLIFF,
	// TMX and TBX elements define at most 15, plus namespace declarations.
	XMLAttributes = 128

	// AttributeBytes bounds one attribute value (an id, a language, a date,
	// an author, a document title): values become stored fields.
	AttributeBytes = 64 << 10
)

// Text and counts.
const (
	// TextBytes bounds one text as read: an XLIFF source, target or note, a
	// TMX segment, a glossary term, note or CSV field. Tilmash texts are
	// sentences; a megabyte is a book chapter.
	TextBytes = 1 << 20

	// XLIFFUnits bounds the units of one XLIFF file, all held in memory
	// (about 200 bytes each besides their text). A 32 MiB file as Tilmash
	// writes it has under 100,000.
	XLIFFUnits = 200_000

	// GlossaryTerms bounds the terms of one glossary file, all held in
	// memory and then in the matcher of the language. Team glossaries have
	// hundreds to a few thousand terms.
	GlossaryTerms = 100_000
)

// Texts people type into the workspace (issue 14: comments and search).
const (
	// CommentRunes bounds one comment on a segment, in characters. A
	// question about a sentence is a few lines; 4,000 characters is a page.
	CommentRunes = 4000

	// FlagNoteRunes bounds the note of a "split wrong" flag, which also
	// becomes a comment: at most half a comment.
	FlagNoteRunes = 2000

	// SearchRunes bounds a search inside a document, in characters: a word
	// or a phrase, never a paragraph.
	SearchRunes = 200

	// MemorySearchRunes bounds a concordance search of the memory, as
	// SearchRunes does a search inside a document.
	MemorySearchRunes = 200

	// TitleRunes bounds a document's title, in characters.
	TitleRunes = 300

	// ReasonRunes bounds a waiver's or a withdrawal's reason, in characters.
	ReasonRunes = 1000

	// TranslationRunes is the longest translation, in characters, that an
	// edit accepts. No real sentence comes near it (the longest segment of a
	// press release is a few hundred characters); a longer text is an
	// accidental paste of a whole document or worse, and is refused before
	// it reaches the checks, the memory or a reviewer's "approve all".
	TranslationRunes = 20000
)
