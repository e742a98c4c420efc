package tmx

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"tilmash/internal/apperr"
	"tilmash/internal/limits"
)

// hostile streams head, then n copies of open, n copies of close, then tail,
// without holding the document, and counts the bytes read from it.
type hostile struct {
	parts []string
	reps  []int
	i     int // part being read
	off   int // offset in it
	read  int64
}

func newHostile(head, open string, n int, close, tail string) *hostile {
	return &hostile{parts: []string{head, open, close, tail}, reps: []int{1, n, n, 1}}
}

func (h *hostile) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) && h.i < len(h.parts) {
		if h.reps[h.i] == 0 {
			h.i++
			continue
		}
		c := copy(p[n:], h.parts[h.i][h.off:])
		n += c
		h.off += c
		if h.off == len(h.parts[h.i]) {
			h.off = 0
			h.reps[h.i]--
		}
	}
	h.read += int64(n)
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// TestReadDeepNesting is the attack that found the problem: 2.5 million
// nested elements, which the reader used to accept while the decoder's stack
// grew to hundreds of megabytes. It is refused at level 65, having read a few
// kilobytes of the 17 MB and allocated as little.
func TestReadDeepNesting(t *testing.T) {
	const depth = 2_500_000
	for _, c := range []struct{ name, head, want string }{
		{"in body", `<tmx version="1.4"><header/><body>`, "read tmx: line 1: element <a> is nested deeper than 64 levels"},
		{"in header", `<tmx version="1.4"><header>`, "read tmx: line 1: element <a> is nested deeper than 64 levels"},
		{"in seg", `<tmx><body><tu><tuv xml:lang="ru"><seg>`, "read tmx: line 1: element <a> is nested deeper than 64 levels"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := newHostile(c.head, "<a>", depth, "</a>", "</body></tmx>")
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := Read(in, "ru", "kk", func(Unit) error { return nil })
			runtime.ReadMemStats(&after)
			if err == nil || err.Error() != c.want {
				t.Fatalf("err = %v, want %s", err, c.want)
			}
			if _, ok := limits.As(err); !ok || apperr.CodeOf(err) != apperr.Invalid {
				t.Errorf("error %v is no limits.Error of code invalid", err)
			}
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("read %d of %d bytes, allocated %d KiB", in.read, int64(len(c.head))+7*depth, alloc>>10)
			// The input is read through a 64 KiB buffer: the refusal comes within it.
			if in.read > 128<<10 {
				t.Errorf("read %d bytes before refusing", in.read)
			}
			if alloc > 1<<20 {
				t.Errorf("allocated %d bytes before refusing", alloc)
			}
		})
	}
}

// TestReadManyVariants: the other language variants of a <tu> are skipped,
// not kept: reading 1,000 variants of 4,000 bytes allocates a fraction of
// their text (the reader used to keep them all). The best match still wins (an
// exact tag over a longer one, the first of equals).
func TestReadManyVariants(t *testing.T) {
	const n, size = 1000, 4000
	variant := `<tuv xml:lang="de"><seg>` + strings.Repeat("x", size) + `</seg></tuv>`
	head := `<tmx><body><tu><tuv xml:lang="kk-KZ"><seg>long tag</seg></tuv><tuv xml:lang="ru"><seg>а</seg></tuv>`
	tail := `<tuv xml:lang="kk"><seg>exact</seg></tuv><tuv xml:lang="kk"><seg>second</seg></tuv><tuv xml:lang="ru"><seg>б</seg></tuv></tu></body></tmx>`
	in := newHostile(head, variant, n, "", tail)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var got []Unit
	_, err := Read(in, "ru", "kk", func(u Unit) error { got = append(got, u); return nil })
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Source != "а" || got[0].Target != "exact" || got[0].TargetLang != "kk" {
		t.Fatalf("units %+v", got)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d variants, %d KB of text, allocated %d KiB", n, n*size/1000, alloc>>10)
	if alloc > n*size/4 {
		t.Errorf("allocated %d bytes reading %d variants of %d bytes", alloc, n, size)
	}
}

func TestReadLimits(t *testing.T) {
	const tu = `<tu><tuv xml:lang="ru"><seg>а</seg></tuv><tuv xml:lang="kk"><seg>ә</seg></tuv></tu>`
	many := func(n int, f string) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, f, i)
		}
		return b.String()
	}
	cases := []struct {
		name, doc, want string
	}{
		{"65 levels", "<tmx><body>\n" + strings.Repeat("<x>", 63), "read tmx: line 2: element <x> is nested deeper than 64 levels"},
		{"long attribute", "<tmx><body>\n<tu creationid=\"" + strings.Repeat("a", limits.AttributeBytes+1) + "\">", "read tmx: line 2: attribute creationid of <tu> is longer than 64 KiB"},
		{"many attributes", "<tmx><body>\n<tu" + many(129, ` a%d=""`) + ">", "read tmx: line 2: element <tu> has 129 attributes, more than 128"},
		{"tag of tiny attributes", "<tmx><header>\n<note" + strings.Repeat(` a=""`, limits.XMLTokenEquals+4096) + "/>", `read tmx: line 2: a token inside <header> has more than 16384 "=" signs (the limit that bounds the attributes of a tag)`},
		{"long seg in pieces", "<tmx><body>\n<tu><tuv xml:lang=\"ru\"><seg>" + strings.Repeat(strings.Repeat("a", 1000)+"<hi/>", 1100) + "</seg></tuv></tu>", "read tmx: line 2: <seg> longer than 1 MiB"},
		{"entity expansion", `<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>` + "\n<tmx><body><tu><tuv xml:lang=\"ru\"><seg>&b;</seg></tuv></tu></body></tmx>", "read tmx: line 2: invalid character entity &b;"},
		{"external entity", `<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>` + "\n<tmx><body><tu><tuv xml:lang=\"ru\"><seg>&x;</seg></tuv></tu></body></tmx>", "read tmx: line 2: invalid character entity &x;"},
		{"invalid UTF-8", "<tmx><body>\n<tu><tuv xml:lang=\"ru\"><seg>\xff</seg></tuv></tu></body></tmx>", "read tmx: line 2: invalid UTF-8"},
		{"invalid UTF-8 in attribute", "<tmx><body>\n<tu creationid=\"\xc3\"></tu></body></tmx>", "read tmx: line 2: invalid UTF-8"},
		{"control character", "<tmx><body>\n<tu><tuv xml:lang=\"ru\"><seg>\x01</seg></tuv></tu></body></tmx>", "read tmx: line 2: illegal character code U+0001"},
		{"control character reference", "<tmx><body>\n<tu><tuv xml:lang=\"ru\"><seg>&#0;</seg></tuv></tu></body></tmx>", "read tmx: line 2: illegal character code U+0000"},
		{"UTF-16 without BOM", "<\x00t\x00m\x00x\x00>\x00", "read tmx: line 1: expected element name after <"},
		{"UTF-16 BOM, UTF-8 text", "\xff\xfe" + "<tmx><body>" + tu + "</body></tmx>", "read tmx: no <tmx> element"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n, err := Read(strings.NewReader(c.doc), "ru", "kk", func(Unit) error { return nil })
			if err == nil {
				t.Fatalf("no error, %d units", n)
			}
			if err.Error() != c.want {
				t.Errorf("error %q\n         want %q", err, c.want)
			}
			if le, ok := limits.As(err); ok && !errors.Is(err, le) {
				t.Errorf("limit error not in the chain")
			}
		})
	}
}

// TestReadsWhatItWrites: a segment at limits.TextBytes of the character the
// writer escapes most expensively (" as &#34;, 5 bytes for 1) still fits the
// token limit on the way back.
func TestReadsWhatItWrites(t *testing.T) {
	units := []Unit{{SourceLang: "ru", TargetLang: "kk", Source: strings.Repeat("\"", limits.TextBytes), Target: "б", Author: strings.Repeat("\"", limits.AttributeBytes)}}
	got := readAll(t, writeAll(t, units), "ru", "kk")
	if len(got) != 1 || got[0] != units[0] {
		t.Errorf("the unit changed")
	}
}
