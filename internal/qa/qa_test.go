package qa

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"tilmash/internal/glossary"
)

// glossaries are the seed glossaries, compiled once for the tests.
var glossaries = map[string]*glossary.Glossary{
	"en": glossary.New(glossary.Seed("en")),
	"kk": glossary.New(glossary.Seed("kk")),
}

// input builds an Input with the glossary hits of the source, as the server
// will.
func input(lang, source, target string) Input {
	in := Input{Source: source, Target: target, Lang: lang}
	if g := glossaries[lang]; g != nil {
		in.Terms = g.Match(source)
	}
	return in
}

func e(id, msg string) Finding { return Finding{ID: id, Severity: Error, Message: msg} }
func w(id, msg string) Finding { return Finding{ID: id, Severity: Warning, Message: msg} }

func TestCheck(t *testing.T) {
	tests := []struct {
		name                 string
		lang, source, target string
		want                 []Finding
	}{
		// numbers
		{"dropped 2030", "en", "Повестка дня в области устойчивого развития до 2030 года", "The Agenda for Sustainable Development",
			[]Finding{
				e(IDNumberMissing, `The number "2030" from the source is missing in the target.`),
				w(IDGlossaryMissing, `The glossary gives "2030 Agenda for Sustainable Development" for "Повестка дня в области устойчивого развития до 2030 года", but the target does not contain it.`),
			}},
		{"27 written as 72", "en", "С 27 по 29 ноября пройдет семинар.", "From 72 to 29 November, a seminar will be held.",
			[]Finding{e(IDNumberChanged, `The number "27" in the source appears as "72" in the target.`)}},
		{"extra number", "en", "В Алматы прошел семинар.", "A seminar was held in Almaty in 2019.",
			[]Finding{w(IDNumberExtra, `The target has the number "2019", which is not in the source.`)}},
		{"a number twice needs two", "kk", "2030 и 2030", "2030 және",
			[]Finding{e(IDNumberMissing, `The number "2030" from the source is missing in the target.`)}},
		{"grouping en", "en", "1 000 человек, 2,5 млн тенге, 16.07.2019", "1,000 people, 2.5 million tenge, 16 July 2019", nil},
		{"numeric date for a month name", "en", "16 июля 2019 года", "on 16.07.2019", nil},
		{"US date order", "en", "16.07.2019", "07/16/2019", nil},
		{"grouping nl", "nl", "1 000 человек и 2,5 млн тенге", "1.000 mensen en 2,5 miljoen tenge", nil},
		{"grouping kk nbsp", "kk", "1 000 000 адам", "1\u00a0000\u00a0000 адам", nil},
		{"arabic-indic digits", "ar", "1 000 человек и 2,5 млн", "١٬٠٠٠ شخص و٢٫٥ مليون", nil},
		{"persian digits", "fa-AF", "С 27 по 29 ноября", "از ۲۷ تا ۲۹ نوامبر", nil},
		{"persian digits are not digits in English", "en", "До 2030 года", "Until ۲۰۳۰",
			[]Finding{e(IDNumberMissing, `The number "2030" from the source is missing in the target.`)}},
		{"decimal changed", "en", "рост на 2,5 процента", "growth of 25 per cent",
			[]Finding{e(IDNumberChanged, `The number "2,5" in the source appears as "25" in the target.`)}},

		// punctuation and brackets
		{"missing question mark", "en", "Когда пройдет семинар?", "When will the seminar take place.",
			[]Finding{w(IDSentenceEnd, `The source ends with "?" but the target ends with ".".`)}},
		{"arabic question mark", "ar", "Когда?", "متى؟", nil},
		{"ellipsis as three dots", "en", "И так далее…", "And so on...", nil},
		{"exclamation lost", "kk", "Добро пожаловать!", "Қош келдіңіздер",
			[]Finding{w(IDSentenceEnd, `The source ends with "!" but the target has no closing punctuation.`)}},
		{"final quote is looked past", "en", "Он сказал: «Да?»", "He said: “Yes?”", nil},
		{"unbalanced guillemet", "kk", "Корпорация «Правительство для граждан»", "«Азаматтарға арналған үкімет мемлекеттік корпорациясы",
			[]Finding{w(IDBrackets, `The target opens "«" without closing it: "«Азаматтарға арналған…".`)}},
		{"closer without opener", "en", "Семинар (ноябрь)", "Seminar November)",
			[]Finding{w(IDBrackets, `The target closes ")" without opening it, after "Seminar November".`)}},
		{"german-style quotes balance", "nl", "Он сказал «да»", "Hij zei „ja“", nil},
		{"unbalanced source mirrored", "en", "НАО «Государственной корпорации «Правительство для граждан».",
			"NJSC “State Corporation “Government for Citizens”.", nil},

		// spaces, untranslated, length
		{"spaces", "en", "Повестка дня ООН", "  The UN  Agenda   now ",
			[]Finding{
				w(IDSpaces, `The target starts with a space.`),
				w(IDSpaces, `The target ends with a space.`),
				w(IDSpaces, `The target has double spaces in 2 places, the first after "The UN".`),
			}},
		{"one double space", "kk", "В Алматы", "Алматыда  өтті",
			[]Finding{w(IDSpaces, `The target has a double space after "Алматыда".`)}},
		{"untranslated", "ky", "Алматы", "Алматы",
			[]Finding{w(IDUntranslated, `The target is the same as the source; it looks untranslated.`)}},
		{"numbers only may be equal", "kk", "2030", "2030", nil},
		{"too short", "en", "Сегодня в Алматы представители более десяти стран собрались", "Today.",
			[]Finding{
				w(IDSentenceEnd, `The target ends with "." but the source has no closing punctuation.`),
				w(IDLength, `The target is 0.10 times as long as the source (6 against 59 characters); 0.50 to 1.60 is usual for English, so it may be too short.`),
			}},
		{"too long", "ar", "Сегодня в Алматы представители более десяти стран собрались", strings.Repeat("اجتمع ممثلون ", 7),
			[]Finding{
				w(IDSpaces, `The target ends with a space.`),
				w(IDLength, `The target is 1.53 times as long as the source (90 against 59 characters); 0.45 to 1.40 is usual for Arabic, so it may be too long.`),
			}},
		{"empty", "kk", "Сегодня", " ", []Finding{w(IDEmpty, `The target is empty.`)}},

		// glossary
		{"forbidden variant", "en", "Повестка дня ООН", "The UN Agenda of the Day",
			[]Finding{e(IDGlossaryForbidden, `The target uses "Agenda of the Day", which the glossary forbids for "Повестка дня"; use "Agenda".`)}},
		{"forbidden inflected in kk", "kk", "потенциал госслужащих", "мемлекеттік қызметкерлердің әлеуеті",
			[]Finding{
				e(IDGlossaryForbidden, `The target uses "мемлекеттік қызметкер", which the glossary forbids for "госслужащий"; use "мемлекеттік қызметші".`),
				w(IDGlossaryMissing, `The glossary gives "мемлекеттік қызметші" for "госслужащих", but the target does not contain it.`),
			}},
		{"forbidden abbreviation is case-sensitive", "en", "в МИД", "at the mid-year meeting of the Ministry of Foreign Affairs", nil},
		{"forbidden Russian abbreviation left in kk", "kk", "Это ПРООН", "Бұл ПРООН",
			[]Finding{
				e(IDGlossaryForbidden, `The target uses "ПРООН", which the glossary forbids for "ПРООН"; use "БҰҰДБ".`),
				w(IDGlossaryMissing, `The glossary gives "БҰҰДБ" for "ПРООН", but the target does not contain it.`),
			}},
		{"abbreviation inside another is not the term", "en", "ООН", "UNDP",
			[]Finding{w(IDGlossaryMissing, `The glossary gives "UN" for "ООН", but the target does not contain it.`)}},
		{"english plural", "en", "госслужащих", "civil servants", nil},
		{"kk inflection", "kk", "Академии госуправления при Президенте РК", "Қазақстан Республикасының Президенті жанындағы Мемлекеттік басқару академиясының", nil},
		{"a term once however often", "en", "ООН и ООН", "UN and UN", nil},
		{"possessive abbreviation", "en", "платформа ООН", "the UN's platform", nil},
		{"plural abbreviation is not another word", "en", "МИД", "the MIDs",
			[]Finding{
				e(IDGlossaryForbidden, `The target uses "MID", which the glossary forbids for "МИД"; use "Ministry of Foreign Affairs".`),
				w(IDGlossaryMissing, `The glossary gives "Ministry of Foreign Affairs" for "МИД", but the target does not contain it.`),
			}},

		// scripts
		{"cyrillic o in uzbek", "uz", "Сегодня в Ташкенте", "Bugun Tоshkentda",
			[]Finding{e(IDScript, `The word "Tоshkentda" contains the Cyrillic letter "о" (U+043E); Uzbek needs the Latin "o" (U+006F).`)}},
		{"cyrillic word in turkmen", "tk", "в Ашхабаде", "Ашхабадe",
			[]Finding{e(IDScript, `The word "Ашхабадe" contains the Cyrillic letter "А" (U+0410); Turkmen needs the Latin "A" (U+0041).`)}},
		{"whole cyrillic word in english", "en", "Алматы", "Алматы city",
			[]Finding{e(IDScript, `The word "Алматы" is written in Cyrillic letters, which English does not use.`)}},
		{"latin i in kazakh", "kk", "государственного управления", "мемлекеттiк басқару",
			[]Finding{
				w(IDGlossaryMissing, `The glossary gives "мемлекеттік басқару" for "государственного управления", but the target does not contain it.`),
				e(IDScriptMixed, `The word "мемлекеттiк" has the Latin letter "i" (U+0069) among Cyrillic letters; type the Cyrillic "і" (U+0456).`),
			}},
		{"latin a in kyrgyz, latin word fine", "ky", "В Алматы VUCA", "Aлматыда VUCA",
			[]Finding{e(IDScriptMixed, `The word "Aлматыда" has the Latin letter "A" (U+0041) among Cyrillic letters; type the Cyrillic "А" (U+0410).`)}},
		{"latin q in tajik", "tg", "Вопрос", "Саволq",
			[]Finding{e(IDScriptMixed, `The word "Саволq" mixes the Latin letter "q" (U+0071) with Cyrillic letters.`)}},
		{"cyrillic in dari", "fa-AF", "Семинар", "سمینار Алматы",
			[]Finding{e(IDScript, `The word "Алматы" is written in Cyrillic letters, which Dari does not use.`)}},
		{"arabic letters in dari", "fa-AF", "Ученые обсудили книгу", "دانشمندان كتاب يك بحث کردند",
			[]Finding{
				e(IDArabicLetters, `The word "كتاب" has the letter "ك" (U+0643); Dari writes "ک" (U+06A9).`),
				e(IDArabicLetters, `The word "يك" has the letter "ي" (U+064A); Dari writes "ی" (U+06CC).`),
			}},
		{"pashto keeps its hard ye", "ps", "Человек", "سړي", nil},
		{"arabic kaf in pashto", "ps", "Книга", "كتاب",
			[]Finding{e(IDArabicLetters, `The word "كتاب" has the letter "ك" (U+0643); Pashto writes "ک" (U+06A9).`)}},
		{"persian letters in arabic", "ar", "Книга", "کتاب",
			[]Finding{e(IDArabicLetters, `The word "کتاب" has the letter "ک" (U+06A9); Arabic writes "ك" (U+0643).`)}},

		// bidi
		{"mark in english", "en", "Ученые обсудили", "Scientists\u200e discussed",
			[]Finding{w(IDBidi, `The target has the invisible control U+200E LEFT-TO-RIGHT MARK after "Scientists"; a left-to-right text needs none.`)}},
		{"override in arabic", "ar", "Ученые обсудили", "ناقش \u202eالعلماء\u202c",
			[]Finding{w(IDBidi, `The target has the invisible control U+202E RIGHT-TO-LEFT OVERRIDE after "ناقش"; overrides reorder letters and hide what the text says.`)}},
		{"mark inside a word", "ar", "Ученые обсудили", "ناقش العل\u200fماء",
			[]Finding{w(IDBidi, `The target has the invisible control U+200F RIGHT-TO-LEFT MARK after "ناقش العل" inside a word.`)}},
		{"unclosed isolate and stray pop", "fa-AF", "Ученые", "\u2069دانشمندان \u2067UN",
			[]Finding{
				w(IDBidi, `The target has the invisible control U+2069 POP DIRECTIONAL ISOLATE at the start without an isolate to close.`),
				w(IDBidi, `The target has the invisible control U+2067 RIGHT-TO-LEFT ISOLATE after "دانشمندان" that is never closed.`),
			}},
		{"mark beside a number is fine", "ar", "В 2019 году", "في عام \u200f2019\u200f", nil},

		// language profiles
		{"region subtag falls back", "kk-KZ", "В Алматы", "Алматыда", nil},
		{"unknown language gets the generic profile", "de", "Где 2030?", "Wo ist 2030.",
			[]Finding{w(IDSentenceEnd, `The source ends with "?" but the target ends with ".".`)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Check(input(tt.lang, tt.source, tt.target))
			if len(got) == 0 {
				got = nil
			}
			if len(tt.want) == 0 {
				tt.want = nil
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Check(%s, %q)\n got %s\nwant %s", tt.lang, tt.target, dump(got), dump(tt.want))
			}
		})
	}
}

func dump(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\n\t%s %s: %s", f.Severity, f.ID, f.Message)
	}
	return b.String()
}

// TestCleanTranslations runs realistic translations of the announcement:
// they must pass without any finding.
func TestCleanTranslations(t *testing.T) {
	for _, p := range cleanPairs {
		in := input(p.lang, p.source, p.target)
		if p.lang == "en" || p.lang == "kk" {
			if len(in.Terms) == 0 && strings.Contains(p.source, "госу") {
				t.Errorf("no glossary hits in %q", p.source)
			}
		}
		if got := Check(in); len(got) > 0 {
			t.Errorf("%s %q:%s", p.lang, p.target, dump(got))
		}
	}
}

func TestBlocking(t *testing.T) {
	if Blocking(nil) || Blocking([]Finding{w(IDSpaces, "")}) {
		t.Error("warnings must not block")
	}
	if !Blocking([]Finding{w(IDSpaces, ""), e(IDNumberMissing, "")}) {
		t.Error("an error must block")
	}
}

// TestSeverities pins which findings block approval, as the issue defines.
func TestSeverities(t *testing.T) {
	var errs []string
	for id, s := range severities {
		if s == Error {
			errs = append(errs, id)
		}
	}
	want := []string{IDArabicLetters, IDGlossaryForbidden, IDNumberChanged, IDNumberMissing, IDScript, IDScriptMixed}
	slicesSort(errs)
	if !reflect.DeepEqual(errs, want) {
		t.Errorf("error IDs %v, want %v", errs, want)
	}
	if SeverityOf("no-such-check") != Warning {
		t.Error("unknown IDs are warnings")
	}
}

func TestProfilesAreComplete(t *testing.T) {
	for tag, p := range profiles {
		if p.name == "" || p.script == scriptUnknown || p.ratio[0] <= 0 || p.ratio[0] >= p.ratio[1] || len(p.checks) == 0 {
			t.Errorf("profile %s is incomplete: %+v", tag, p)
		}
		for _, name := range p.checks {
			found := false
			for _, ch := range registry {
				found = found || ch.name == name
			}
			if !found {
				t.Errorf("profile %s names unknown check %q", tag, name)
			}
		}
	}
	for _, tag := range []string{"kk", "en", "ky", "tg", "tk", "uz", "ps", "fa-AF", "ar", "nl"} {
		if profileFor(tag) == generic {
			t.Errorf("target language %s has no profile", tag)
		}
	}
}
