package publish

import (
	"fmt"
	"strings"
	"testing"
)

func TestTake(t *testing.T) {
	cs := func(approved ...bool) []Candidate {
		out := make([]Candidate, len(approved))
		for i, a := range approved {
			out[i] = Candidate{SegmentID: int64(i + 1), Paragraph: 1, Position: i + 1, Source: fmt.Sprintf("src%d", i+1),
				Text: fmt.Sprintf("tgt%d", i+1), Approved: a, Version: 2}
		}
		return out
	}
	for _, c := range []struct {
		name    string
		cs      []Candidate
		partial bool
		ok      bool
		missing string
		texts   string
	}{
		{"all approved", cs(true, true), false, true, "[]", "tgt1/kk/2 tgt2/kk/2"},
		{"gap refused", cs(true, false, false), false, false, "[2 3]", ""},
		{"gap waived", cs(true, false), true, true, "[2]", "tgt1/kk/2 src2/ru/0"},
		{"nothing approved, waived", cs(false, false), true, false, "[1 2]", ""},
		{"empty document", nil, true, false, "[]", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			taken, missing, ok := Take("kk", c.cs, c.partial)
			var texts []string
			for _, x := range taken {
				texts = append(texts, fmt.Sprintf("%s/%s/%d", x.Text, x.Lang, x.Version))
			}
			if ok != c.ok || fmt.Sprint(append([]int64{}, missing...)) != c.missing || strings.Join(texts, " ") != c.texts {
				t.Errorf("Take = %v %v %v, want %s %v %s", texts, missing, ok, c.texts, c.ok, c.missing)
			}
		})
	}
}

func TestSame(t *testing.T) {
	a := []Taken{{SegmentID: 1, Paragraph: 1, Position: 1, Text: "a", Lang: "kk", Version: 2}}
	b := []Taken{{SegmentID: 1, Paragraph: 1, Position: 1, Text: "a", Lang: "kk", Version: 4, Source: "other"}}
	if !Same(a, b) {
		t.Error("versions and sources alone made releases differ")
	}
	for _, change := range []func(*Taken){
		func(x *Taken) { x.Text = "b" }, func(x *Taken) { x.Lang = "ru" }, func(x *Taken) { x.SegmentID = 2 },
		func(x *Taken) { x.Paragraph = 2 }, func(x *Taken) { x.Position = 2 },
	} {
		c := []Taken{a[0]}
		change(&c[0])
		if Same(a, c) {
			t.Errorf("%+v is the same as %+v", c[0], a[0])
		}
	}
	if Same(a, nil) {
		t.Error("a release is the same as an empty one")
	}
}

func TestWaiver(t *testing.T) {
	for _, c := range []struct {
		allow  bool
		reason string
		want   string
		err    string
	}{
		{false, "", "", ""},
		{true, "  Делегации приезжают завтра \n", "Делегации приезжают завтра", ""},
		{true, "e\u0301", "\u00e9", ""}, // NFC
		{true, " ", "", `a partial release needs a "reason": say why it cannot wait for every translation`},
		{false, "x", "", `"reason" is only for a partial release; send "allow_partial": true with it`},
		{true, strings.Repeat("ж", 1001), "", `"reason" is 1001 characters long; at most 1000 are allowed`},
	} {
		got, err := Waiver(c.allow, c.reason)
		if (err == nil && (c.err != "" || got != c.want)) || (err != nil && err.Error() != c.err) {
			t.Errorf("Waiver(%v, %q) = %q, %v; want %q, %s", c.allow, c.reason, got, err, c.want, c.err)
		}
	}
	if _, err := WithdrawalReason(" \t"); err == nil || err.Error() != `"reason" is required: readers of the withdrawn release will see it` {
		t.Errorf("WithdrawalReason(blank) error = %v", err)
	}
}
