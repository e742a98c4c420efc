package app

import "tilmash/internal/record"

// XLIFFWriter is what an XLIFF import reads inside its transaction, besides
// the document and its current segments (DocumentWriter): the translations
// the file's units replace, and where units of earlier revisions went.
type XLIFFWriter interface {
	// TranslationsOfSegments lists the translations in lang of the given
	// segments; a segment without one is left out.
	TranslationsOfSegments(segIDs []int64, lang string) ([]record.Translation, error)
	// SegmentParents maps every segment a document ever had to the segment
	// it derives from, 0 for one that derives from none.
	SegmentParents(docID int64) (map[int64]int64, error)
}
