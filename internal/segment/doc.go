// Package segment turns source text into paragraphs and sentence segments, reports text-hygiene
// warnings, and aligns the segments of a new source revision with those of the previous one.
//
// Segmentation is rule based: a hand-written scanner finds candidate sentence ends (., ?, !, …
// and their combinations with closing quotes and brackets) and decides each one from data tables
// (abbreviations by class, words that begin sentences) and from the shape of the text around it
// (initials, numbers, addresses, quotations). The package is pure: no I/O beyond io.Reader and
// io.Writer, and no mutable package state.
package segment
