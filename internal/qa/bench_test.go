package qa

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"unicode"
)

// benchInputs returns the announcement pairs with glossary hits, plus
// copies with seeded random damage (a digit swapped, a Latin look-alike, a
// lost final mark), so the benchmark also pays for reporting findings.
func benchInputs() []Input {
	rng := rand.New(rand.NewPCG(1, 2))
	var ins []Input
	for _, p := range cleanPairs {
		in := input(p.lang, p.source, p.target)
		ins = append(ins, in)
		r := []rune(in.Target)
		for k := 0; k < 3; k++ {
			i := rng.IntN(len(r))
			switch {
			case unicode.IsDigit(r[i]):
				r[i] = '0' + (r[i]-'0'+1)%10
			case r[i] == 'а':
				r[i] = 'a'
			case r[i] == 'o':
				r[i] = 'о'
			default:
				r = r[:len(r)-1]
			}
		}
		in.Target = string(r)
		ins = append(ins, in)
	}
	return ins
}

// BenchmarkCheck runs every check on one announcement sentence per
// iteration (half of them damaged).
func BenchmarkCheck(b *testing.B) {
	ins := benchInputs()
	var bytes int64
	for _, in := range ins {
		bytes += int64(len(in.Target))
	}
	b.SetBytes(bytes / int64(len(ins)))
	b.ReportAllocs()
	findings := 0
	for i := 0; b.Loop(); i++ {
		findings += len(Check(ins[i%len(ins)]))
	}
	if findings == 0 {
		b.Fatal("the damaged inputs produced no findings")
	}
}

// FuzzCheck checks that Check never panics, is deterministic and that every
// finding carries a known ID, its severity and a message.
func FuzzCheck(f *testing.F) {
	for _, p := range cleanPairs {
		f.Add(p.lang, p.source, p.target)
	}
	f.Add("ar", "1 000,5 «да»?", "\u202e١٬٠٠٠٫٥ «نعم؟\u2069")
	f.Add("uz", "16.07.2019", "16-iyul  2019 yil Tоshkent ")
	f.Add("xx", "", "\u200f")
	f.Fuzz(func(t *testing.T, lang, source, target string) {
		in := input(lang, source, target)
		first := Check(in)
		second := Check(in)
		if len(first) != len(second) {
			t.Fatalf("Check is not deterministic: %v vs %v", first, second)
		}
		for i, f := range first {
			if !reflect.DeepEqual(f, second[i]) {
				t.Fatalf("Check is not deterministic: %v vs %v", f, second[i])
			}
			if _, ok := severities[f.ID]; !ok || f.Severity != SeverityOf(f.ID) || f.Message == "" {
				t.Fatalf("bad finding %+v", f)
			}
		}
	})
}
