package segment

import (
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// externalFloor is the pass rate, in per mille, that each source of testdata/external must keep.
// It is a ratchet: raise a floor when the rules get better, never lower one.
var externalFloor = map[string]int{
	"languagetool":   1000,
	"pysbd":          1000,
	"razdel":         970,
	"rusenttokenize": 954,
	"ud-gsd":         987,
	"ud-poetry":      925,
	"ud-pud":         986,
	"ud-taiga":       981,
	// drawn from the train files of UD Russian-Taiga in 2026-12: the rules were changed looking
	// at the failures of the tune set only; the held-out set passed 860 ‰ before and after.
	// The bracketed-number and look-alike rules came later, after its failures had been read:
	// its floor since then is no held-out figure.
	"ud-taiga-train-tune":    915,
	"ud-taiga-train-holdout": 892,
	// the eight sources before the Taiga train sets, on which the rules were tuned
	"tuned": 973, // 980 before ud-poetry, a harder genre, joined the set
	"all":   952, // every source; 970 over the tuned eight before the Taiga train sets joined
}

// tunedSources are the sources of the "tuned" aggregate: those the rules were tuned on before
// the Taiga train sets joined, so that its floor keeps measuring the same cases.
var tunedSources = map[string]bool{
	"languagetool": true, "pysbd": true, "razdel": true, "rusenttokenize": true,
	"ud-gsd": true, "ud-poetry": true, "ud-pud": true, "ud-taiga": true,
}

// TestExternalCases measures the Russian rules on sentence-boundary cases that nobody in this
// project wrote (see testdata/external/README.md) and reports the pass rate per source. Expected
// segments are the sources' own; where they disagree with the rules, the case fails and counts
// against the rate instead of being edited. Run with -v to see the rates and the failures.
func TestExternalCases(t *testing.T) {
	paths, err := filepath.Glob("testdata/external/*.ru.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no external fixtures: %v", err)
	}
	ru := For("ru")
	total, passed := 0, 0
	tunedTotal, tunedPassed := 0, 0
	var report []string
	for _, path := range paths {
		source := strings.TrimSuffix(filepath.Base(path), ".ru.txt")
		cases := readFixture(t, path)
		ok := 0
		for _, tc := range cases {
			got := ru.Sentences(tc.input)
			if reflect.DeepEqual(got, tc.want) {
				ok++
				continue
			}
			t.Logf("%s: %s\n got: %q\nwant: %q", source, tc.name, got, tc.want)
		}
		total += len(cases)
		passed += ok
		if tunedSources[source] {
			tunedTotal += len(cases)
			tunedPassed += ok
		}
		report = append(report, rateLine(source, ok, len(cases)))
		checkFloor(t, source, ok, len(cases))
	}
	sort.Strings(report)
	report = append(report, rateLine("tuned", tunedPassed, tunedTotal), rateLine("all", passed, total))
	t.Log("pass rate per source:\n" + strings.Join(report, "\n"))
	checkFloor(t, "tuned", tunedPassed, tunedTotal)
	checkFloor(t, "all", passed, total)
	if total < 300 {
		t.Errorf("only %d external cases, want at least 300", total)
	}
}

func rateLine(source string, ok, n int) string {
	return fmt.Sprintf("%-22s %3d/%3d  %5.1f %%", source, ok, n, 100*float64(ok)/float64(n))
}

func checkFloor(t *testing.T, source string, ok, n int) {
	t.Helper()
	floor, known := externalFloor[source]
	if !known {
		t.Errorf("source %s has no floor in externalFloor", source)
		return
	}
	if permille := ok * 1000 / n; permille < floor {
		t.Errorf("%s: %d of %d cases pass (%d ‰), below the floor of %d ‰", source, ok, n, permille, floor)
	}
}
