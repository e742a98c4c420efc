package publish

// DiffSegment is one segment of a release as Compare needs it.
type DiffSegment struct {
	ID      int64
	Source  string
	Text    string
	Lang    string
	Version int
	// Ancestors are the segments this one derives from through source
	// revisions, nearest first (a changed Russian sentence is a new segment).
	// Compare uses them in either direction, so a diff may go back in time.
	Ancestors []int64
}

// Change kinds.
const (
	Changed = "changed" // the same sentence (or its revised source) with another text
	Added   = "added"   // a sentence the older release does not have
	Removed = "removed" // a sentence the newer release no longer has
)

// Change is one difference between two releases.
type Change struct {
	Kind    string `json:"kind"`
	Segment int64  `json:"segment"`
	// Previous is the older release's segment a changed one derives from,
	// when the Russian source was revised in between.
	Previous      int64  `json:"previous_segment,omitempty"`
	SourceChanged bool   `json:"source_changed,omitempty"`
	OldSource     string `json:"old_source,omitempty"`
	NewSource     string `json:"new_source,omitempty"`
	OldText       string `json:"old_text,omitempty"`
	NewText       string `json:"new_text,omitempty"`
	OldLang       string `json:"old_lang,omitempty"`
	NewLang       string `json:"new_lang,omitempty"`
}

// Diff lists the changes from one release to another, in the newer release's
// order with removed segments last, and counts them.
type Diff struct {
	Changes   []Change `json:"changes"`
	Changed   int      `json:"changed"`
	Added     int      `json:"added"`
	Removed   int      `json:"removed"`
	Unchanged int      `json:"unchanged"`
}

// Compare finds which segments changed, were added or were removed between
// an older and a newer release of the same document and language. Segments
// match by id, or through their ancestors when the source was revised; the
// text and its language decide whether a match changed.
func Compare(older, newer []DiffSegment) Diff {
	oldIdx := make(map[int64]int, len(older))
	for i, s := range older {
		oldIdx[s.ID] = i
	}
	used := make([]bool, len(older))
	// Direct matches first, so an ancestor never steals a segment that is
	// still present under its own id.
	match := make([]int, len(newer))
	for i, s := range newer {
		match[i] = -1
		if j, ok := oldIdx[s.ID]; ok && !used[j] {
			match[i], used[j] = j, true
		}
	}
	// Then derivations: forward (the newer segment derives from an older
	// one) or, when comparing back in time, the other way round.
	descendant := make(map[int64]int, len(older))
	for j, o := range older {
		for _, a := range o.Ancestors {
			if _, ok := descendant[a]; !ok {
				descendant[a] = j
			}
		}
	}
	for i, s := range newer {
		if match[i] >= 0 {
			continue
		}
		for _, a := range s.Ancestors {
			if j, ok := oldIdx[a]; ok && !used[j] {
				match[i], used[j] = j, true
				break
			}
		}
		if j, ok := descendant[s.ID]; ok && match[i] < 0 && !used[j] {
			match[i], used[j] = j, true
		}
	}
	d := Diff{Changes: []Change{}}
	for i, n := range newer {
		if match[i] < 0 {
			d.Added++
			d.Changes = append(d.Changes, Change{Kind: Added, Segment: n.ID, NewSource: n.Source, NewText: n.Text, NewLang: n.Lang})
			continue
		}
		o := older[match[i]]
		if o.ID == n.ID && o.Text == n.Text && o.Lang == n.Lang {
			d.Unchanged++
			continue
		}
		c := Change{Kind: Changed, Segment: n.ID, OldText: o.Text, NewText: n.Text, OldLang: o.Lang, NewLang: n.Lang}
		if o.ID != n.ID {
			c.Previous, c.SourceChanged, c.OldSource, c.NewSource = o.ID, true, o.Source, n.Source
		}
		d.Changed++
		d.Changes = append(d.Changes, c)
	}
	for j, o := range older {
		if !used[j] {
			d.Removed++
			d.Changes = append(d.Changes, Change{Kind: Removed, Segment: o.ID, OldSource: o.Source, OldText: o.Text, OldLang: o.Lang})
		}
	}
	return d
}
