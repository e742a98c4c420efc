package xliff

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"tilmash/internal/golden"
)

// goldenCases are the exports kept in testdata/: Kazakh (Cyrillic, ltr) and
// Arabic (rtl, with markup-like text and CRLF) in both formats.
func goldenCases() []struct {
	name  string
	lang  string
	units []Unit
} {
	return []struct {
		name  string
		lang  string
		units []Unit
	}{
		{"kk", "kk", sampleUnitsKK()},
		{"ar", "ar", sampleUnitsAR()},
	}
}

func TestWriteGolden(t *testing.T) {
	for _, c := range goldenCases() {
		for _, f := range formats {
			name := c.name + "." + f.name + ".xlf"
			t.Run(name, func(t *testing.T) {
				golden.Check(t, name, write(t, f.format, sampleHeader(c.lang), c.units))
			})
		}
	}
}

// TestReadGolden reads the golden files back: what Tilmash wrote yesterday
// must import today.
func TestReadGolden(t *testing.T) {
	for _, c := range goldenCases() {
		for _, f := range formats {
			name := c.name + "." + f.name + ".xlf"
			t.Run(name, func(t *testing.T) {
				data, err := os.ReadFile(filepath.Join("testdata", name))
				if err != nil {
					t.Fatal(err)
				}
				file, err := Read(bytes.NewReader(data), 0)
				if err != nil {
					t.Fatalf("Read: %v", err)
				}
				if file.Format != f.format {
					t.Errorf("Format = %q, want %q", file.Format, f.format)
				}
				if file.Header != sampleHeader(c.lang) {
					t.Errorf("Header = %+v, want %+v", file.Header, sampleHeader(c.lang))
				}
				diffUnits(t, file.Units, sourceCopies(f.format, c.units))
			})
		}
	}
}
