// Package tmxtest makes TMX 1.4b documents for the tests of every package
// that imports translation memories.
package tmxtest

import (
	"fmt"
	"strings"
)

// Doc wraps <tu> elements in a TMX 1.4b document whose source language is
// Russian; the first <tu> is on line 5.
func Doc(tus ...string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ru" datatype="plaintext"/>
  <body>
` + strings.Join(tus, "\n") + `
  </body>
</tmx>
`
}

// TU is one Russian–Kazakh unit made by another tool in 2024.
func TU(ru, kk string) string {
	return `<tu creationid="oldtool" creationdate="20240102T030405Z"><tuv xml:lang="ru"><seg>` + ru + `</seg></tuv><tuv xml:lang="kk-KZ"><seg>` + kk + `</seg></tuv></tu>`
}

// ManyUnits makes n distinct units.
func ManyUnits(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = TU(fmt.Sprintf("Предложение номер %d.", i), fmt.Sprintf("%d-сөйлем.", i))
	}
	return out
}
