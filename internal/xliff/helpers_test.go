package xliff

import (
	"bytes"
	"testing"
)

// write renders units with a fresh Writer and fails the test on any error.
func write(tb testing.TB, f Format, h Header, units []Unit) []byte {
	tb.Helper()
	var b bytes.Buffer
	w, err := NewWriter(&b, f, h)
	if err != nil {
		tb.Fatalf("NewWriter: %v", err)
	}
	for _, u := range units {
		if err := w.WriteUnit(u); err != nil {
			tb.Fatalf("WriteUnit(%d): %v", u.SegmentID, err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatalf("Close: %v", err)
	}
	return b.Bytes()
}

// formats lists the formats with the file name part used in testdata.
var formats = []struct {
	format Format
	name   string
}{
	{V21, "v21"},
	{V12, "v12"},
}

// sourceCopies is what units written as XLIFF 1.2 with the default
// FillSource read back as: a unit without translation has a copy of its
// source as target.
func sourceCopies(f Format, units []Unit) []Unit {
	if f != V12 {
		return units
	}
	out := make([]Unit, len(units))
	for i, u := range units {
		if u.Target == "" && open(u.State) {
			u.Target = u.Source
		}
		out[i] = u
	}
	return out
}
