package segment

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestInspectAnnouncement(t *testing.T) {
	got := Inspect(mustRead(t, "testdata/announcement.ru.txt"))
	want := []Warning{
		{4, 363, KindMixedScript, `The word "VUCAмире" mixes Latin and Cyrillic letters.`},
		{8, 118, KindCombiningMark, `Stray combining mark U+0306 after "й" in "Государственной̆"; retype the letter without it.`},
		{9, 126, KindUnbalancedQuotes, `The quotation mark "«" in "«Государственной" has no partner (the paragraph has 2 « and 1 »).`},
		{10, 458, KindMissingSpace, `No space after the end of a sentence in "целей.Напомним,".`},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Inspect(announcement)\n got: %#v\nwant: %#v", got, want)
	}
	// The offsets point at what the message names.
	paras := For("ru").Split(mustRead(t, "testdata/announcement.ru.txt"))
	for _, w := range got {
		runes := []rune(paras[w.Paragraph-1].Text)
		if w.Offset >= len(runes) {
			t.Fatalf("%s offset %d beyond paragraph %d", w.Kind, w.Offset, w.Paragraph)
		}
		at := string(runes[w.Offset:min(w.Offset+8, len(runes))])
		wantAt := map[string]string{
			KindMixedScript:      "VUCAмире",
			KindCombiningMark:    "\u0306 корпор",
			KindUnbalancedQuotes: "«Государ",
			KindMissingSpace:     "Напомним",
		}[w.Kind]
		if at != wantAt {
			t.Errorf("%s at offset %d reads %q, want %q", w.Kind, w.Offset, at, wantAt)
		}
	}
}

func TestInspectKinds(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []Warning
	}{
		{"clean", "Всё в порядке. «Цитата» и (скобки).", nil},
		{"double space", "Два  пробела.\nТри   пробела.", []Warning{
			{1, 3, KindDoubleSpace, `2 spaces in a row in "Два  пробела.".`},
			{2, 3, KindDoubleSpace, `3 spaces in a row in "Три   пробела.".`},
		}},
		{"nbsp and space", "Цена\u00a0 100 тенге.", []Warning{
			{1, 4, KindDoubleSpace, `2 spaces in a row in "Цена\u00a0 100".`},
		}},
		{"missing space after comma", "Слово,слово и 1,5 процента.", []Warning{
			{1, 6, KindMissingSpace, `No space after "," in "Слово,слово".`},
		}},
		{"missing space after question", "Что дальше?Решение примут завтра.", []Warning{
			{1, 11, KindMissingSpace, `No space after the end of a sentence in "дальше?Решение".`},
		}},
		{"homoglyph", "Наш сайт: Kaзaxcтaн.", []Warning{
			{1, 10, KindMixedScript, `The word "Kaзaxcтaн" mixes Latin and Cyrillic letters.`},
		}},
		{"hyphenated compound is fine", "SMS-рассылка и e-mail.", nil},
		{"mark after space", "Знак \u0301 отдельно.", []Warning{
			{1, 5, KindCombiningMark, "Stray combining mark U+0301 after \" \" in \"\u0301\"; retype the letter without it."},
		}},
		{"stress mark composes away", "Ударе\u0301ние.", []Warning{
			{1, 5, KindCombiningMark, "Stray combining mark U+0301 after \"е\" in \"Ударе\u0301ние.\"; retype the letter without it."},
		}},
		{"arabic harakat are not stray", "مَرْحَبًا بِكُمْ", nil},
		{"closing guillemet alone", "Он сказал: да».", []Warning{
			{1, 13, KindUnbalancedQuotes, `The quotation mark "»" in "да»." has no partner (the paragraph has 0 « and 1 »).`},
		}},
		{"straight quote alone", `Размер 5" экрана.`, []Warning{
			{1, 8, KindUnbalancedQuotes, `The quotation mark "\"" in "5\"" has no partner (the paragraph has 0 « and 0 »).`},
		}},
		{"paragraph numbers skip blank lines", "Первый.\n\n\nВторой  абзац.", []Warning{
			{2, 6, KindDoubleSpace, `2 spaces in a row in "Второй  абзац.".`},
		}},
		{"sorted by offset", "«Начало  и VUCAмир.", []Warning{
			{1, 0, KindUnbalancedQuotes, `The quotation mark "«" in "«Начало" has no partner (the paragraph has 1 « and 0 »).`},
			{1, 7, KindDoubleSpace, `2 spaces in a row in "«Начало  и".`},
			{1, 11, KindMixedScript, `The word "VUCAмир" mixes Latin and Cyrillic letters.`},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Inspect(tc.text)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Inspect(%q)\n got: %#v\nwant: %#v", tc.text, got, tc.want)
			}
		})
	}
}

func TestWarningJSON(t *testing.T) {
	b, err := json.Marshal(Warning{Paragraph: 9, Offset: 126, Kind: KindUnbalancedQuotes, Message: "m"})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"paragraph":9,"offset":126,"kind":"unbalanced_quotes","message":"m"}`; string(b) != want {
		t.Errorf("json %s, want %s", b, want)
	}
}
