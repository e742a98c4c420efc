package glossary

import (
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"tilmash/internal/apperr"
	"tilmash/internal/limits"
)

// stream gives head, unit(1) … unit(n), then tail, counting the bytes read.
type stream struct {
	head, tail string
	unit       func(i int) string
	n, i       int
	buf        strings.Reader
	stage      int
	read       int64
}

func (s *stream) Read(p []byte) (int, error) {
	for s.buf.Len() == 0 {
		switch {
		case s.stage == 0:
			s.buf.Reset(s.head)
			s.stage++
		case s.stage == 1 && s.i < s.n:
			s.i++
			s.buf.Reset(s.unit(s.i))
		case s.stage == 1:
			s.buf.Reset(s.tail)
			s.stage++
		default:
			return 0, io.EOF
		}
	}
	n, err := s.buf.Read(p)
	s.read += int64(n)
	return n, err
}

func repeat(s string) func(int) string { return func(int) string { return s } }

// checkLimit checks that err is the limit error want with its code.
func checkLimit(t *testing.T, err error, want string, code apperr.Code) {
	t.Helper()
	if err == nil || err.Error() != want {
		t.Fatalf("error\n got %v\nwant %s", err, want)
	}
	if _, ok := limits.As(err); !ok {
		t.Errorf("no *limits.Error in the chain of %v", err)
	}
	if c := apperr.CodeOf(err); c != code {
		t.Errorf("code %s, want %s", c, code)
	}
}

func TestReadCSVLimits(t *testing.T) {
	note := strings.Repeat("n", 200)
	big := &stream{head: "source,target,note\n", unit: func(i int) string { return fmt.Sprintf("t%d,x,%s\n", i, note) }, n: limits.GlossaryBytes / 200}
	_, err := ReadCSV(big)
	checkLimit(t, err, "glossary csv: the glossary file is larger than 16 MiB", apperr.TooLarge)
	if big.read > limits.GlossaryBytes+128<<10 {
		t.Errorf("read %d bytes of a file over the limit", big.read)
	}

	many := &stream{head: "source,target\n", unit: func(i int) string { return fmt.Sprintf("t%d,x\n", i) }, n: limits.GlossaryTerms + 1}
	_, err = ReadCSV(many)
	checkLimit(t, err, fmt.Sprintf("glossary csv: line %d: the file has more than %d terms", limits.GlossaryTerms+2, limits.GlossaryTerms), apperr.TooLarge)

	_, err = ReadCSV(strings.NewReader("source,target\nООН,UN\n\"" + strings.Repeat("a", limits.TextBytes+1) + "\",x\n"))
	checkLimit(t, err, "glossary csv: line 3: a field is longer than 1 MiB", apperr.Invalid)
}

// utf16LE encodes s as UTF-16LE with a byte order mark.
func utf16LE(s string) string {
	b := []byte{0xff, 0xfe}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

func TestReadUTF16(t *testing.T) {
	// Spreadsheets' "Unicode text": UTF-16LE, tab-separated.
	got, err := ReadCSV(strings.NewReader(utf16LE("source\ttarget\r\nООН\tБҰҰ\r\n")))
	if err != nil || !reflect.DeepEqual(got, []Term{{Source: "ООН", Target: "БҰҰ"}}) {
		t.Errorf("csv: %+v, %v", got, err)
	}
	tbx := `<?xml version="1.0" encoding="UTF-16"?><martif><text><body><termEntry><langSet xml:lang="ru"><tig><term>ООН</term></tig></langSet><langSet xml:lang="kk"><tig><term>БҰҰ</term></tig></langSet></termEntry></body></text></martif>`
	got, err = ReadTBX(strings.NewReader(utf16LE(tbx)), "ru", "kk")
	if err != nil || !reflect.DeepEqual(got, []Term{{Source: "ООН", Target: "БҰҰ"}}) {
		t.Errorf("tbx: %+v, %v", got, err)
	}
	cp1251 := "<?xml version=\"1.0\" encoding=\"windows-1251\"?><martif><text><body><termEntry><langSet xml:lang=\"ru\"><tig><term>\xce\xce\xcd</term></tig></langSet><langSet xml:lang=\"en\"><tig><term>UN</term></tig></langSet></termEntry></body></text></martif>"
	got, err = ReadTBX(strings.NewReader(cp1251), "ru", "en")
	if err != nil || !reflect.DeepEqual(got, []Term{{Source: "ООН", Target: "UN"}}) {
		t.Errorf("tbx windows-1251: %+v, %v", got, err)
	}
}

const tbxHead = "<martif>\n<text><body>\n"

// TestReadTBXDeepNesting: 2.5 million nested elements, inside an entry (read
// by DecodeElement) or between entries, are refused at the 65th level within
// the first buffer of input.
func TestReadTBXDeepNesting(t *testing.T) {
	for _, c := range []struct{ name, head, want string }{
		{"in entry", tbxHead + `<termEntry><langSet xml:lang="ru"><tig><term>`, "read tbx: line 3: element <hi> is nested deeper than 64 levels"},
		{"between entries", tbxHead, "read tbx: line 3: element <hi> is nested deeper than 64 levels"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := &stream{head: c.head, unit: repeat("<hi>"), n: 2_500_000}
			_, err := ReadTBX(in, "ru", "en")
			checkLimit(t, err, c.want, apperr.Invalid)
			if in.read > 128<<10 {
				t.Errorf("read %d bytes before refusing", in.read)
			}
		})
	}
}

func TestReadTBXLimits(t *testing.T) {
	padding := "<!--" + strings.Repeat(" ", 32<<10) + "-->\n"
	big := &stream{head: tbxHead, unit: repeat(padding), n: limits.GlossaryBytes/len(padding) + 2}
	_, err := ReadTBX(big, "ru", "en")
	checkLimit(t, err, "read tbx: the glossary file is larger than 16 MiB", apperr.TooLarge)

	// Entries of many synonyms give a term each. (With limits.GlossaryTerms,
	// the test takes seconds under the race detector.)
	const max = 1000
	entry := func(i int) string {
		var b strings.Builder
		b.WriteString(`<termEntry><langSet xml:lang="en"><tig><term>t</term></tig></langSet><langSet xml:lang="ru">`)
		for k := range 100 {
			fmt.Fprintf(&b, "<tig><term>т%d.%d</term></tig>", i, k)
		}
		b.WriteString("</langSet></termEntry>\n")
		return b.String()
	}
	many := &stream{head: tbxHead, unit: entry, n: 20, tail: "</body></text></martif>"}
	_, err = readTBX(many, "ru", "en", max)
	checkLimit(t, err, fmt.Sprintf("read tbx: line 13: the file has more than %d terms", max), apperr.TooLarge)

	long := tbxHead + `<termEntry><langSet xml:lang="ru"><tig><term>` + strings.Repeat("я", limits.TextBytes/4) + "<hi>" + strings.Repeat("я", limits.TextBytes/4) + `</hi>!</term></tig></langSet></termEntry></body></text></martif>`
	_, err = ReadTBX(strings.NewReader(long), "ru", "en")
	if err == nil || err.Error() != "read tbx: entry starting on line 3: a <term> is longer than 1 MiB" || apperr.CodeOf(err) != apperr.Internal {
		t.Errorf("long term: %v", err) // the API answers 400 for any reader error without a code
	}

	laughs := `<!DOCTYPE martif [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>` + "\n" + tbxHead + `<termEntry><langSet xml:lang="ru"><tig><term>&b;</term></tig></langSet></termEntry></body></text></martif>`
	_, err = ReadTBX(strings.NewReader(laughs), "ru", "en")
	if err == nil || err.Error() != "read tbx: entry starting on line 4: XML syntax error on line 4: invalid character entity &b;" {
		t.Errorf("entity expansion: %v", err)
	}
}
