package segment

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// fixtureCase is one case of testdata/segmentation.ru.txt: a paragraph and its sentences.
type fixtureCase struct {
	name  string
	input string
	want  []string
}

// readFixture parses the "=== name / input / --- / segments" format described in the file's
// header.
func readFixture(tb testing.TB, path string) []fixtureCase {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("open fixture: %v", err)
	}
	defer f.Close()
	var (
		cases []fixtureCase
		cur   *fixtureCase
		input []string
		inOut bool
	)
	flush := func() {
		if cur != nil {
			cur.input = strings.Join(input, "\n")
			cases = append(cases, *cur)
		}
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "=== "):
			flush()
			cur = &fixtureCase{name: strings.TrimPrefix(line, "=== ")}
			input, inOut = nil, false
		case cur == nil:
		case line == "---":
			inOut = true
		case inOut:
			if line != "" {
				cur.want = append(cur.want, line)
			}
		default:
			input = append(input, line)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read fixture: %v", err)
	}
	flush()
	if len(cases) == 0 {
		tb.Fatalf("fixture %s has no cases", path)
	}
	return cases
}

// readSegments parses announcement.ru.segments.txt: one segment a line, a blank line between
// paragraphs.
func readSegments(tb testing.TB, path string) [][]string {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read segments: %v", err)
	}
	var paras [][]string
	for _, block := range strings.Split(strings.TrimRight(string(data), "\n"), "\n\n") {
		paras = append(paras, strings.Split(block, "\n"))
	}
	return paras
}

func mustRead(tb testing.TB, path string) string {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read %s: %v", path, err)
	}
	return string(data)
}
