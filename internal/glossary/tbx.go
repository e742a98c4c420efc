package glossary

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"tilmash/internal/limits"
)

// TBX-Basic marks a term's status with termNote type="administrativeStatus"
// (values such as "deprecatedTerm-admn-sts"); older files and full TBX use
// type="normativeAuthorization" (values such as "deprecatedTerm"). Deprecated
// and superseded target terms become forbidden variants.
const (
	statusPreferred  = "preferredTerm-admn-sts"
	statusDeprecated = "deprecatedTerm-admn-sts"
)

// tbxEntry is a termEntry (TBX 2, "martif") or conceptEntry (TBX 3).
type tbxEntry struct {
	ID       string       `xml:"id,attr"`
	Notes    []tbxText    `xml:"note"`
	LangSets []tbxLangSet `xml:"langSet"`
	LangSecs []tbxLangSet `xml:"langSec"`
}

// tbxLangSet is a langSet (TBX 2) or langSec (TBX 3).
type tbxLangSet struct {
	Lang     string    `xml:"lang,attr"`
	Notes    []tbxText `xml:"note"`
	Tigs     []tbxTig  `xml:"tig"`
	TermSecs []tbxTig  `xml:"termSec"`
	NTigs    []struct {
		TermGrp tbxTig    `xml:"termGrp"`
		Notes   []tbxText `xml:"note"`
	} `xml:"ntig"`
}

// tbxTig is a tig (TBX 2), termSec (TBX 3) or the termGrp of an ntig.
type tbxTig struct {
	Term  *tbxText  `xml:"term"`
	Notes []tbxText `xml:"note"`
	Meta  []tbxNote `xml:"termNote"`
}

// tbxNote is a termNote with its type attribute.
type tbxNote struct {
	Type string `xml:"type,attr"`
	Text tbxText
}

// UnmarshalXML reads a termNote: its type attribute and its text.
func (n *tbxNote) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	for _, a := range start.Attr {
		if a.Name.Local == "type" {
			n.Type = a.Value
		}
	}
	return n.Text.UnmarshalXML(d, start)
}

// tbxText is the character data of an element and all its descendants, so
// inline markup such as <hi> does not lose words.
type tbxText string

// UnmarshalXML collects all character data inside the element, at most
// limits.TextBytes of it.
func (t *tbxText) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	var b strings.Builder
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if b.Len()+len(tok) > limits.TextBytes {
				return fmt.Errorf("a <%s> is longer than %s", start.Name.Local, limits.Size(limits.TextBytes))
			}
			b.Write(tok)
		}
	}
	*t = tbxText(b.String())
	return nil
}

// ReadTBX reads the terms for one language pair from a TBX-Basic file
// (termEntry/langSet/tig/term, or TBX 3 conceptEntry/langSec/termSec/term).
// Language sections match srcLang and tgtLang ignoring case and region
// ("kk-KZ" matches "kk"). Every source term that is not deprecated becomes a
// Term; the target is the preferred (else the first allowed) target term, and
// deprecated or superseded target terms become forbidden variants. Notes at
// entry, language and term level are joined into Note. Entries that lack
// either language are skipped. Errors name the line. A file past the limits
// of package limits (its size, nesting, a token, an attribute, a text, the
// number of terms) is refused with a *limits.Error in the chain.
func ReadTBX(r io.Reader, srcLang, tgtLang string) ([]Term, error) {
	return readTBX(r, srcLang, tgtLang, limits.GlossaryTerms)
}

// readTBX is ReadTBX with a limit on the number of terms, which tests lower.
func readTBX(r io.Reader, srcLang, tgtLang string, maxTerms int) ([]Term, error) {
	if srcLang == "" || tgtLang == "" {
		return nil, errors.New("read tbx: source and target languages are required")
	}
	in, utf16 := input(r)
	x := limits.NewXMLReader(in, charsetReader(utf16))
	d := x.Decoder
	var (
		terms    []Term
		entries  int
		rootSeen bool
	)
	firstLine := make(map[string]int)
	for {
		line := x.Line()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read tbx: %w", err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !rootSeen {
			rootSeen = true
			if start.Name.Local != "martif" && start.Name.Local != "tbx" {
				return nil, fmt.Errorf("read tbx: line %d: root element is <%s>, expected <martif> or <tbx>", line, start.Name.Local)
			}
			continue
		}
		if start.Name.Local != "termEntry" && start.Name.Local != "conceptEntry" {
			continue
		}
		entries++
		var e tbxEntry
		if err := d.DecodeElement(&e, &start); err != nil {
			if _, ok := limits.As(err); ok {
				return nil, fmt.Errorf("read tbx: %w", err) // names its own line
			}
			return nil, fmt.Errorf("read tbx: entry starting on line %d: %w", line, err)
		}
		got, err := e.terms(srcLang, tgtLang)
		if err != nil {
			return nil, fmt.Errorf("read tbx: entry starting on line %d: %w", line, err)
		}
		for _, t := range got {
			if prev, dup := firstLine[t.Source]; dup {
				return nil, fmt.Errorf("read tbx: entry starting on line %d: source %q is already defined by the entry on line %d", line, t.Source, prev)
			}
			firstLine[t.Source] = line
		}
		if len(terms)+len(got) > maxTerms {
			return nil, fmt.Errorf("read tbx: %w", limits.TooLarge(line, "the file has more than %d terms", maxTerms))
		}
		terms = append(terms, got...)
	}
	if !rootSeen {
		return nil, errors.New("read tbx: no XML element found")
	}
	if entries > 0 && len(terms) == 0 {
		return nil, fmt.Errorf("read tbx: none of the %d entries has terms in both %s and %s", entries, srcLang, tgtLang)
	}
	return terms, nil
}

// tbxTerm is one term of an entry's language section with its status.
type tbxTerm struct {
	text   string
	status string // "preferred", "deprecated" or "" (admitted)
}

// terms turns one entry into glossary terms for the language pair.
func (e *tbxEntry) terms(srcLang, tgtLang string) ([]Term, error) {
	var notes []string
	addNote := func(n tbxText) {
		if s := cleanField(string(n)); s != "" {
			notes = append(notes, s)
		}
	}
	for _, n := range e.Notes {
		addNote(n)
	}
	var src, tgt []tbxTerm
	for _, ls := range append(e.LangSets, e.LangSecs...) {
		var into *[]tbxTerm
		switch {
		case langMatches(ls.Lang, srcLang):
			into = &src
		case langMatches(ls.Lang, tgtLang):
			into = &tgt
		case ls.Lang == "":
			return nil, errors.New("a language section has no xml:lang")
		default:
			continue
		}
		for _, n := range ls.Notes {
			addNote(n)
		}
		tigs := append(ls.Tigs, ls.TermSecs...)
		for _, nt := range ls.NTigs {
			tig := nt.TermGrp
			tig.Notes = append(tig.Notes, nt.Notes...)
			tigs = append(tigs, tig)
		}
		for _, tig := range tigs {
			if tig.Term == nil {
				return nil, fmt.Errorf("a %s term group has no <term>", ls.Lang)
			}
			text := cleanField(string(*tig.Term))
			if text == "" {
				return nil, fmt.Errorf("a %s <term> is empty", ls.Lang)
			}
			for _, n := range tig.Notes {
				addNote(n)
			}
			*into = append(*into, tbxTerm{text: text, status: termStatus(tig.Meta)})
		}
	}
	if len(src) == 0 || len(tgt) == 0 {
		return nil, nil
	}
	var t Term
	best := -1 // index in tgt of the target: the first preferred, else the first admitted
	for i, c := range tgt {
		switch {
		case c.status == "deprecated":
			t.Forbidden = append(t.Forbidden, c.text)
		case best < 0 || (c.status == "preferred" && tgt[best].status != "preferred"):
			best = i
		}
	}
	if best < 0 {
		return nil, nil
	}
	t.Target = tgt[best].text
	for i, c := range tgt {
		// Admitted alternatives have no field of their own; keep them visible.
		if i != best && c.status != "deprecated" {
			notes = append(notes, "also admitted: "+c.text)
		}
	}
	t.Note = strings.Join(notes, "; ")
	var out []Term
	for _, c := range src {
		if c.status == "deprecated" {
			continue
		}
		term := t
		term.Source = c.text
		term.Forbidden = append([]string(nil), t.Forbidden...)
		if err := validateTerm(term); err != nil {
			return nil, err
		}
		out = append(out, term)
	}
	return out, nil
}

// termStatus reads administrativeStatus or normativeAuthorization.
func termStatus(meta []tbxNote) string {
	for _, m := range meta {
		if m.Type != "administrativeStatus" && m.Type != "normativeAuthorization" {
			continue
		}
		v := strings.TrimSuffix(strings.TrimSpace(string(m.Text)), "-admn-sts")
		switch v {
		case "deprecatedTerm", "supersededTerm":
			return "deprecated"
		case "preferredTerm":
			return "preferred"
		}
	}
	return ""
}

// langMatches compares BCP 47 tags ignoring case; a tag also matches its
// more specific forms ("kk" matches "kk-KZ" and the reverse).
func langMatches(a, b string) bool {
	a, b = strings.ToLower(strings.TrimSpace(a)), strings.ToLower(strings.TrimSpace(b))
	if a == "" || b == "" {
		return false
	}
	return a == b || strings.HasPrefix(a, b+"-") || strings.HasPrefix(b, a+"-")
}

// WriteTBX writes terms as a TBX-Basic file: one termEntry per term with the
// note at entry level, the target marked preferred and each forbidden variant
// marked deprecated.
func WriteTBX(w io.Writer, srcLang, tgtLang string, terms []Term) error {
	if srcLang == "" || tgtLang == "" {
		return errors.New("write tbx: source and target languages are required")
	}
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	p("<martif type=\"TBX-Basic\" xml:lang=\"%s\">\n", esc(srcLang))
	p("  <martifHeader>\n    <fileDesc>\n      <sourceDesc><p>Tilmash glossary %s → %s</p></sourceDesc>\n    </fileDesc>\n", esc(srcLang), esc(tgtLang))
	p("    <encodingDesc><p type=\"XCSURI\">TBXBasicXCSV02.xcs</p></encodingDesc>\n  </martifHeader>\n")
	p("  <text>\n    <body>\n")
	for i, t := range terms {
		if err := validateTerm(t); err != nil {
			return fmt.Errorf("write tbx: term %d: %w", i+1, err)
		}
		id := fmt.Sprintf("t%d", i+1)
		if t.ID != 0 {
			id = fmt.Sprintf("t%d", t.ID)
		}
		p("      <termEntry id=\"%s\">\n", id)
		if t.Note != "" {
			p("        <note>%s</note>\n", esc(t.Note))
		}
		p("        <langSet xml:lang=\"%s\">\n", esc(srcLang))
		p("          <tig><term>%s</term></tig>\n", esc(t.Source))
		p("        </langSet>\n")
		p("        <langSet xml:lang=\"%s\">\n", esc(tgtLang))
		p("          <tig><term>%s</term><termNote type=\"administrativeStatus\">%s</termNote></tig>\n", esc(t.Target), statusPreferred)
		for _, f := range t.Forbidden {
			p("          <tig><term>%s</term><termNote type=\"administrativeStatus\">%s</termNote></tig>\n", esc(f), statusDeprecated)
		}
		p("        </langSet>\n      </termEntry>\n")
	}
	p("    </body>\n  </text>\n</martif>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write tbx: %w", err)
	}
	return nil
}

// esc escapes text for XML content and attribute values.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
