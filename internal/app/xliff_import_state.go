package app

import (
	"fmt"

	"tilmash/internal/apperr"
	"tilmash/internal/record"
	"tilmash/internal/workflow"
	"tilmash/internal/xliff"
)

// xliffState is what an import needs of a document: the segments of its
// current revision, their translations in the file's language, and where the
// file's units of earlier revisions went.
type xliffState struct {
	segs map[int64]record.Placed
	trs  map[int64]record.Translation
	// gone maps a unit's segment that left the document in a later revision
	// to the current segment deriving from it, 0 when the sentence was deleted.
	gone map[int64]int64
}

// xliffCurrent loads the segments of the document's current revision and
// their translations in lang, follows units of earlier revisions to their
// successors, and refuses a file naming a unit that was never the document's.
func xliffCurrent(tx Tx, doc record.Document, lang string, units []xliff.Unit) (xliffState, error) {
	cur, err := tx.PlacedSegments(doc.ID)
	if err != nil {
		return xliffState{}, err
	}
	st := xliffState{segs: make(map[int64]record.Placed, len(cur)), trs: make(map[int64]record.Translation, len(cur))}
	ids := make([]int64, len(cur))
	for i, sg := range cur {
		st.segs[sg.ID] = sg
		ids[i] = sg.ID
	}
	var missing []int64
	for _, u := range units {
		if _, ok := st.segs[u.SegmentID]; !ok {
			missing = append(missing, u.SegmentID)
		}
	}
	if len(missing) > 0 {
		parent, err := tx.SegmentParents(doc.ID)
		if err != nil {
			return xliffState{}, err
		}
		if st.gone, err = successors(doc, parent, cur, missing); err != nil {
			return xliffState{}, err
		}
	}
	for _, id := range ids {
		st.trs[id] = record.Translation{SegmentID: id, Lang: lang, State: string(workflow.Untranslated)}
	}
	rows, err := tx.TranslationsOfSegments(ids, lang)
	if err != nil {
		return xliffState{}, fmt.Errorf("load %s translations of document %d: %w", lang, doc.ID, err)
	}
	for _, t := range rows {
		st.trs[t.SegmentID] = t
	}
	return st, nil
}

// successors maps each of the missing segments (in none of cur, the current
// revision's) to the current segment deriving from it through parent (each
// segment of the document to the one it derives from), or to 0 when its
// sentence was deleted. A missing segment that never belonged to the
// document refuses the file.
func successors(doc record.Document, parent map[int64]int64, cur []record.Placed, missing []int64) (map[int64]int64, error) {
	gone := make(map[int64]int64, len(missing))
	for _, id := range missing {
		if _, ok := parent[id]; !ok {
			return nil, apperr.New(apperr.Invalid, "unit s%d is not a segment of the current revision (%d) of document %d; export the document again",
				id, doc.Revision, doc.ID).With("unit", fmt.Sprintf("s%d", id))
		}
		gone[id] = 0
	}
	// Walk up from each current segment, in revision order: the first one
	// reached from an old segment (split sentences) is its successor.
	for _, sg := range cur {
		for id, hops := parent[sg.ID], 0; id != 0 && hops < maxSuccession; id, hops = parent[id], hops+1 {
			if next, ok := gone[id]; ok && next == 0 {
				gone[id] = sg.ID
			}
		}
	}
	return gone, nil
}

// maxSuccession bounds the walk up a segment's derivations (one per revision).
const maxSuccession = 1000

// stale reports whether the translation changed since the export the unit
// comes from. A unit without a version is only trusted over untranslated text.
func stale(exported int, t record.Translation) bool {
	if exported < 0 {
		return workflow.State(t.State) != workflow.Untranslated
	}
	return exported != t.Version
}
