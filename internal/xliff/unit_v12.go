package xliff

import (
	"encoding/xml"
)

// unitV12 reads an XLIFF 1.2 <trans-unit>. <seg-source>, <alt-trans> (with
// its own source and target: matches, not the translation) and extensions
// are skipped.
func (p *parser) unitV12(start xml.StartElement, para int) error {
	line := p.line()
	id, _ := attr(start, "", "id")
	u, err := p.newUnit(start, para)
	if err != nil {
		return err
	}
	var tgt v12Target
	approved, _ := attr(start, "", "approved")
	tgt.approved = approved == "yes"
	tgt.hint, _ = attr(start, nsTilmash, "state")
	hasSource := false
	for {
		tok, err := p.next()
		if err != nil {
			return p.unexpectedEOF(err)
		}
		if _, end := tok.(xml.EndElement); end {
			break
		}
		t, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case t.Name.Space != p.ns:
			err = p.skip()
		case t.Name.Local == "source":
			if hasSource {
				return p.unitErr(id, p.line(), "<trans-unit> has two <source> elements")
			}
			u.Source, err = p.text(t)
			hasSource = true
		case t.Name.Local == "target":
			if tgt.present {
				return p.unitErr(id, p.line(), "<trans-unit> has two <target> elements")
			}
			tgt.state, _ = attr(t, "", "state")
			tgt.qualifier, _ = attr(t, "", "state-qualifier")
			tgt.text, err = p.text(t)
			tgt.present = true
			p.noteTargetLang(t)
		case t.Name.Local == "note":
			from, _ := attr(t, "", "from")
			var text string
			text, err = p.noteText(t)
			switch from {
			case noteRejection:
				u.Comment = text
			case notePreviousSource:
				u.PreviousSource = text
			}
		default:
			err = p.skip()
		}
		if err != nil {
			return inUnit(err, id)
		}
	}
	if !hasSource {
		return p.unitErr(id, line, "<trans-unit> has no <source>")
	}
	u.State, err = fromV12(tgt)
	if err != nil {
		return p.unitErr(id, line, "%s", err)
	}
	u.Target = tgt.text
	switch tgt.state {
	case "translated", "signed-off", "final":
		u.Done = true
	}
	p.file.Units = append(p.file.Units, u)
	return nil
}
