package segment

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestInspectAnnouncement(t *testing.T) {
	got := withoutArgs(t, Inspect(mustRead(t, "testdata/announcement.ru.txt")))
	want := []Warning{
		{4, 363, KindMixedScript, `The word "VUCAмире" mixes Latin and Cyrillic letters.`, nil},
		{8, 118, KindCombiningMark, `Stray combining mark U+0306 after "й" in "Государственной̆"; retype the letter without it.`, nil},
		{9, 126, KindUnbalancedQuotes, `The quotation mark "«" in "«Государственной" has no partner (the paragraph has 2 « and 1 »).`, nil},
		{10, 458, KindMissingSpace, `No space after the end of a sentence in "целей.Напомним,".`, nil},
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
			{1, 3, KindDoubleSpace, `2 spaces in a row in "Два  пробела.".`, nil},
			{2, 3, KindDoubleSpace, `3 spaces in a row in "Три   пробела.".`, nil},
		}},
		{"nbsp and space", "Цена\u00a0 100 тенге.", []Warning{
			{1, 4, KindDoubleSpace, `2 spaces in a row in "Цена\u00a0 100".`, nil},
		}},
		{"missing space after comma", "Слово,слово и 1,5 процента.", []Warning{
			{1, 6, KindMissingSpace, `No space after "," in "Слово,слово".`, nil},
		}},
		{"missing space after question", "Что дальше?Решение примут завтра.", []Warning{
			{1, 11, KindMissingSpace, `No space after the end of a sentence in "дальше?Решение".`, nil},
		}},
		{"homoglyph", "Наш сайт: Kaзaxcтaн.", []Warning{
			{1, 10, KindMixedScript, `The word "Kaзaxcтaн" mixes Latin and Cyrillic letters.`, nil},
		}},
		{"hyphenated compound is fine", "SMS-рассылка и e-mail.", nil},
		{"mark after space", "Знак \u0301 отдельно.", []Warning{
			{1, 5, KindCombiningMark, "Stray combining mark U+0301 after \" \" in \"\u0301\"; retype the letter without it.", nil},
		}},
		{"stress mark composes away", "Ударе\u0301ние.", []Warning{
			{1, 5, KindCombiningMark, "Stray combining mark U+0301 after \"е\" in \"Ударе\u0301ние.\"; retype the letter without it.", nil},
		}},
		{"arabic harakat are not stray", "مَرْحَبًا بِكُمْ", nil},
		{"closing guillemet alone", "Он сказал: да».", []Warning{
			{1, 13, KindUnbalancedQuotes, `The quotation mark "»" in "да»." has no partner (the paragraph has 0 « and 1 »).`, nil},
		}},
		{"straight quote alone", `Размер 5" экрана.`, []Warning{
			{1, 8, KindUnbalancedQuotes, `The quotation mark "\"" in "5\"" has no partner (the paragraph has 0 « and 0 »).`, nil},
		}},
		{"paragraph numbers skip blank lines", "Первый.\n\n\nВторой  абзац.", []Warning{
			{2, 6, KindDoubleSpace, `2 spaces in a row in "Второй  абзац.".`, nil},
		}},
		{"zero-width space", "Слово\u200bслово.", []Warning{
			{1, 5, KindInvisible, `Invisible character U+200B ZERO WIDTH SPACE in "Слово\u200bслово."; delete it or type what it stands for.`, nil},
		}},
		{"soft hyphens once per paragraph", "Госу\u00adдар\u00adство и ещё\u00adраз.", []Warning{
			{1, 4, KindInvisible, `Invisible character U+00AD SOFT HYPHEN, 3 times in the paragraph, first in "Госу\u00adдар\u00adство"; delete them or type what they stand for.`, nil},
		}},
		{"tab inside a line", "Итоги:\tпобеда.", []Warning{
			{1, 6, KindInvisible, `Invisible character U+0009 CHARACTER TABULATION in "Итоги:\tпобеда."; delete it or type what it stands for.`, nil},
		}},
		{"nbsp in typography is fine", "5\u00a0км и А.\u00a0Б. Иванов.", nil},
		{"nbsp at the start of a paragraph", "\u00a0Абзац.", []Warning{
			{1, 0, KindInvisible, `U+00A0 NO-BREAK SPACE at the start of the paragraph, by "Абзац."; it binds nothing there and is dropped on import.`, nil},
		}},
		{"nbsp at the end, leading tab tolerated", "Первый.\n\tАбзац.\u00a0\u00a0\n", []Warning{
			{2, 6, KindInvisible, `U+00A0 NO-BREAK SPACE at the end of the paragraph, by "Абзац."; it binds nothing there and is dropped on import.`, nil},
		}},
		{"doubled nbsp is a double space", "Цена\u00a0\u00a0100.", []Warning{
			{1, 4, KindDoubleSpace, `2 spaces in a row in "Цена\u00a0\u00a0100.".`, nil},
		}},
		{"byte order mark inside", "Начало\ufeffконец.", []Warning{
			{1, 6, KindInvisible, `Invisible character U+FEFF ZERO WIDTH NO-BREAK SPACE (byte order mark) in "Начало\ufeffконец."; delete it or type what it stands for.`, nil},
		}},
		{"leading byte order mark is stripped", "\ufeffТекст.", nil},
		{"bidi mark", "Текст\u200eтекст.", []Warning{
			{1, 5, KindInvisible, `Invisible character U+200E LEFT-TO-RIGHT MARK in "Текст\u200eтекст."; delete it or type what it stands for.`, nil},
		}},
		{"sorted by offset", "«Начало  и VUCAмир.", []Warning{
			{1, 0, KindUnbalancedQuotes, `The quotation mark "«" in "«Начало" has no partner (the paragraph has 1 « and 0 »).`, nil},
			{1, 7, KindDoubleSpace, `2 spaces in a row in "«Начало  и".`, nil},
			{1, 11, KindMixedScript, `The word "VUCAмир" mixes Latin and Cyrillic letters.`, nil},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := withoutArgs(t, Inspect(tc.text))
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

// withoutArgs checks that each warning's Args values are quoted in its message, then drops them
// (TestInspectArgs pins them).
func withoutArgs(t *testing.T, ws []Warning) []Warning {
	t.Helper()
	for i, w := range ws {
		for k, v := range w.Args {
			if k == "where" || (k == "count" && v == "1") {
				continue
			}
			if !strings.Contains(w.Message, v) && !strings.Contains(w.Message, strconv.Quote(v)) {
				t.Errorf("%s: arg %s=%q is not in the message %q", w.Kind, k, v, w.Message)
			}
		}
		ws[i].Args = nil
	}
	return ws
}

// TestInspectArgs pins the values warnings carry for localization.
func TestInspectArgs(t *testing.T) {
	got := Inspect("«Цена  5 VUCAмир,да­́.\n\u00a0Второй.")
	var args []map[string]string
	for _, w := range got {
		args = append(args, w.Args)
	}
	want := []map[string]string{
		{"mark": "«", "context": "«Цена", "opens": "1", "closes": "0"},
		{"count": "2", "context": "«Цена  5"},
		{"word": "VUCAмир"},
		{"mark": ",", "context": "VUCAмир,да\u00ad\u0301."},
		{"code_point": "U+00AD", "name": "SOFT HYPHEN", "count": "1", "context": "VUCAмир,да\u00ad\u0301."},
		{"code_point": "U+0301", "base": "\u00ad", "context": "VUCAмир,да\u00ad\u0301."},
		{"code_point": "U+00A0", "name": "NO-BREAK SPACE", "count": "1", "context": "Второй.", "where": "start"},
	}
	if !reflect.DeepEqual(args, want) {
		t.Errorf("Args\n got %q\nwant %q", args, want)
	}
}
