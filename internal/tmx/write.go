package tmx

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Writer writes a TMX 1.4b document one unit at a time. Close finishes the document; it does not
// close the underlying writer.
type Writer struct {
	w       *bufio.Writer
	srcLang string
	err     error // the first error, sticky
	closed  bool
}

// NewWriter writes the XML declaration and the TMX header for a memory whose source language is
// srcLang.
func NewWriter(w io.Writer, srcLang string) (*Writer, error) {
	if strings.TrimSpace(srcLang) == "" {
		return nil, errors.New("write tmx: empty source language")
	}
	tw := &Writer{w: bufio.NewWriterSize(w, 64<<10), srcLang: srcLang}
	tw.str(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<tmx version="1.4">` + "\n")
	tw.str(`  <header creationtool="Tilmash" creationtoolversion="1" segtype="sentence" o-tmf="Tilmash" adminlang="en" srclang="`)
	tw.escape(srcLang)
	tw.str(`" datatype="plaintext"/>` + "\n  <body>\n")
	if tw.err != nil {
		return nil, tw.err
	}
	return tw, nil
}

// Write adds one unit. An empty SourceLang means the writer's source language.
func (tw *Writer) Write(u Unit) error {
	if tw.closed {
		return errors.New("write tmx: write after close")
	}
	if tw.err != nil {
		return tw.err
	}
	src := u.SourceLang
	if src == "" {
		src = tw.srcLang
	}
	if strings.TrimSpace(u.TargetLang) == "" {
		return errors.New("write tmx: unit without target language")
	}
	tw.str("    <tu")
	if !u.Created.IsZero() {
		tw.str(` creationdate="` + u.Created.UTC().Format(dateLayout) + `"`)
	}
	if u.Author != "" {
		tw.str(` creationid="`)
		tw.escape(u.Author)
		tw.str(`"`)
	}
	tw.str(">\n")
	tw.tuv(src, u.Source)
	tw.tuv(u.TargetLang, u.Target)
	tw.str("    </tu>\n")
	return tw.err
}

func (tw *Writer) tuv(lang, text string) {
	tw.str(`      <tuv xml:lang="`)
	tw.escape(lang)
	tw.str(`"><seg>`)
	tw.escape(text)
	tw.str("</seg></tuv>\n")
}

// Close ends the document and flushes it.
func (tw *Writer) Close() error {
	if tw.closed {
		return tw.err
	}
	tw.closed = true
	tw.str("  </body>\n</tmx>\n")
	if tw.err == nil {
		if err := tw.w.Flush(); err != nil {
			tw.err = fmt.Errorf("write tmx: %w", err)
		}
	}
	return tw.err
}

func (tw *Writer) str(s string) {
	if tw.err != nil {
		return
	}
	if _, err := tw.w.WriteString(s); err != nil {
		tw.err = fmt.Errorf("write tmx: %w", err)
	}
}

// escape writes text escaped for XML content and attributes; characters XML cannot carry become
// U+FFFD.
func (tw *Writer) escape(s string) {
	if tw.err != nil {
		return
	}
	if err := xml.EscapeText(tw.w, []byte(s)); err != nil {
		tw.err = fmt.Errorf("write tmx: %w", err)
	}
}
