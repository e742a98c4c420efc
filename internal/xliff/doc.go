// Package xliff reads and writes XLIFF 2.1 and XLIFF 1.2 files so that
// translators can work on a document in their own CAT tools (memoQ, Trados,
// OmegaT) and bring the result back.
//
// The package is pure: Writer streams units to an io.Writer, Read parses a
// whole file from an io.Reader with a size limit. Comparing an imported file
// with the database (unknown units, languages, conflicts) is the caller's job;
// Read gives it the data: segment ids, targets, the exported versions.
//
// # Tilmash data in the files
//
// The segment id is the unit id ("s123"), so it survives tools that drop
// attributes they do not know. Everything else travels in attributes of the
// namespace urn:tilmash:xliff, which both schemas allow on these elements:
//
//	tl:document, tl:revision, tl:title  on <file>
//	tl:version                          on <unit> / <trans-unit>: the translation version exported
//	tl:state                            on <trans-unit> (1.2 only): the exact Tilmash state
//
// A unit without tl:version reads back with Version -1 (unknown). Paragraphs
// are groups with id "p<N>"; units outside such a group read back with
// Paragraph 0. Rejection comments and previous sources are notes with category
// (2.x) or from (1.2) "tilmash:rejection" and "tilmash:previous-source".
//
// # States
//
//	Tilmash       XLIFF 2 <segment>                 XLIFF 1.2 <target>, <trans-unit>
//	untranslated  initial, tilmash:untranslated     state="needs-translation", a copy of the source
//	                                                (FillSource) or empty (FillEmpty); "new" if it has text
//	rejected      initial, tilmash:rejected         state="needs-translation"
//	outdated      initial, tilmash:outdated         state="needs-review-translation"
//	translated    translated                        state="translated"
//	approved      reviewed                          state="signed-off", approved="yes"
//	published     final                             state="final", approved="yes"
//
// (XLIFF 2 shows state, then subState.)
//
// Reading maps back the other way; the standard state decides, the Tilmash
// hint (subState, tl:state) only refines it, because a tool may change the
// state and leave the hint behind. States of other tools map to the nearest
// class (1.2 "needs-review-*" to translated, "x-*" by whether there is text).
// The state read is advisory: a translator's changed target matters more.
// Unit.Done records whether the file's own state says the target is finished
// (1.2 translated, signed-off, final; 2.x translated, reviewed, final): an
// importer needs it to tell a translation equal to its source from a copy.
package xliff
