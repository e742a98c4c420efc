package glossary

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"tilmash/internal/limits"
)

// csvColumns are the columns of a glossary CSV file in the order WriteCSV
// writes them. ReadCSV accepts them in any order; source and target are
// required.
var csvColumns = []string{"source", "target", "note", "forbidden"}

// forbiddenSep separates forbidden variants in one CSV field.
const forbiddenSep = "|"

// ReadCSV reads terms from a UTF-8 CSV file whose first line names the columns
// source, target, note and forbidden (note and forbidden may be left out;
// forbidden variants are separated by "|"). Fields are separated by commas,
// or by semicolons or tabs when the header line uses those. A byte order
// mark is skipped; after a UTF-16 one the file is read as UTF-16. Fields are
// trimmed and put in NFC. Errors name the line. A file past the limits of
// package limits (its size, the number of terms, a field's length) is
// refused with a *limits.Error in the chain.
func ReadCSV(r io.Reader) ([]Term, error) {
	br, _ := input(r)
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.Comma = sniffDelimiter(br)
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("glossary csv: empty file, expected a header line \"source,target,note,forbidden\"")
	}
	if err != nil {
		return nil, fmt.Errorf("glossary csv: %w", err)
	}
	col, err := csvHeader(header)
	if err != nil {
		return nil, fmt.Errorf("glossary csv: line 1: %w", err)
	}
	var terms []Term
	firstLine := make(map[string]int)
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return terms, nil
		}
		if err != nil {
			return nil, fmt.Errorf("glossary csv: %w", err)
		}
		line, _ := cr.FieldPos(0)
		for _, f := range rec {
			if !utf8.ValidString(f) {
				return nil, fmt.Errorf("glossary csv: line %d: the text is not valid UTF-8 (save the file as UTF-8)", line)
			}
			if len(f) > limits.TextBytes {
				return nil, fmt.Errorf("glossary csv: %w", limits.Invalid(line, "a field is longer than %s", limits.Size(limits.TextBytes)))
			}
		}
		if len(terms) == limits.GlossaryTerms {
			return nil, fmt.Errorf("glossary csv: %w", limits.TooLarge(line, "the file has more than %d terms", limits.GlossaryTerms))
		}
		if len(rec) != len(header) {
			return nil, fmt.Errorf("glossary csv: line %d: %d fields, but the header has %d", line, len(rec), len(header))
		}
		field := func(name string) string {
			if i, ok := col[name]; ok {
				return cleanField(rec[i])
			}
			return ""
		}
		t := Term{Source: field("source"), Target: field("target"), Note: field("note")}
		if raw := field("forbidden"); raw != "" {
			for _, v := range strings.Split(raw, forbiddenSep) {
				if v = cleanField(v); v != "" {
					t.Forbidden = append(t.Forbidden, v)
				}
			}
		}
		if err := validateTerm(t); err != nil {
			return nil, fmt.Errorf("glossary csv: line %d: %w", line, err)
		}
		if prev, dup := firstLine[t.Source]; dup {
			return nil, fmt.Errorf("glossary csv: line %d: source %q is already defined on line %d", line, t.Source, prev)
		}
		firstLine[t.Source] = line
		terms = append(terms, t)
	}
}

// sniffDelimiter picks the field separator from the header line: a comma,
// or the semicolon spreadsheets use in Russian and Kazakh locales, or a tab.
func sniffDelimiter(br *bufio.Reader) rune {
	head, _ := br.Peek(br.Size())
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	for _, d := range []byte{',', ';', '\t'} {
		if bytes.IndexByte(head, d) >= 0 {
			return rune(d)
		}
	}
	return ','
}

// csvHeader maps column names to field indexes.
func csvHeader(header []string) (map[string]int, error) {
	col := make(map[string]int, len(header))
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		known := false
		for _, c := range csvColumns {
			known = known || c == name
		}
		if !known {
			return nil, fmt.Errorf("unknown column %q (expected %s)", h, strings.Join(csvColumns, ", "))
		}
		if _, dup := col[name]; dup {
			return nil, fmt.Errorf("column %q appears twice", name)
		}
		col[name] = i
	}
	for _, required := range csvColumns[:2] {
		if _, ok := col[required]; !ok {
			return nil, fmt.Errorf("missing column %q (the header must name source and target)", required)
		}
	}
	return col, nil
}

// WriteCSV writes terms with the header source,target,note,forbidden.
func WriteCSV(w io.Writer, terms []Term) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumns); err != nil {
		return fmt.Errorf("write glossary csv: %w", err)
	}
	for i, t := range terms {
		if err := validateTerm(t); err != nil {
			return fmt.Errorf("write glossary csv: term %d: %w", i+1, err)
		}
		rec := []string{t.Source, t.Target, t.Note, strings.Join(t.Forbidden, forbiddenSep)}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write glossary csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write glossary csv: %w", err)
	}
	return nil
}

// cleanField trims a field and puts it in NFC, as all stored text is.
func cleanField(s string) string {
	return norm.NFC.String(strings.TrimSpace(s))
}

// validateTerm reports what makes a term unusable in a glossary.
func validateTerm(t Term) error {
	switch {
	case t.Source == "":
		return errors.New("the source term is empty")
	case t.Target == "":
		return fmt.Errorf("the target of %q is empty", t.Source)
	}
	for _, v := range t.Forbidden {
		switch {
		case v == "":
			return fmt.Errorf("%q has an empty forbidden variant", t.Source)
		case strings.Contains(v, forbiddenSep):
			return fmt.Errorf("forbidden variant %q of %q contains %q", v, t.Source, forbiddenSep)
		case v == t.Target:
			return fmt.Errorf("%q lists its own target %q as forbidden", t.Source, v)
		}
	}
	return nil
}
