package xliff

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// FuzzRead feeds arbitrary bytes to Read, seeded with the golden and foreign
// files. Read must never panic; a refusal must be a *ParseError; and what
// Read accepts must survive Write then Read unchanged.
func FuzzRead(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join("testdata", "*.xlf"))
	if err != nil || len(seeds) == 0 {
		f.Fatalf("no seed files in testdata: %v", err)
	}
	for _, path := range seeds {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(doc2(`<unit id="s1"><segment state="initial" subState="tilmash:rejected"><source>a</source><ignorable><source> </source></ignorable><target>b<cp hex="41"/></target></segment></unit>`)))
	f.Add([]byte(doc12(`<group id="p2"><trans-unit id="s1" tl:state="outdated"><source>a</source><target state="x-y">b</target></trans-unit></group>`)))
	// Past the limits: nesting in a skipped and in a read element, attributes.
	f.Add([]byte(doc2(`<unit id="s1">` + strings.Repeat("<x>", 70))))
	f.Add([]byte(doc2(`<unit id="s1"><segment><source>` + strings.Repeat(`<mrk id="m">`, 70))))
	f.Add([]byte(doc2(`<unit id="s1"` + strings.Repeat(` a=""`, 130) + `/>`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Read(bytes.NewReader(data), 1<<20)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v is not a *ParseError", err, err)
			}
			return
		}
		var out bytes.Buffer
		w, err := NewWriter(&out, file.Format, file.Header)
		if err != nil {
			return // e.g. no target language: Read accepts it, export would not
		}
		// An empty target reads back as none; a source copy would read back
		// as a target.
		if err := w.SetTargetFill(FillEmpty); err != nil {
			t.Fatal(err)
		}
		var written []Unit
		for _, u := range file.Units {
			if w.WriteUnit(u) == nil {
				written = append(written, u) // out-of-order paragraphs are refused
			}
		}
		if err := w.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
		again, err := Read(&out, 0)
		if err != nil {
			t.Fatalf("reading what was written: %v\n%s", err, out.Bytes())
		}
		if again.Header != file.Header {
			t.Fatalf("header %+v became %+v", file.Header, again.Header)
		}
		// Done comes from the states written, which follow State.
		if !slices.Equal(withoutDone(again.Units), withoutDone(written)) {
			t.Fatalf("units changed:\n%+v\n%+v\n%s", written, again.Units, out.Bytes())
		}
	})
}

// withoutDone returns the units with Done cleared.
func withoutDone(units []Unit) []Unit {
	out := slices.Clone(units)
	for i := range out {
		out[i].Done = false
	}
	return out
}
