package segment

// StepKind says what a new revision does with one of its sentences.
type StepKind string

// The kinds of Step.
const (
	// Kept: the sentence is identical to one of the current revision; its segment stays.
	Kept StepKind = "kept"
	// Restored: the sentence is identical to one of an earlier revision of the same document;
	// that segment comes back with its translations as they were.
	Restored StepKind = "restored"
	// Changed: the sentence derives from a current one (corrected, split or joined); a new
	// segment carries the old translations over as outdated.
	Changed StepKind = "changed"
	// Added: a sentence with no origin.
	Added StepKind = "added"
)

// Step is where one sentence of a new revision comes from. Old indexes the current revision's
// sentences (-1: none): for Kept the identical one, for Changed the one it derives from, for
// Restored the one it replaces, if any. Earlier indexes the earlier sentences (Restored only,
// else -1).
type Step struct {
	Kind    StepKind
	Old     int
	Earlier int
}

// Revise plans a new revision: each sentence of next is kept from current, restored from
// earlier (sentences of the document's earlier revisions that the current one no longer
// places, most recent first), derived from a current one (see Align) or added. Identity wins
// over similarity, so a paragraph put back as it was finds its old sentences rather than their
// corrections; earlier duplicates pair in order, so no sentence is restored twice.
func Revise(current, earlier, next []string) []Step {
	links := Align(current, next)
	byText := make(map[string][]int, len(earlier))
	for i, t := range earlier {
		byText[t] = append(byText[t], i)
	}
	steps := make([]Step, len(next))
	for j, l := range links {
		switch {
		case l.Same:
			steps[j] = Step{Kind: Kept, Old: l.Old, Earlier: -1}
		case len(byText[next[j]]) > 0:
			q := byText[next[j]]
			steps[j] = Step{Kind: Restored, Old: l.Old, Earlier: q[0]}
			byText[next[j]] = q[1:]
		case l.Old >= 0:
			steps[j] = Step{Kind: Changed, Old: l.Old, Earlier: -1}
		default:
			steps[j] = Step{Kind: Added, Old: -1, Earlier: -1}
		}
	}
	return steps
}

// Removed lists the indexes of current sentences that no step of a plan keeps or derives
// from: they leave the document with no successor. One replaced by a restored sentence is
// removed too (the restored sentence has its own segment and translations).
func Removed(current int, steps []Step) []int {
	used := make([]bool, current)
	for _, s := range steps {
		if s.Kind == Kept || s.Kind == Changed {
			used[s.Old] = true
		}
	}
	var out []int
	for i, u := range used {
		if !u {
			out = append(out, i)
		}
	}
	return out
}
