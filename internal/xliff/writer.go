package xliff

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"tilmash/internal/language"
)

// Unit is one segment of the document in the target language.
type Unit struct {
	SegmentID int64
	// Paragraph is 1-based; units of one paragraph share a <group id="pN">.
	// 0 means no paragraph: the unit is written outside any group.
	Paragraph      int
	Source, Target string
	// State is the Tilmash workflow state: untranslated, translated,
	// approved, rejected or outdated; "published" may be passed for approved
	// text that is in a release.
	State string
	// Version is the Tilmash translation version the export was taken from,
	// for conflict detection on import; negative means unknown and is not written.
	Version int
	// Comment is the reviewer's rejection comment, written as a note.
	Comment string
	// PreviousSource is the source the outdated translation was made from,
	// written as a note.
	PreviousSource string
	// Done is set by Read when the file's own state says the target is
	// finished: 1.2 translated, signed-off or final; 2.x translated,
	// reviewed or final. A tool that copies the source into every target
	// leaves this false, which is how an import tells such a copy from a
	// translation that happens to equal its source. The writer ignores it.
	Done bool
}

// Note categories (2.x) and authors (1.2) that mark Tilmash's own notes.
const (
	noteRejection      = "tilmash:rejection"
	notePreviousSource = "tilmash:previous-source"
)

// Writer streams one document in one target language as XLIFF. Units must
// arrive in document order; the writer opens and closes paragraph groups
// itself. Nothing is buffered beyond a bufio.Writer, so exports of any size
// take constant memory apart from the set of segment ids seen.
type Writer struct {
	bw     *bufio.Writer
	format Format
	fill   TargetFill // 1.2: the target of a unit without translation
	err    error      // first write error; sticky
	closed bool

	group    int // paragraph whose group is open, 0 when none
	maxGroup int // highest paragraph opened so far
	units    int
	seen     map[int64]struct{}
	scratch  [20]byte // for formatting numbers
}

// NewWriter checks the header and writes the start of the file.
func NewWriter(w io.Writer, f Format, h Header) (*Writer, error) {
	if f != V21 && f != V12 {
		return nil, fmt.Errorf("write xliff: unknown format %q", f)
	}
	if err := h.check(); err != nil {
		return nil, fmt.Errorf("write xliff: %w", err)
	}
	xw := &Writer{bw: bufio.NewWriterSize(w, 32<<10), format: f, fill: FillSource, seen: make(map[int64]struct{})}
	xw.str(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	if f == V21 {
		xw.startV2(h)
	} else {
		xw.startV12(h)
	}
	return xw, nil
}

func (w *Writer) startV2(h Header) {
	w.str(`<xliff xmlns="` + nsV2 + `" xmlns:tl="` + nsTilmash + `" version="2.1" srcLang="`)
	w.str(h.SourceLang)
	w.str(`" trgLang="`)
	w.str(h.TargetLang)
	w.str("\">\n  <file id=\"")
	w.str(h.fileID())
	w.str(`" original="`)
	w.str(h.original())
	// The file carries exactly Tilmash's segmentation; a tool that merged or
	// split units could not be imported back.
	w.str(`" canResegment="no" srcDir="`)
	w.str(language.DirectionOf(h.SourceLang))
	w.str(`" trgDir="`)
	w.str(language.DirectionOf(h.TargetLang))
	w.str(`"`)
	w.tilmashFileAttrs(h)
	w.str(">\n")
}

func (w *Writer) startV12(h Header) {
	w.str(`<xliff xmlns="` + nsV12 + `" xmlns:tl="` + nsTilmash + `" version="1.2">` + "\n")
	w.str(`  <file original="`)
	w.str(h.original())
	w.str(`" source-language="`)
	w.str(h.SourceLang)
	w.str(`" target-language="`)
	w.str(h.TargetLang)
	w.str(`" datatype="plaintext"`)
	w.tilmashFileAttrs(h)
	w.str(">\n")
	w.str(`    <header><tool tool-id="tilmash" tool-name="Tilmash"/></header>` + "\n")
	w.str("    <body>\n")
}

func (w *Writer) tilmashFileAttrs(h Header) {
	if h.DocumentID > 0 {
		w.str(` tl:document="`)
		w.str(strconv.FormatInt(h.DocumentID, 10))
		w.str(`"`)
	}
	if h.Revision > 0 {
		w.str(` tl:revision="`)
		w.str(strconv.Itoa(h.Revision))
		w.str(`"`)
	}
	if h.Title != "" {
		w.str(` tl:title="`)
		w.attr(h.Title)
		w.str(`"`)
	}
}

// WriteUnit writes one unit. A unit that cannot be written (unknown state,
// text that XML cannot carry, out of order) is refused with an error naming
// the segment and nothing of it is written; the writer stays usable. Errors
// of the underlying writer are sticky.
func (w *Writer) WriteUnit(u Unit) error {
	if w.closed {
		return errors.New("write xliff: WriteUnit after Close")
	}
	if w.err != nil {
		return w.err
	}
	if err := w.check(u); err != nil {
		return fmt.Errorf("write xliff: segment %d: %w", u.SegmentID, err)
	}
	w.seen[u.SegmentID] = struct{}{}
	if u.Paragraph != w.group {
		w.closeGroup()
		if u.Paragraph > 0 {
			w.openGroup(u.Paragraph)
		}
	}
	if w.format == V21 {
		w.unitV2(u)
	} else {
		w.unitV12(u)
	}
	w.units++
	return w.err
}

func (w *Writer) check(u Unit) error {
	if u.SegmentID <= 0 {
		return fmt.Errorf("segment id must be positive")
	}
	if _, dup := w.seen[u.SegmentID]; dup {
		return fmt.Errorf("written twice")
	}
	if !knownState(u.State) {
		return fmt.Errorf("unknown state %q", u.State)
	}
	if u.Paragraph < 0 {
		return fmt.Errorf("paragraph %d is negative", u.Paragraph)
	}
	if u.Paragraph != 0 && u.Paragraph != w.group && u.Paragraph <= w.maxGroup {
		return fmt.Errorf("paragraph %d comes after paragraph %d: units must arrive in document order", u.Paragraph, w.maxGroup)
	}
	for _, f := range [...]struct{ name, text string }{
		{"source", u.Source}, {"target", u.Target}, {"comment", u.Comment}, {"previous source", u.PreviousSource},
	} {
		if err := checkText(f.text); err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
	}
	return nil
}

func (w *Writer) openGroup(p int) {
	w.str(strings.Repeat(" ", w.base()))
	w.str(`<group id="p`)
	w.int(int64(p))
	w.str("\">\n")
	w.group = p
	w.maxGroup = p
}

func (w *Writer) closeGroup() {
	if w.group == 0 {
		return
	}
	w.str(strings.Repeat(" ", w.base()))
	w.str("</group>\n")
	w.group = 0
}

// indent returns the indentation of an element depth levels below a unit
// (0 is the unit itself). Units sit inside <file> (2.x) or <body> (1.2), one
// level deeper inside a paragraph group.
func (w *Writer) indent(depth int) string {
	const spaces = "                    "
	n := w.base() + 2*depth
	if w.group != 0 {
		n += 2
	}
	return spaces[:n]
}

// base is the indentation of the children of <file> (2.x) or <body> (1.2).
func (w *Writer) base() int {
	if w.format == V12 {
		return 6
	}
	return 4
}

// unitStart writes the start tag of a unit up to its last attribute: the
// standard ones first (id, then extra), the Tilmash ones last.
func (w *Writer) unitStart(tag string, u Unit, extra string) {
	w.str(w.indent(0))
	w.str("<", tag, ` id="s`)
	w.int(u.SegmentID)
	w.str(`"`, extra)
	if needsPreserve(u.Source) || needsPreserve(u.Target) || needsPreserve(u.Comment) || needsPreserve(u.PreviousSource) {
		w.str(` xml:space="preserve"`)
	}
	if u.Version >= 0 {
		w.str(` tl:version="`)
		w.int(int64(u.Version))
		w.str(`"`)
	}
}

func (w *Writer) unitV2(u Unit) {
	w.unitStart("unit", u, "")
	w.str(">\n")
	if u.Comment != "" || u.PreviousSource != "" {
		w.str(w.indent(1))
		w.str("<notes>\n")
		if u.Comment != "" {
			w.noteV2(noteRejection, "target", u.Comment)
		}
		if u.PreviousSource != "" {
			w.noteV2(notePreviousSource, "source", u.PreviousSource)
		}
		w.str(w.indent(1))
		w.str("</notes>\n")
	}
	state, sub := v2State(u.State)
	w.str(w.indent(1))
	w.str(`<segment state="`, state, `"`)
	if sub != "" {
		w.str(` subState="`, sub, `"`)
	}
	w.str(">\n")
	w.element(2, "source", "", u.Source)
	// An untranslated unit has no target; a translated one always has, even
	// when empty, so that its state stays meaningful.
	if u.Target != "" || state != "initial" {
		w.element(2, "target", "", u.Target)
	}
	w.str(w.indent(1))
	w.str("</segment>\n")
	w.str(w.indent(0))
	w.str("</unit>\n")
}

func (w *Writer) noteV2(category, appliesTo, text string) {
	w.str(w.indent(2))
	w.str(`<note category="`, category, `" appliesTo="`, appliesTo, `">`)
	w.text(text)
	w.str("</note>\n")
}

func (w *Writer) unitV12(u Unit) {
	state, approved := v12State(u.State)
	extra := ""
	if approved {
		extra = ` approved="yes"`
	}
	w.unitStart("trans-unit", u, extra)
	w.str(` tl:state="`, u.State, "\">\n")
	w.element(1, "source", "", u.Source)
	switch {
	case u.Target != "" || !open(u.State):
		w.element(1, "target", ` state="`+state+`"`, u.Target)
	case w.fill == FillSource:
		// OmegaT shows no segment of a unit without <target>; memoQ, Trados
		// and Okapi write files for other tools this way too.
		w.element(1, "target", ` state="`+v12Open(state)+`"`, u.Source)
	default:
		w.element(1, "target", ` state="`+v12Open(state)+`"`, "")
	}
	if u.Comment != "" {
		w.element(1, "note", ` from="`+noteRejection+`" annotates="target"`, u.Comment)
	}
	if u.PreviousSource != "" {
		w.element(1, "note", ` from="`+notePreviousSource+`" annotates="source"`, u.PreviousSource)
	}
	w.str(w.indent(0))
	w.str("</trans-unit>\n")
}

// v12Open is the state of a target written for a unit without translation:
// "needs-translation" says there is work to do even when the target holds a
// copy of the source.
func v12Open(state string) string {
	if state == "new" {
		return "needs-translation"
	}
	return state
}

// SetTargetFill chooses what an XLIFF 1.2 file carries as the target of a
// unit without translation (FillSource unless set); it changes nothing in
// XLIFF 2.1, where such a unit has no target. Call it before WriteUnit.
func (w *Writer) SetTargetFill(f TargetFill) error {
	if f != FillSource && f != FillEmpty {
		return fmt.Errorf("write xliff: unknown target fill %q", f)
	}
	if w.units > 0 {
		return errors.New("write xliff: SetTargetFill after WriteUnit")
	}
	w.fill = f
	return nil
}

// element writes <tag attrs>text</tag> on its own line.
func (w *Writer) element(level int, tag, attrs, text string) {
	w.str(w.indent(level))
	w.str("<", tag, attrs, ">")
	w.text(text)
	w.str("</", tag, ">\n")
}

// Close ends the file and flushes it; it does not close the underlying writer.
func (w *Writer) Close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	if w.err != nil {
		return w.err
	}
	w.closeGroup()
	if w.format == V21 {
		if w.units == 0 {
			// The 2.x schema wants at least one unit or group in a file.
			w.str(strings.Repeat(" ", w.base()) + "<group id=\"empty\"/>\n")
		}
		w.str("  </file>\n</xliff>\n")
	} else {
		w.str("    </body>\n  </file>\n</xliff>\n")
	}
	if w.err == nil {
		if err := w.bw.Flush(); err != nil {
			w.err = fmt.Errorf("write xliff: %w", err)
		}
	}
	return w.err
}

// str writes strings; the parts save the concatenations callers would
// otherwise allocate.
func (w *Writer) str(parts ...string) {
	for _, s := range parts {
		if w.err != nil {
			return
		}
		if _, err := w.bw.WriteString(s); err != nil {
			w.err = fmt.Errorf("write xliff: %w", err)
		}
	}
}

func (w *Writer) int(n int64) {
	if w.err != nil {
		return
	}
	if _, err := w.bw.Write(strconv.AppendInt(w.scratch[:0], n, 10)); err != nil {
		w.err = fmt.Errorf("write xliff: %w", err)
	}
}

func (w *Writer) text(s string) {
	if w.err == nil {
		writeEscaped(w.bw, s, false)
	}
}

func (w *Writer) attr(s string) {
	if w.err == nil {
		writeEscaped(w.bw, s, true)
	}
}
