package xliff

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The OASIS schemas live next to the project, not in it (see issue 6).
var schemas = map[Format]string{
	V21: filepath.Join("..", "..", "..", "shared", "schemas", "xliff-2.1", "xliff_core_2.0.xsd"),
	V12: filepath.Join("..", "..", "..", "shared", "schemas", "xliff-1.2", "xliff-core-1.2-transitional.xsd"),
}

// needSchemaTools skips the test when xmllint or the schemas are missing,
// unless TILMASH_SCHEMA_TESTS=required (CI), where it fails instead.
func needSchemaTools(t *testing.T) string {
	t.Helper()
	missing := func(what string) {
		if os.Getenv("TILMASH_SCHEMA_TESTS") == "required" {
			t.Fatalf("%s, and TILMASH_SCHEMA_TESTS=required", what)
		}
		t.Skipf("%s: skipping schema validation (install libxml2-utils; set TILMASH_SCHEMA_TESTS=required to make this a failure)", what)
	}
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		missing("xmllint not found")
	}
	for _, path := range schemas {
		if _, err := os.Stat(path); err != nil {
			missing("schema " + path + " not found")
		}
	}
	return xmllint
}

// TestSchemaValid validates every kind of file the writer produces against
// the OASIS schema of its format: the golden exports, the round-trip table
// and random documents.
func TestSchemaValid(t *testing.T) {
	xmllint := needSchemaTools(t)
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
		args := append([]string{"--noout", "--nonet", "--schema", schemas[f.format]}, files...)
		out, err := exec.Command(xmllint, args...).CombinedOutput()
		if err != nil {
			t.Errorf("xmllint %s: %v\n%s", f.name, err, out)
			continue
		}
		if n := strings.Count(string(out), " validates"); n != len(files) {
			t.Errorf("xmllint %s: %d of %d files validate:\n%s", f.name, n, len(files), out)
		}
	}
}

// TestSchemaRejectsBrokenFile proves the validation can fail: a 2.1 file
// with an invalid state must not validate.
func TestSchemaRejectsBrokenFile(t *testing.T) {
	xmllint := needSchemaTools(t)
	data := write(t, V21, sampleHeader("kk"), sampleUnitsKK())
	broken := strings.Replace(string(data), `state="reviewed"`, `state="approved"`, 1)
	path := filepath.Join(t.TempDir(), "broken.xlf")
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", schemas[V21], path).CombinedOutput()
	if err == nil {
		t.Fatalf("xmllint accepted a file with state=\"approved\":\n%s", out)
	}
}
