package segment

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// checkCover verifies the segmentation invariant: the sentences, none empty and none with white
// space at an end, joined with the white space between them give back the paragraph.
func checkCover(paragraph string, sentences []string) error {
	rest := paragraph
	for i, s := range sentences {
		if s == "" {
			return fmt.Errorf("sentence %d is empty", i)
		}
		if strings.TrimFunc(s, unicode.IsSpace) != s {
			return fmt.Errorf("sentence %d %q has white space at an end", i, s)
		}
		gap := strings.TrimLeftFunc(rest, unicode.IsSpace)
		if i == 0 && gap != rest {
			return fmt.Errorf("paragraph %q has white space at its start", paragraph)
		}
		if !strings.HasPrefix(gap, s) {
			return fmt.Errorf("sentence %d %q does not continue the paragraph at %q", i, s, gap)
		}
		rest = gap[len(s):]
	}
	if rest != "" {
		return fmt.Errorf("%q is left over after the sentences", rest)
	}
	return nil
}

func TestFixtureCases(t *testing.T) {
	ru := For("ru")
	cases := readFixture(t, "testdata/segmentation.ru.txt")
	extra := readFixture(t, "testdata/segmentation.extra.ru.txt")
	if len(extra) < 40 {
		t.Errorf("only %d extra cases", len(extra))
	}
	for _, tc := range append(cases, extra...) {
		t.Run(tc.name, func(t *testing.T) {
			got := ru.Sentences(tc.input)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Sentences(%q)\n got: %q\nwant: %q", tc.input, got, tc.want)
			}
			if err := checkCover(tc.input, got); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestAnnouncement(t *testing.T) {
	want := readSegments(t, "testdata/announcement.ru.segments.txt")
	paras := For("ru").Split(mustRead(t, "testdata/announcement.ru.txt"))
	var got [][]string
	total := 0
	for i, p := range paras {
		if p.Number != i+1 {
			t.Errorf("paragraph %d numbered %d", i+1, p.Number)
		}
		if err := checkCover(p.Text, p.Sentences); err != nil {
			t.Errorf("paragraph %d: %v", p.Number, err)
		}
		got = append(got, p.Sentences)
		total += len(p.Sentences)
	}
	if len(paras) != 10 || total != 17 {
		t.Errorf("got %d paragraphs and %d segments, want 10 and 17", len(paras), total)
	}
	for i := range max(len(got), len(want)) {
		var g, w []string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("paragraph %d\n got: %q\nwant: %q", i+1, g, w)
		}
	}
}
