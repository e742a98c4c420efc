// Package tmx reads and writes TMX 1.4b translation memories as streams: a <tu> at a time through
// encoding/xml tokens, so a memory of any size passes with memory bounded by its largest unit.
package tmx
