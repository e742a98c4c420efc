package xliff

import (
	"fmt"
	"strconv"
)

// Header describes the exported file.
type Header struct {
	DocumentID int64  // Tilmash document id; 0 when unknown
	Title      string // document title, for people; carried as tl:title
	Revision   int    // document revision the export was taken from; 0 when unknown
	SourceLang string // BCP 47, "ru"
	TargetLang string // BCP 47, e.g. "kk", "fa-AF"
}

// fileID is the XLIFF 2 <file id> and the basis of the 1.2 original name.
func (h Header) fileID() string {
	if h.DocumentID > 0 {
		return "d" + strconv.FormatInt(h.DocumentID, 10)
	}
	return "f1"
}

// original is the value of <file original>: 1.2 requires one, and tools
// show it as the file's name.
func (h Header) original() string {
	if h.DocumentID > 0 {
		return "tilmash-document-" + strconv.FormatInt(h.DocumentID, 10)
	}
	return "tilmash-document"
}

func (h Header) check() error {
	if !langTag(h.SourceLang) {
		return fmt.Errorf("source language %q is not a language tag", h.SourceLang)
	}
	if !langTag(h.TargetLang) {
		return fmt.Errorf("target language %q is not a language tag", h.TargetLang)
	}
	if h.DocumentID < 0 {
		return fmt.Errorf("document id %d is negative", h.DocumentID)
	}
	if h.Revision < 0 {
		return fmt.Errorf("revision %d is negative", h.Revision)
	}
	if err := checkText(h.Title); err != nil {
		return fmt.Errorf("title: %w", err)
	}
	return nil
}

// langTag reports whether s matches xs:language, the type both schemas give
// language attributes: [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*.
func langTag(s string) bool {
	n := 0 // length of the current subtag
	first := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '-':
			if n == 0 {
				return false
			}
			n, first = 0, false
			continue
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case c >= '0' && c <= '9' && !first:
		default:
			return false
		}
		n++
		if n > 8 {
			return false
		}
	}
	return n > 0
}
