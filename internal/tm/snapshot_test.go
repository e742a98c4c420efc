package tm

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
	"time"
)

// snapshotMemory is a small memory in every state an index can be in: built, with keys added
// since the build, with removed entries (free slots, dead keys), and a pair never built.
func snapshotMemory() *Memory {
	m := NewMemory()
	kk := m.Pair("ru", "kk")
	es := syntheticEntries(3000, 5)
	kk.AddBatch(es[:2500])
	for _, e := range es[2500:] {
		kk.Add(e)
	}
	for id := int64(1); id < 3000; id += 7 {
		kk.Remove(id)
	}
	kk.Add(Entry{ID: 9001, Source: "Гостей.", Target: "Қонақтар.", Origin: "o", Author: "a", Created: epoch})
	m.Pair("ru", "en").Add(Entry{ID: 1, Source: "Справочно:", Target: "For reference:", Created: epoch.Add(time.Hour)})
	m.Pair("ru", "ky")
	return m
}

func TestSnapshotRoundTrip(t *testing.T) {
	m := snapshotMemory()
	var buf bytes.Buffer
	if err := m.WriteSnapshot(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := ReadSnapshot(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	queries := append(syntheticQueries(syntheticEntries(3000, 5), 60, 8), "Гостеа.", "Справочно")
	for _, pair := range [][2]string{{"ru", "kk"}, {"ru", "en"}, {"ru", "ky"}} {
		a, b := m.Pair(pair[0], pair[1]), got.Pair(pair[0], pair[1])
		if a.Len() != b.Len() {
			t.Fatalf("%v: %d entries, want %d", pair, b.Len(), a.Len())
		}
		for _, q := range queries {
			ra, rb := a.Search(q, 5, 60), b.Search(q, 5, 60)
			if err := sameSuggestions(rb.Suggestions, ra.Suggestions); err != nil || ra.Exact != rb.Exact {
				t.Fatalf("%v %q: after the round trip: %v (exact %v, want %v)", pair, q, err, rb.Exact, ra.Exact)
			}
		}
	}
	// The read index stays writable: adds, replaces and removes work as on the original.
	kk := got.Pair("ru", "kk")
	kk.Add(Entry{ID: 9001, Source: "Гостям.", Target: "x"})
	kk.Add(Entry{ID: 9002, Source: "Гостей.", Target: "y"})
	if r := kk.Lookup("Гостей.", 5, 100); len(r) != 1 || r[0].Target != "y" {
		t.Fatalf("after replacing 9001: %s", brief(r))
	}
	var again bytes.Buffer
	if err := got.WriteSnapshot(&again); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadSnapshot(&again, int64(again.Len())); err != nil {
		t.Fatal(err)
	}
}

func TestSnapshotRefusesDamage(t *testing.T) {
	var buf bytes.Buffer
	if err := snapshotMemory().WriteSnapshot(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	cases := map[string][]byte{
		"empty":     nil,
		"truncated": good[:len(good)/2],
		"no crc":    good[:len(good)-4],
		"flipped":   flip(good, len(good)/3),
		"version":   flip(good, len(snapshotMagic)),
		"magic":     flip(good, 0),
	}
	for name, b := range cases {
		if _, err := ReadSnapshot(bytes.NewReader(b), int64(len(b))); !errors.Is(err, ErrSnapshot) {
			t.Errorf("%s: err = %v, want ErrSnapshot", name, err)
		}
	}
}

func flip(b []byte, i int) []byte {
	c := bytes.Clone(b)
	c[i] ^= 0x41
	return c
}

// FuzzReadSnapshot: whatever the bytes, ReadSnapshot returns a memory or an error, never panics;
// a memory it returns answers lookups. The checksum is recomputed on the mutated bytes so that the
// structural checks, not only the checksum, are what the fuzzer meets.
func FuzzReadSnapshot(f *testing.F) {
	m := NewMemory()
	x := m.Pair("ru", "kk")
	x.AddBatch(syntheticEntries(40, 2))
	x.Add(Entry{ID: 99, Source: "Гостей.", Target: "t"})
	x.Remove(3)
	var buf bytes.Buffer
	if err := m.WriteSnapshot(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes()[:buf.Len()-4])
	f.Add([]byte(snapshotMagic))
	f.Fuzz(func(t *testing.T, body []byte) {
		b := append(bytes.Clone(body), 0, 0, 0, 0)
		sum := crc32Sum(body)
		b[len(body)], b[len(body)+1], b[len(body)+2], b[len(body)+3] = byte(sum), byte(sum>>8), byte(sum>>16), byte(sum>>24)
		got, err := ReadSnapshot(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			if !errors.Is(err, ErrSnapshot) {
				t.Fatalf("error does not wrap ErrSnapshot: %v", err)
			}
			return
		}
		got.mu.Lock()
		defer got.mu.Unlock()
		for _, x := range got.pairs {
			for _, q := range []string{"", "Гостей.", "а", fmt.Sprint(x.Len())} {
				x.Lookup(q, 5, 0)
			}
		}
	})
}
