package xliff

import (
	"encoding/xml"
)

// segPart is one <segment> or <ignorable> of an XLIFF 2 unit.
type segPart struct {
	ignorable bool
	source    string
	hasSource bool
	target    string
	hasTarget bool
	state     string
	subState  string
	line      int
}

// unitV2 reads an XLIFF 2 <unit>. Tilmash writes one segment per unit; a
// unit that a tool split anyway is joined back, its ignorables included.
func (p *parser) unitV2(start xml.StartElement, para int) error {
	line := p.line()
	id, _ := attr(start, "", "id")
	u, err := p.newUnit(start, para)
	if err != nil {
		return err
	}
	parts := p.parts[:0]
	defer func() { p.parts = parts[:0] }()
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
		case t.Name.Space == p.ns && t.Name.Local == "notes":
			err = p.notesV2(&u)
		case t.Name.Space == p.ns && (t.Name.Local == "segment" || t.Name.Local == "ignorable"):
			var part segPart
			part, err = p.segmentV2(t)
			parts = append(parts, part)
		default:
			err = p.skip()
		}
		if err != nil {
			return inUnit(err, id)
		}
	}
	if err := p.requireSegment(parts, id, line); err != nil {
		return err
	}
	if err := p.joinV2(&u, parts); err != nil {
		return inUnit(err, id)
	}
	p.file.Units = append(p.file.Units, u)
	return nil
}

// requireSegment refuses a unit without a <segment>: it has no source.
func (p *parser) requireSegment(parts []segPart, id string, line int) error {
	for _, part := range parts {
		if !part.ignorable {
			return nil
		}
	}
	return p.unitErr(id, line, "unit has no <segment>, so no <source>")
}

func (p *parser) notesV2(u *Unit) error {
	for {
		t, err := p.next()
		if err != nil {
			return p.unexpectedEOF(err)
		}
		switch t := t.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if t.Name.Space != p.ns || t.Name.Local != "note" {
				if err := p.skip(); err != nil {
					return err
				}
				continue
			}
			category, _ := attr(t, "", "category")
			text, err := p.noteText(t)
			if err != nil {
				return err
			}
			switch category {
			case noteRejection:
				u.Comment = text
			case notePreviousSource:
				u.PreviousSource = text
			}
		}
	}
}

func (p *parser) segmentV2(start xml.StartElement) (segPart, error) {
	part := segPart{ignorable: start.Name.Local == "ignorable", line: p.line()}
	part.state, _ = attr(start, "", "state")
	part.subState, _ = attr(start, "", "subState")
	for {
		t, err := p.next()
		if err != nil {
			return part, p.unexpectedEOF(err)
		}
		switch t := t.(type) {
		case xml.EndElement:
			if !part.hasSource {
				return part, p.errorf("<%s> has no <source>", start.Name.Local)
			}
			return part, nil
		case xml.StartElement:
			if t.Name.Space != p.ns || t.Name.Local != "source" && t.Name.Local != "target" {
				if err := p.skip(); err != nil {
					return part, err
				}
				continue
			}
			text, err := p.text(t)
			if err != nil {
				return part, err
			}
			if t.Name.Local == "source" {
				if part.hasSource {
					return part, p.errorf("<%s> has two <source> elements", start.Name.Local)
				}
				part.source, part.hasSource = text, true
				continue
			}
			if part.hasTarget {
				return part, p.errorf("<%s> has two <target> elements", start.Name.Local)
			}
			part.target, part.hasTarget = text, true
			p.noteTargetLang(t)
		}
	}
}

// noteTargetLang takes the target language from a target's xml:lang when
// the file did not state it.
func (p *parser) noteTargetLang(target xml.StartElement) {
	if p.file.Header.TargetLang == "" {
		if lang, ok := attr(target, nsXML, "lang"); ok {
			p.file.Header.TargetLang = lang
		}
	}
}

// v2Done reports whether an XLIFF 2 segment state says the target is finished.
func v2Done(state string) bool {
	return state == "translated" || state == "reviewed" || state == "final"
}

// progress orders states by how far the work went, to pick the state of a
// unit joined from segments in different states: the least advanced wins.
func progress(state string) int {
	switch state {
	case stateTranslated:
		return 1
	case stateApproved:
		return 2
	case statePublished:
		return 3
	}
	return 0
}

func (p *parser) joinV2(u *Unit, parts []segPart) error {
	if len(parts) == 1 && !parts[0].ignorable {
		// The unit as Tilmash writes it.
		part := parts[0]
		state, err := fromV2(part.state, part.subState)
		if err != nil {
			return &ParseError{Line: part.line, Msg: err.Error()}
		}
		u.Source, u.Target, u.State = part.source, part.target, state
		u.Done = v2Done(part.state)
		return nil
	}
	var source, target []byte
	withTarget, withoutTarget := 0, 0
	u.State = ""
	u.Done = true
	for _, part := range parts {
		source = append(source, part.source...)
		if part.ignorable {
			if part.hasTarget {
				target = append(target, part.target...)
			} else {
				target = append(target, part.source...)
			}
			continue
		}
		if part.hasTarget {
			withTarget++
			target = append(target, part.target...)
		} else {
			withoutTarget++
		}
		state, err := fromV2(part.state, part.subState)
		if err != nil {
			return &ParseError{Line: part.line, Msg: err.Error()}
		}
		u.Done = u.Done && v2Done(part.state)
		if u.State == "" || progress(state) < progress(u.State) {
			u.State = state
		}
	}
	if withTarget > 0 && withoutTarget > 0 {
		return p.errorf("%d of its %d segments have no <target>: translate all or none of them", withoutTarget, withTarget+withoutTarget)
	}
	u.Source = string(source)
	if withTarget > 0 {
		u.Target = string(target)
	}
	return nil
}
