package segment

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"tilmash/internal/golden"
)

func streamString(tb testing.TB, s *Segmenter, in string, limit int) (string, error) {
	tb.Helper()
	var out bytes.Buffer
	err := s.stream(strings.NewReader(in), &out, limit)
	return out.String(), err
}

func TestStreamGolden(t *testing.T) {
	in := mustRead(t, "testdata/announcement.ru.txt")
	got, err := streamString(t, For("ru"), in, maxLine)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "announcement.stream.golden", []byte(got))
	// The CLI contract is the fixture's format exactly.
	if want := mustRead(t, "testdata/announcement.ru.segments.txt"); got != want {
		t.Errorf("Stream output differs from announcement.ru.segments.txt:\n%s", got)
	}
}

func TestStreamLineEnds(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"only blank lines", "\n \n\t\n", ""},
		{"no final newline", "Один. Два.", "Один.\nДва.\n"},
		{"blank lines collapse", "А б.\n\n\n\nВ г.\n", "А б.\n\nВ г.\n"},
		{"bom", "\uFEFFПервый.\nВторой.", "Первый.\n\nВторой.\n"},
		{"crlf", "Первый. Второй.\r\nТретий.\r\n", "Первый.\nВторой.\n\nТретий.\n"},
		{"lone cr", "Первый.\rВторой.\r", "Первый.\n\nВторой.\n"},
		{"edge spaces", "  \tПервый.   Второй. \u00a0\n", "Первый.\nВторой.\n"},
		{"nfc", "Ии\u0306 тест.", "Ий тест.\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := streamString(t, For("ru"), tc.in, maxLine)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("Stream(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if split := splitOutput(For("ru").Split(tc.in)); split != got {
				t.Errorf("Split gives %q, Stream %q", split, got)
			}
		})
	}
}

// splitOutput renders Split's result in Stream's format.
func splitOutput(paras []Paragraph) string {
	var b strings.Builder
	for i, p := range paras {
		if i > 0 {
			b.WriteByte('\n')
		}
		for _, s := range p.Sentences {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestStreamInvalidUTF8(t *testing.T) {
	in := "Первая строка.\n\nТретья \xff строка.\n"
	_, err := streamString(t, For("ru"), in, maxLine)
	if err == nil || err.Error() != "segment: line 3: invalid UTF-8 at byte 13" {
		t.Fatalf("err = %v, want the line 3 error", err)
	}
}

func TestStreamReadError(t *testing.T) {
	boom := errors.New("boom")
	r := io.MultiReader(strings.NewReader("Один.\nДва"), iotest.ErrReader(boom))
	err := For("ru").Stream(r, io.Discard)
	if !errors.Is(err, boom) || err.Error() != "segment: read line 2: boom" {
		t.Fatalf("err = %v", err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestStreamWriteError(t *testing.T) {
	err := For("ru").Stream(strings.NewReader("Один. Два.\n"), failWriter{})
	if err == nil || err.Error() != "segment: write: disk full" {
		t.Fatalf("err = %v", err)
	}
}

// TestStreamPathological checks output, not time: a megabyte without a sentence end, of periods,
// of one letter or of openers is one paragraph, cut only where Stream's memory bound says.
func TestStreamPathological(t *testing.T) {
	const size = 1 << 20
	tests := []struct {
		name string
		in   string
	}{
		{"one letter", strings.Repeat("я", size/2)},
		{"periods", strings.Repeat(".", size)},
		{"ellipses", strings.Repeat("…", size/3)},
		{"open brackets", strings.Repeat("(", size)},
		{"guillemets", strings.Repeat("«", size/2)},
		{"initials", strings.Repeat("А.", size/3)},
		{"exclamations", strings.Repeat("!", size)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := streamString(t, For("ru"), tc.in, maxLine)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.in+"\n" {
				t.Errorf("output of %d bytes is not the input as one segment", len(got))
			}
		})
	}
	t.Run("many sentences", func(t *testing.T) {
		in := strings.Repeat("Да. ", size/5)
		got, err := streamString(t, For("ru"), in, maxLine)
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.Repeat("Да.\n", size/5); got != want {
			t.Errorf("got %d bytes, want %d", len(got), len(want))
		}
	})
}

// TestStreamChunked runs lines longer than a small limit through the chunked path: every
// complete sentence comes out as Split gives it, and a long run without an end is cut at a space.
func TestStreamChunked(t *testing.T) {
	sentences := []string{"Первое предложение текста.", "Второе, чуть длиннее первого предложение.", "Третье?", "Четвёртое!"}
	var line []string
	for i := 0; i < 200; i++ {
		line = append(line, sentences[i%len(sentences)])
	}
	in := strings.Join(line, " ") + "\nКонец.\r\nЕщё абзац."
	want := strings.Join(line, "\n") + "\n\nКонец.\n\nЕщё абзац.\n"
	for _, limit := range []int{200, 257, 1000, 4096} {
		got, err := streamString(t, For("ru"), in, limit)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("limit %d: got %q", limit, got)
		}
	}
	long := strings.Repeat("слово ", 100) + "конец."
	got, err := streamString(t, For("ru"), long, 64)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(strings.Fields(got), " ") != long {
		t.Errorf("forced cuts lost text: %q", got)
	}
	for _, seg := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
		if seg == "" || len(seg) > 2*64 {
			t.Errorf("segment %q: empty or longer than twice the limit", seg)
		}
	}
}
