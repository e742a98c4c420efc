package tmsynth

// Queries returns n lookups of what translators look up in a memory of sources, in five equal
// parts: one-word variants of units in the memory, one-letter variants of them (a typo, an
// inflection), units of the memory itself, new sentences (mostly no match), and short units:
// one-letter variants of 1–4-word units of the memory alternating with new headings. The TM
// benchmarks and the comparison with PostgreSQL's pg_trgm share it, so both ask the same questions.
func (g *Generator) Queries(sources []string, n int) []string {
	out := make([]string, n)
	for i := range out {
		at := (i * 7919) % len(sources)
		switch i % 5 {
		case 0:
			out[i] = g.Variant(sources[at])
		case 1:
			out[i] = g.Letter(sources[at])
		case 2:
			out[i] = sources[(i*104729)%len(sources)]
		case 3:
			out[i] = g.Sentence()
		default:
			if i%10 == 4 {
				out[i] = g.Letter(sources[ShortAt(sources, at)])
			} else {
				out[i] = g.Heading()
			}
		}
	}
	return out
}

// ShortAt is the index of the first unit of 1–4 words at or after i (wrapping); i when there is none.
func ShortAt(sources []string, i int) int {
	for j := range sources {
		k := (i + j) % len(sources)
		if w := Words(sources[k]); w >= 1 && w <= 4 {
			return k
		}
	}
	return i
}
