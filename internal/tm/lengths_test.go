package tm

import (
	"bytes"
	"fmt"
	"testing"
)

// TestKeyLengths: keyLen, which lookups read instead of the key records, gives every key's length
// after a build, after adds and removes since, and after a snapshot round trip, including blocks
// of several lengths and keys too long for klen.
func TestKeyLengths(t *testing.T) {
	m := NewMemory()
	x := m.Pair("ru", "kk")
	es := syntheticEntries(5000, 4)
	for i := range 3000 { // keys of one length: blocks of a single length
		es = append(es, Entry{ID: int64(100_000 + i), Source: fmt.Sprintf("Статья %d", 1000+i), Target: "t"})
	}
	es = append(es, Entry{ID: 90001, Source: string(bytes.Repeat([]byte("д"), 70_000)), Target: "long"})
	x.AddBatch(es)
	for id := int64(1); id < 5000; id += 11 {
		x.Remove(id)
	}
	x.Add(Entry{ID: 90002, Source: "Гостей.", Target: "t"})
	x.Add(Entry{ID: 90003, Source: string(bytes.Repeat([]byte("ж"), 66_000)), Target: "long"})
	check := func(label string, x *Index) {
		t.Helper()
		mixed := 0
		for _, l := range x.blockLen {
			if l == longKey {
				mixed++
			}
		}
		if mixed == 0 || mixed == len(x.blockLen) {
			t.Errorf("%s: %d of %d blocks mixed: the test covers both kinds only with some of each", label, mixed, len(x.blockLen))
		}
		for k := range x.keys {
			if got, want := x.keyLen(int32(k)), int(x.keys[k].length); got != want {
				t.Fatalf("%s: key %d: keyLen %d, want %d", label, k, got, want)
			}
		}
	}
	check("built", x)
	var buf bytes.Buffer
	if err := m.WriteSnapshot(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := ReadSnapshot(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	check("read", got.Pair("ru", "kk"))
}
