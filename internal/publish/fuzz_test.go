package publish

import "testing"

// FuzzCompare: whatever two releases hold, every newer segment is added,
// changed or unchanged, every older one removed, changed or unchanged, and
// each change names a segment of the right side.
func FuzzCompare(f *testing.F) {
	f.Add([]byte{1, 2, 3}, []byte{1, 3, 4}, []byte{0, 1, 0})
	f.Add([]byte{}, []byte{5, 5}, []byte{2})
	f.Add([]byte{7, 8}, []byte{}, []byte{})
	f.Fuzz(func(t *testing.T, oldIDs, newIDs, texts []byte) {
		seg := func(id byte, i int) DiffSegment {
			text := "t"
			if i < len(texts) && texts[i]%2 == 1 {
				text = "u"
			}
			// Segments derive from the id one below, so ancestry is exercised.
			return DiffSegment{ID: int64(id), Text: text, Lang: "kk", Ancestors: []int64{int64(id) - 1}}
		}
		dedupe := func(ids []byte) []DiffSegment {
			seen := map[byte]bool{}
			var out []DiffSegment
			for i, id := range ids {
				if !seen[id] {
					seen[id] = true
					out = append(out, seg(id, i))
				}
			}
			return out
		}
		older, newer := dedupe(oldIDs), dedupe(newIDs)
		d := Compare(older, newer)
		if d.Added+d.Changed+d.Unchanged != len(newer) || d.Removed+d.Changed+d.Unchanged != len(older) {
			t.Fatalf("counts %d/%d/%d/%d for %d older and %d newer", d.Added, d.Removed, d.Changed, d.Unchanged, len(older), len(newer))
		}
		if len(d.Changes) != d.Added+d.Removed+d.Changed {
			t.Fatalf("%d changes listed, %d counted", len(d.Changes), d.Added+d.Removed+d.Changed)
		}
		in := func(ss []DiffSegment, id int64) bool {
			for _, s := range ss {
				if s.ID == id {
					return true
				}
			}
			return false
		}
		for _, c := range d.Changes {
			if (c.Kind == Removed && !in(older, c.Segment)) || (c.Kind != Removed && !in(newer, c.Segment)) {
				t.Fatalf("change %+v names a segment of the wrong release", c)
			}
		}
	})
}
