package qa

import (
	"reflect"
	"testing"
)

// TestCATChecks pins the checks CAT users know from translate-toolkit's
// pofilter: each with a case it reports and a case it lets pass.
func TestCATChecks(t *testing.T) {
	tests := []struct {
		name                 string
		lang, source, target string
		want                 []Finding
	}{
		// addresses added or dropped
		{"e-mail dropped", "en", "Пишите на press@mfa.kz.", "Write to us.",
			[]Finding{e(IDAddressMissing, `The e-mail address "press@mfa.kz" from the source is missing in the target.`)}},
		{"url dropped", "kk", "Подробнее на https://www.gov.kz/memleket.", "Толығырақ ақпарат ресми сайтта.",
			[]Finding{e(IDAddressMissing, `The web address "https://www.gov.kz/memleket" from the source is missing in the target.`)}},
		{"url added", "en", "Подробнее на сайте.", "More at www.gov.kz.",
			[]Finding{w(IDAddressExtra, `The target has the web address "www.gov.kz", which is not in the source.`)}},
		{"e-mail added", "kk", "Пишите нам.", "Бізге info@mfa.kz жазыңыз.",
			[]Finding{w(IDAddressExtra, `The target has the e-mail address "info@mfa.kz", which is not in the source.`)}},
		{"addresses kept", "en", "Пишите на press@mfa.kz или смотрите www.gov.kz.", "Write to press@mfa.kz or see www.gov.kz.", nil},
		{"changed is not also extra", "en", "Пишите на press@mfa.kz.", "Write to press@mfa.com.",
			[]Finding{e(IDAddressChanged, `The e-mail address "press@mfa.kz" in the source appears as "press@mfa.com" in the target; an address must stay as it is.`)}},

		// repeated words
		{"repeated preposition", "ky", "Встреча в Бишкеке.", "Жолугушуу в в Бишкекте.",
			[]Finding{w(IDRepeatedWord, `The word "в" is repeated: "в в".`)}},
		{"repeated in any case", "en", "Министр выступил.", "The the minister spoke.",
			[]Finding{w(IDRepeatedWord, `The word "The" is repeated: "The the".`)}},
		{"repeated twice", "kk", "Министр выступил.", "Министр министр сөз сөз сөйледі.",
			[]Finding{w(IDRepeatedWord, `Words are repeated in 2 places, the first "Министр": "Министр министр".`)}},
		{"punctuation between is no repeat", "en", "Да, да.", "Yes. Yes.", nil},
		{"repeat the source has too", "en", "Концерт группы «Duran Duran»", "A concert of “Duran Duran”",
			nil},
		{"numbers are the number check's", "en", "10 10", "10 10", nil},
		{"no repeat", "kk", "Встреча в Бишкеке.", "Бішкекте кездесу өтті.", nil},

		// quotes added or unbalanced
		{"quotes added", "en", "Он сказал да.", `He said "yes".`,
			[]Finding{w(IDQuotesAdded, `The target has quotation marks the source does not have.`)}},
		{"a second pair added", "en", "Программа «Цифровой Казахстан».", "The “Digital Kazakhstan” “programme”.",
			[]Finding{w(IDQuotesAdded, `The target has 2 pairs of quotation marks, the source 1.`)}},
		{"style change is fine", "en", "Корпорация «Правительство для граждан»", "“Government for Citizens” State Corporation", nil},
		{"nested single quotes are fine", "en", "Он сказал: «Это „Нұр Отан“».", "He said: “This is ‘Nur Otan’”.", nil},
		{"dropped quotes are fine", "en", "АО «Казахтелеком»", "Kazakhtelecom JSC", nil},
		{"apostrophe is no quote", "en", "Программа «Рухани жаңғыру»", "Kazakhstan’s “Rukhani Zhangyru” programme", nil},
		{"unbalanced is the bracket check's", "kk", "Корпорация «Правительство для граждан»", "«Азаматтарға арналған үкімет мемлекеттік корпорациясы",
			[]Finding{w(IDBrackets, `The target opens "«" without closing it: "«Азаматтарға арналған…".`)}},

		// double spaces
		{"double space", "ky", "Встреча в Бишкеке.", "Жолугушуу  Бишкекте.",
			[]Finding{w(IDSpaces, `The target has a double space after "Жолугушуу".`)}},
		{"double nbsp", "en", "Встреча в Бишкеке.", "A meeting in\u00a0\u00a0Bishkek.",
			[]Finding{w(IDSpaces, `The target has a double space after "A meeting in".`)}},
		{"single spaces", "ky", "Встреча в Бишкеке.", "Жолугушуу Бишкекте.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Check(input(tt.lang, tt.source, tt.target))
			for i := range got {
				got[i].Args = nil
			}
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got%s\nwant%s", dump(got), dump(tt.want))
			}
		})
	}
}

// TestCATCheckArgs pins the values the new findings carry for the
// interface's wording.
func TestCATCheckArgs(t *testing.T) {
	type m = map[string]string
	tests := []struct {
		name, lang, source, target string
		want                       m
	}{
		{"address extra", "en", "Подробнее на сайте.", "More at www.gov.kz.", m{"kind": "web address", "address": "www.gov.kz"}},
		{"repeated word", "ky", "Встреча в Бишкеке.", "Жолугушуу в в Бишкекте.", m{"word": "в", "count": "1", "context": "в в"}},
		{"quotes added", "en", "Он сказал да.", `He said "yes".`, m{"source_count": "0", "target_count": "1"}},
	}
	for _, tt := range tests {
		got := Check(input(tt.lang, tt.source, tt.target))
		if len(got) != 1 || !reflect.DeepEqual(got[0].Args, tt.want) {
			t.Errorf("%s: got%s %v, want %v", tt.name, dump(got), got, tt.want)
		}
	}
}
