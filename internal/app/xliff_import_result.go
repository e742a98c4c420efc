package app

import (
	"fmt"

	"tilmash/internal/qa"
	"tilmash/internal/workflow"
)

// XLIFFCurrent is a translation as Tilmash holds it now, shown beside a
// conflicting unit of an imported file.
type XLIFFCurrent struct {
	Target  string         `json:"target"`
	State   workflow.State `json:"state"`
	Version int            `json:"version"`
	Author  string         `json:"author"`
}

// ConflictReason says why a unit of an imported file was not saved.
type ConflictReason string

// The reasons a unit conflicts.
const (
	// TranslationChanged: someone changed the translation in Tilmash since
	// the export (another version, or any text when the file carries no
	// version) and the file brings another text.
	TranslationChanged ConflictReason = "translation_changed"
	// SourceChanged: the Russian sentence changed since the export; the
	// unit's segment belongs to an earlier revision of the document.
	SourceChanged ConflictReason = "source_changed"
)

// XLIFFConflict is a unit of an imported file that is reported, never saved.
// Its JSON:
//
//	id                the unit's segment (of the exported revision)
//	reason            "translation_changed" or "source_changed"
//	yours             the file's target text
//	exported_version  the version the file was exported at, -1 when it carried none
//	current           the translation Tilmash holds now: of segment id when the
//	                  translation changed; of the segment that derives from id
//	                  when the source changed (zero when there is none)
//	segment           source_changed only: the segment of the current revision
//	                  that derives from id; absent when the sentence was deleted
//	new_source        source_changed only: that segment's Russian sentence
type XLIFFConflict struct {
	ID              int64          `json:"id"`
	Reason          ConflictReason `json:"reason"`
	Yours           string         `json:"yours"`
	ExportedVersion int            `json:"exported_version"` // -1 when the file carried no version
	Current         XLIFFCurrent   `json:"current"`
	Segment         int64          `json:"segment,omitempty"`
	NewSource       string         `json:"new_source,omitempty"`
}

// SegmentChecks are the quality-check findings of one saved segment.
type SegmentChecks struct {
	ID     int64        `json:"id"`
	Checks []qa.Finding `json:"checks"`
}

// Outcome is what an import did with one unit of the file.
type Outcome string

// The outcomes; every unit of a file has exactly one.
const (
	// OutcomeSaved: the target was saved as a new version.
	OutcomeSaved Outcome = "saved"
	// OutcomeUnchanged: the target is the current text already.
	OutcomeUnchanged Outcome = "unchanged"
	// OutcomeCopiedSource: the target is a copy of the source (after NFC and
	// white space normalization) and the unit's state does not say it is
	// done: a CAT tool's placeholder, not a translation.
	OutcomeCopiedSource Outcome = "copied_source"
	// OutcomeEmpty: the unit has no target text.
	OutcomeEmpty Outcome = "empty"
	// OutcomeConflict: see XLIFFConflict; listed in Conflicts.
	OutcomeConflict Outcome = "conflict"
	// OutcomeRefused: the rules refuse the text (too long, for one).
	OutcomeRefused Outcome = "refused"
)

// XLIFFCounts counts the units of a file by outcome; they add up to the
// number of units.
type XLIFFCounts struct {
	Saved        int `json:"saved"`
	Unchanged    int `json:"unchanged"`
	CopiedSource int `json:"copied_source"`
	Empty        int `json:"empty"`
	Conflicts    int `json:"conflicts"`
	Refused      int `json:"refused"`
}

// XLIFFNotSaved is a unit of the file that was not saved, and why. Reason is
// an Outcome other than saved, or for conflicts the ConflictReason.
type XLIFFNotSaved struct {
	ID      int64  `json:"id"`
	Reason  string `json:"reason"`
	Message string `json:"message,omitempty"` // refused only: the rule's sentence
}

// XLIFFImportResult summarises an import.
type XLIFFImportResult struct {
	Document int64  `json:"document"`
	Lang     string `json:"lang"`
	// Saved and Unchanged repeat Counts, for clients of the first version.
	Saved     int         `json:"saved"`
	Unchanged int         `json:"unchanged"`
	Counts    XLIFFCounts `json:"counts"`
	// NotSaved lists every unit not saved, in file order, with its reason.
	NotSaved  []XLIFFNotSaved `json:"not_saved"`
	Conflicts []XLIFFConflict `json:"conflicts"`
	// Checks lists the findings of the saved texts, as a save through the
	// editor would show them; segments without findings are left out.
	Checks []SegmentChecks `json:"checks"`
}

// skip records the outcome of one unit that was not saved.
func (r *XLIFFImportResult) skip(id int64, o Outcome, message string) {
	switch o {
	case OutcomeUnchanged:
		r.Counts.Unchanged++
		r.Unchanged++
	case OutcomeCopiedSource:
		r.Counts.CopiedSource++
	case OutcomeEmpty:
		r.Counts.Empty++
	case OutcomeRefused:
		r.Counts.Refused++
	}
	r.NotSaved = append(r.NotSaved, XLIFFNotSaved{ID: id, Reason: string(o), Message: message})
}

// conflict records a unit that conflicts.
func (r *XLIFFImportResult) conflict(c XLIFFConflict) {
	r.Conflicts = append(r.Conflicts, c)
	r.Counts.Conflicts++
	r.NotSaved = append(r.NotSaved, XLIFFNotSaved{ID: c.ID, Reason: string(c.Reason)})
}

// saved records a saved unit.
func (r *XLIFFImportResult) saved() {
	r.Counts.Saved++
	r.Saved++
}

// Summary is the one-line account the CLI prints last: every outcome, also
// the ones that did not happen, so that scripts read one fixed shape.
func (r XLIFFImportResult) Summary() string {
	c := r.Counts
	return fmt.Sprintf("saved %d, unchanged %d, copied_source %d, empty %d, conflicts %d, refused %d",
		c.Saved, c.Unchanged, c.CopiedSource, c.Empty, c.Conflicts, c.Refused)
}
