package xliff

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// diffUnits reports every field that differs between two unit lists.
func diffUnits(t *testing.T, got, want []Unit) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d units, want %d", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		// Done is read from the file's state; TestReadDone checks it.
		g := got[i]
		g.Done = want[i].Done
		if g != want[i] {
			t.Errorf("unit %d:\n got %#v\nwant %#v", i, got[i], want[i])
		}
	}
}

type roundTripCase struct {
	name  string
	lang  string
	units []Unit
}

// roundTripCases are the documents that must survive Write then Read; the
// schema test validates their output too.
func roundTripCases() []roundTripCase {
	return []roundTripCase{
		{"kazakh sample", "kk", sampleUnitsKK()},
		{"arabic sample", "ar", sampleUnitsAR()},
		{"no units", "kk", nil},
		{"dari, no paragraphs", "fa-AF", []Unit{
			{SegmentID: 1, Source: "Один.", Target: "یک.", State: "translated", Version: 1},
			{SegmentID: 2, Source: "Два.", Target: "دو.", State: "approved", Version: 2},
		}},
		{"paragraph 0 between groups", "en", []Unit{
			{SegmentID: 1, Paragraph: 1, Source: "А.", Target: "A.", State: "translated", Version: 1},
			{SegmentID: 2, Source: "Б.", Target: "B.", State: "translated", Version: 1},
			{SegmentID: 3, Paragraph: 2, Source: "В.", Target: "V.", State: "translated", Version: 1},
		}},
		{"unknown version is not written", "en", []Unit{
			{SegmentID: 9, Paragraph: 1, Source: "Текст.", Target: "Text.", State: "translated", Version: -1},
		}},
		{"empty target in every state", "kk", []Unit{
			{SegmentID: 1, Paragraph: 1, Source: "а", State: "untranslated", Version: 0},
			{SegmentID: 2, Paragraph: 1, Source: "б", State: "translated", Version: 1},
			{SegmentID: 3, Paragraph: 1, Source: "в", State: "approved", Version: 1},
			{SegmentID: 4, Paragraph: 1, Source: "г", State: "rejected", Version: 1, Comment: "пусто"},
			{SegmentID: 5, Paragraph: 1, Source: "д", State: "outdated", Version: 1},
			{SegmentID: 6, Paragraph: 1, Source: "е", State: "published", Version: 1},
		}},
		{"whitespace and markup", "en", []Unit{
			{SegmentID: 1, Paragraph: 1, Source: "  два пробела  ", Target: " lead", State: "translated", Version: 1},
			{SegmentID: 2, Paragraph: 1, Source: "\t\n\r\n\r", Target: "\r", State: "translated", Version: 1},
			{SegmentID: 3, Paragraph: 1, Source: "]]> <![CDATA[ x ]]>", Target: "<!-- no --> &amp; &#x41;", State: "translated", Version: 1},
			{SegmentID: 4, Paragraph: 1, Source: `"'<>&`, Target: "' \" ' \"", State: "rejected", Version: 1, Comment: "  \"quoted\"\ttab\r\n", PreviousSource: "<b>old</b>"},
			{SegmentID: 5, Paragraph: 1, Source: " ", Target: " ", State: "translated", Version: 1},
		}},
		{"untranslated with text (prefilled)", "kk", []Unit{
			{SegmentID: 1, Paragraph: 1, Source: "Текст.", Target: "Текст.", State: "untranslated", Version: 0},
		}},
		{"unicode edges", "ar", []Unit{
			{SegmentID: 1, Paragraph: 1, Source: "\uFFFD\uFEFF\u200F\u202E", Target: "\U0010FFFD\U0001F600\uE000\uD7FF", State: "translated", Version: 1},
			{SegmentID: 9223372036854775807, Paragraph: 2147483647, Source: "max", Target: "max", State: "approved", Version: 2147483647},
		}},
	}
}

func TestRoundTrip(t *testing.T) {
	for _, c := range roundTripCases() {
		for _, f := range formats {
			t.Run(c.name+"/"+f.name, func(t *testing.T) {
				h := sampleHeader(c.lang)
				data := write(t, f.format, h, c.units)
				file, err := Read(bytes.NewReader(data), 0)
				if err != nil {
					t.Fatalf("Read: %v\n%s", err, data)
				}
				if file.Header != h {
					t.Errorf("Header = %+v, want %+v", file.Header, h)
				}
				diffUnits(t, file.Units, sourceCopies(f.format, c.units))
			})
		}
	}
}

// xmlRunes are the characters random texts are made of: mostly the scripts
// Tilmash works with and the characters XML treats specially, sometimes any
// character XML 1.0 allows.
var xmlRunes = []rune("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВ әғқңөұүһі ابتثجحخدذرزسشصضطظعغفقكلمنهوي ۰۱۲ پښځ \u200f\u200e&<>\"' ]]>\t\n\r —«»…")

func randomText(rng *rand.Rand) string {
	n := rng.IntN(40)
	var b strings.Builder
	for range n {
		if rng.IntN(8) == 0 {
			b.WriteRune(randomXMLRune(rng))
			continue
		}
		b.WriteRune(xmlRunes[rng.IntN(len(xmlRunes))])
	}
	return b.String()
}

// randomXMLRune draws from the whole range of characters XML 1.0 allows.
func randomXMLRune(rng *rand.Rand) rune {
	for {
		r := rune(rng.IntN(0x110000))
		if xmlChar(r) && utf8.ValidRune(r) {
			return r
		}
	}
}

var allStates = []string{"untranslated", "translated", "approved", "rejected", "outdated", "published"}

func randomUnits(rng *rand.Rand, n int) []Unit {
	units := make([]Unit, n)
	para := 0
	id := int64(0)
	for i := range units {
		if rng.IntN(3) == 0 {
			para++
		}
		id += 1 + rng.Int64N(1000)
		u := Unit{
			SegmentID: id,
			Paragraph: para,
			Source:    randomText(rng),
			Target:    randomText(rng),
			State:     allStates[rng.IntN(len(allStates))],
			Version:   rng.IntN(20) - 1,
		}
		if rng.IntN(4) == 0 {
			u.Comment = randomText(rng)
		}
		if rng.IntN(4) == 0 {
			u.PreviousSource = randomText(rng)
		}
		units[i] = u
	}
	return units
}

// TestRoundTripProperty: for random units of any XML-valid text, Read(Write(units)) == units.
func TestRoundTripProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 2026))
	for i := range 200 {
		units := randomUnits(rng, 1+rng.IntN(10))
		for _, f := range formats {
			h := sampleHeader("kk")
			h.Title = randomText(rng)
			data := write(t, f.format, h, units)
			file, err := Read(bytes.NewReader(data), 0)
			if err != nil {
				t.Fatalf("iteration %d %s: Read: %v\n%s", i, f.name, err, data)
			}
			if file.Header != h {
				t.Fatalf("iteration %d %s: Header = %+v, want %+v", i, f.name, file.Header, h)
			}
			if want := sourceCopies(f.format, units); !slices.Equal(withoutDone(file.Units), withoutDone(want)) {
				diffUnits(t, file.Units, want)
				t.Fatalf("iteration %d %s: units differ\n%s", i, f.name, data)
			}
		}
	}
}
