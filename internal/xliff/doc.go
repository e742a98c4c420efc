// Package xliff reads and writes XLIFF 2.1 and XLIFF 1.2 files so that
// translators can work on a document in their own CAT tools (memoQ, Trados,
// OmegaT) and bring the result back.
//
// The package is pure: it streams units to an io.Writer and parses a whole
// file from an io.Reader; comparing an imported file with the database is the
// caller's job. Tilmash data that XLIFF has no place for travels in attributes
// of the namespace urn:tilmash:xliff, which both schemas allow on <file>,
// <unit> and <trans-unit>:
//
//	tl:document, tl:revision, tl:title  on <file>
//	tl:version                          on <unit> / <trans-unit>: the translation version exported
//	tl:state                            on <trans-unit> (1.2 only): the exact Tilmash state
//
// The segment id is the unit id itself ("s123"), so it survives tools that
// drop foreign attributes; a unit without tl:version reads back with
// Version -1 (unknown).
package xliff
