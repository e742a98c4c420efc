package app

import (
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"tilmash/internal/qa"
)

// AppendJSON appends the list as encoding/json writes it (json.Marshal's
// bytes exactly, a property test holds it to that) without reflection: a
// list of 200 segments is the API's most read answer, and encoding it by
// reflection cost as much as reading it from the database.
func (l TranslationList) AppendJSON(b []byte) []byte {
	b = append(b, `{"document":`...)
	b = strconv.AppendInt(b, l.DocumentID, 10)
	b = append(b, `,"title":`...)
	b = appendJSONString(b, l.Title)
	b = append(b, `,"revision":`...)
	b = strconv.AppendInt(b, int64(l.Revision), 10)
	b = append(b, `,"lang":`...)
	b = appendJSONString(b, l.Lang)
	b = append(b, `,"dir":`...)
	b = appendJSONString(b, l.Direction)
	b = append(b, `,"segments":`...)
	if l.Segments == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, v := range l.Segments {
			if i > 0 {
				b = append(b, ',')
			}
			b = v.appendJSON(b)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// appendJSON is one TranslationView as its struct tags describe it.
func (v TranslationView) appendJSON(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, v.ID, 10)
	if v.Paragraph != 0 {
		b = append(b, `,"paragraph":`...)
		b = strconv.AppendInt(b, int64(v.Paragraph), 10)
	}
	if v.Position != 0 {
		b = append(b, `,"position":`...)
		b = strconv.AppendInt(b, int64(v.Position), 10)
	}
	b = append(b, `,"source":`...)
	b = appendJSONString(b, v.Source)
	b = append(b, `,"target":`...)
	b = appendJSONString(b, v.Target)
	b = append(b, `,"state":`...)
	b = appendJSONString(b, string(v.State))
	b = append(b, `,"version":`...)
	b = strconv.AppendInt(b, int64(v.Version), 10)
	b = append(b, `,"author":`...)
	b = appendJSONString(b, v.Author)
	for _, f := range []struct{ key, val string }{
		{`,"comment":`, v.Comment}, {`,"previous_source":`, v.PreviousSource}, {`,"origin":`, v.Origin},
	} {
		if f.val != "" {
			b = append(b, f.key...)
			b = appendJSONString(b, f.val)
		}
	}
	if v.UpdatedAt != nil {
		b = append(b, `,"updated_at":`...)
		b = v.UpdatedAt.AppendFormat(append(b, '"'), time.RFC3339Nano)
		b = append(b, '"')
	}
	if v.Unchanged {
		b = append(b, `,"unchanged":true`...)
	}
	b = append(b, `,"checks":`...)
	return append(appendFindings(b, v.Checks), '}')
}

func appendFindings(b []byte, fs []qa.Finding) []byte {
	if fs == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, f := range fs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendJSONString(b, f.ID)
		b = append(b, `,"severity":`...)
		b = appendJSONString(b, string(f.Severity))
		b = append(b, `,"message":`...)
		b = appendJSONString(b, f.Message)
		if len(f.Args) > 0 {
			b = append(b, `,"args":{`...)
			keys := make([]string, 0, len(f.Args))
			for k := range f.Args {
				keys = append(keys, k)
			}
			slices.Sort(keys) // encoding/json writes map keys sorted
			for j, k := range keys {
				if j > 0 {
					b = append(b, ',')
				}
				b = appendJSONString(b, k)
				b = append(b, ':')
				b = appendJSONString(b, f.Args[k])
			}
			b = append(b, '}')
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as encoding/json does by default: HTML-safe
// (<, >, & as \u003c, \u003e, \u0026), U+2028 and U+2029 escaped, control
// characters as \n, \r, \t or \u00XX, and invalid UTF-8 as U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
