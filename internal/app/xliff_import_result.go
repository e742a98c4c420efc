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

// XLIFFImportResult summarises an import.
type XLIFFImportResult struct {
	Document  int64           `json:"document"`
	Lang      string          `json:"lang"`
	Saved     int             `json:"saved"`
	Unchanged int             `json:"unchanged"`
	Conflicts []XLIFFConflict `json:"conflicts"`
	// Checks lists the findings of the saved texts, as a save through the
	// editor would show them; segments without findings are left out.
	Checks []SegmentChecks `json:"checks"`
}

// Summary is the one-line account the CLI prints.
func (r XLIFFImportResult) Summary() string {
	return fmt.Sprintf("saved %d, unchanged %d, conflicts %d", r.Saved, r.Unchanged, len(r.Conflicts))
}
