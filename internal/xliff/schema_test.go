package xliff

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tilmash/internal/xliff/xlifftest"
)

// TestSchemaValid validates every kind of file the writer produces against
// the OASIS schema of its format: the golden exports, the round-trip table
// and random documents.
func TestSchemaValid(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(3, 2026))
	for _, f := range formats {
		var files []string
		add := func(name string, data []byte) {
			path := filepath.Join(dir, f.name+"-"+name+".xlf")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, path)
		}
		for _, c := range goldenCases() {
			add("golden-"+c.name, write(t, f.format, sampleHeader(c.lang), c.units))
		}
		for i, c := range roundTripCases() {
			add("table-"+string(rune('a'+i)), write(t, f.format, sampleHeader(c.lang), c.units))
		}
		bare := Header{SourceLang: "ru", TargetLang: "tg"} // no Tilmash ids at all
		add("bare", write(t, f.format, bare, sampleUnitsKK()))
		for i := range 20 {
			h := sampleHeader("uz")
			h.Title = randomText(rng)
			add("random-"+string(rune('a'+i)), write(t, f.format, h, randomUnits(rng, 1+rng.IntN(30))))
		}
		xlifftest.Validate(t, string(f.format), files...)
	}
}

// TestSchemaRejectsBrokenFile proves the validation can fail: a 2.1 file
// with an invalid state must not validate.
func TestSchemaRejectsBrokenFile(t *testing.T) {
	data := write(t, V21, sampleHeader("kk"), sampleUnitsKK())
	broken := strings.Replace(string(data), `state="reviewed"`, `state="approved"`, 1)
	path := filepath.Join(t.TempDir(), "broken.xlf")
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	if rejected, out := xlifftest.Rejects(t, string(V21), path); !rejected {
		t.Fatalf("xmllint accepted a file with state=\"approved\":\n%s", out)
	}
}
