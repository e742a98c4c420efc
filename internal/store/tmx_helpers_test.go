package store

import (
	"fmt"
	"strings"
)

// tmxDoc wraps <tu> elements in a TMX 1.4b document; the first <tu> is on line 5.
func tmxDoc(tus ...string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ru" datatype="plaintext"/>
  <body>
` + strings.Join(tus, "\n") + `
  </body>
</tmx>
`
}

func tu(ru, kk string) string {
	return `<tu creationid="oldtool" creationdate="20240102T030405Z"><tuv xml:lang="ru"><seg>` + ru + `</seg></tuv><tuv xml:lang="kk-KZ"><seg>` + kk + `</seg></tuv></tu>`
}

// manyUnits makes n distinct units.
func manyUnits(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = tu(fmt.Sprintf("Предложение номер %d.", i), fmt.Sprintf("%d-сөйлем.", i))
	}
	return out
}
