package glossary

import "slices"

// MergePlan is what importing terms into a glossary changes: the terms to
// add, the terms to update, and how many of the imported terms were there
// already.
type MergePlan struct {
	Add []Term // new terms, in the order of the import
	// Update holds existing terms (ID set) with the target, note and
	// forbidden variants of the import.
	Update []Term
	// Duplicates counts imported terms identical to one already in the
	// glossary or earlier in the import.
	Duplicates int
}

// Merge plans the import of terms into a glossary holding existing, so
// that importing a file twice changes nothing the second time. Terms are
// compared as given (the caller normalises them); a term of the glossary
// that an imported term matched or updated is not updated again:
//   - an imported term equal to a term there in source, target, note and
//     forbidden variants is a duplicate;
//   - one with the source and target of a term there but another note or
//     variants updates that term;
//   - one whose source exactly one term there has, with another target,
//     updates that term's target (a corrected rendering);
//   - everything else is added, so that a file with two renderings of one
//     source ("банк": "банк" and "жағалау") keeps both.
func Merge(existing, terms []Term) MergePlan {
	var plan MergePlan
	// ref is a term of the merged glossary: existing[i], or plan.Add[i].
	type ref struct {
		added bool
		i     int
	}
	bySource := map[string][]ref{}
	for i, t := range existing {
		bySource[t.Source] = append(bySource[t.Source], ref{false, i})
	}
	used := make([]bool, len(existing)) // matched or updated by an imported term already
	get := func(r ref) Term {
		if r.added {
			return plan.Add[r.i]
		}
		return existing[r.i]
	}
	update := func(r ref, t Term) {
		t.ID = existing[r.i].ID
		used[r.i] = true
		plan.Update = append(plan.Update, t)
	}
	for _, t := range terms {
		refs := bySource[t.Source]
		same, sameTarget := -1, -1
		for j, r := range refs {
			if e := get(r); sameTerm(e, t) {
				same = j
				break
			} else if e.Target == t.Target && !r.added && !used[r.i] && sameTarget < 0 {
				sameTarget = j
			}
		}
		switch {
		case same >= 0:
			if r := refs[same]; !r.added {
				used[r.i] = true
			}
			plan.Duplicates++
		case sameTarget >= 0:
			update(refs[sameTarget], t)
		case len(refs) == 1 && !refs[0].added && !used[refs[0].i]:
			update(refs[0], t)
		default:
			t.ID = 0
			bySource[t.Source] = append(refs, ref{true, len(plan.Add)})
			plan.Add = append(plan.Add, t)
		}
	}
	return plan
}

// sameTerm compares two terms but their IDs.
func sameTerm(a, b Term) bool {
	return a.Source == b.Source && a.Target == b.Target && a.Note == b.Note && slices.Equal(a.Forbidden, b.Forbidden)
}
