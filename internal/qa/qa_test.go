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

// pressSource is a 150-character sentence of a press release.
var pressSource = "Сегодня в Алматы представители более десяти стран собрались на семинар, посвящённый цифровой трансформации и новым услугам для жителей нашей страны."

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
		{"list markers like the source", "en", "Итого: 1) раз; 2) два; 3) три.", "In total: 1) one; 2) two.",
			[]Finding{e(IDNumberMissing, `The number "3" from the source is missing in the target.`)}},
		{"cyrillic list letters", "en", "Задачи: а) учет; б) анализ.", "Tasks: a) accounting; b) analysis.", nil},
		{"more unpaired closers than the source", "en", "Итого: 1) раз.", "In total: 1) one; 2) two.",
			[]Finding{
				w(IDNumberExtra, `The target has the number "2", which is not in the source.`),
				w(IDBrackets, `The target closes ")" without opening it, after "In total: 1) one; 2" (the source has 1 such unpaired marks, the target 2).`),
			}},
		{"the source's closers do not excuse an opener", "en", "Итого: 1) раз.", "In total: (1 one.",
			[]Finding{
				w(IDBrackets, `The target opens "(" without closing it: "(1 one.".`),
			}},
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
		{"a 1 MB paste is an error", "en", pressSource, strings.Repeat("x", 990000),
			[]Finding{
				w(IDSentenceEnd, `The source ends with "." but the target has no closing punctuation.`),
				e(IDLengthExtreme, `The target is 6689.19 times as long as the source (990000 against 148 characters); 0.50 to 1.60 is usual for English, far too long, as if something were pasted in by accident.`),
			}},
		{"just over three times the upper bound", "en", pressSource, strings.Repeat("слово ", 118) + "слово.",
			[]Finding{
				e(IDLengthExtreme, `The target is 4.82 times as long as the source (714 against 148 characters); 0.50 to 1.60 is usual for English, far too long, as if something were pasted in by accident.`),
				e(IDScript, `119 words are in Cyrillic letters, which English does not use: «слово», «слово», «слово», …`),
				w(IDRepeatedWord, `Words are repeated in 118 places, the first "слово": "слово слово".`),
			}},
		{"just under three times the upper bound", "en", pressSource, strings.Repeat("word ", 141) + "end.",
			[]Finding{
				w(IDLength, `The target is 4.79 times as long as the source (709 against 148 characters); 0.50 to 1.60 is usual for English, so it may be too long.`),
				w(IDRepeatedWord, `Words are repeated in 140 places, the first "word": "word word".`),
			}},
		{"a long source losing most of its text is a strong warning", "en", pressSource, "Today in Almaty.",
			[]Finding{w(IDLength, `The target is 0.11 times as long as the source (16 against 148 characters); 0.50 to 1.60 is usual for English, far too short, as if most of the translation were missing.`)}},
		{"twice too long stays a warning", "en", pressSource, strings.Repeat("a ", 200) + "end.",
			[]Finding{w(IDLength, `The target is 2.73 times as long as the source (404 against 148 characters); 0.50 to 1.60 is usual for English, so it may be too long.`),
				w(IDRepeatedWord, `Words are repeated in 199 places, the first "a": "a a".`)}},

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
		{"a pasted Russian sentence is one finding", "en", "Сегодня в Алматы представители более десяти стран обсудили реформы.",
			"Сегодня в Алматы представители более десяти стран обсудили реформы.",
			[]Finding{
				w(IDUntranslated, `The target is the same as the source; it looks untranslated.`),
				e(IDScript, `9 words are in Cyrillic letters, which English does not use: «Сегодня», «в», «Алматы», …`),
			}},
		{"two look-alike words are one finding", "uz", "В Ташкенте и Самарканде", "Tоshkentda va Sаmarqandda",
			[]Finding{e(IDScript, `2 words have Cyrillic letters, which Uzbek does not use: «Tоshkentda», «Sаmarqandda».`)}},
		{"whole and mixed words kept apart by kind in kazakh", "kk", "Алматы и Астана", "Aлматы мен Aстана",
			[]Finding{e(IDScriptMixed, `2 words mix Latin letters with Cyrillic letters: «Aлматы», «Aстана».`)}},
		{"one arabic letter in many dari words", "fa-AF", "Ученые обсудили книгу", "دانشمندان كتاب كمك بحث کردند",
			[]Finding{e(IDArabicLetters, `2 words have the letter "ك" (U+0643); Dari writes "ک" (U+06A9): «كتاب», «كمك».`)}},
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

		// addresses
		{"changed e-mail", "en", "Пишите на press@mfa.kz.", "Write to press@mfa.com.",
			[]Finding{e(IDAddressChanged, `The e-mail address "press@mfa.kz" in the source appears as "press@mfa.com" in the target; an address must stay as it is.`)}},
		{"e-mail kept, case aside", "en", "Пишите на press@mfa.kz.", "Write to Press@MFA.kz.", nil},
		{"missing url", "en", "Подробнее на https://www.gov.kz/memleket/entities/mfa?lang=ru.", "Details on the website of the Ministry of Foreign Affairs.",
			[]Finding{e(IDAddressMissing, `The web address "https://www.gov.kz/memleket/entities/mfa?lang=ru" from the source is missing in the target.`)}},
		{"url path case matters", "en", "См. https://gov.kz/News/1.", "See https://gov.kz/news/1.",
			[]Finding{e(IDAddressChanged, `The web address "https://gov.kz/News/1" in the source appears as "https://gov.kz/news/1" in the target; an address must stay as it is.`)}},
		{"bare domain with a kazakh ending", "kk", "Сайт akorda.kz работает.", "akorda.kz-те сайт жұмыс істейді.", nil},
		{"bare domain changed", "kk", "Сайт akorda.kz работает.", "akorda.com сайты жұмыс істейді.",
			[]Finding{e(IDAddressChanged, `The web address "akorda.kz" in the source appears as "akorda.com" in the target; an address must stay as it is.`)}},
		{"address extended is changed", "en", "Пишите: press@mfa.kz", "Write: press@mfa.kz.com",
			[]Finding{e(IDAddressChanged, `The e-mail address "press@mfa.kz" in the source appears as "press@mfa.kz.com" in the target; an address must stay as it is.`)}},
		{"url in arabic", "ar", "Сайт www.undp.org.", "الموقع www.undp.org.", nil},
		// script-whole: a Cyrillic- or Arabic-script target made of Latin words
		{"kazakh in latin transliteration", "kk", "Стороны подписали 3 соглашения на 150 млн долларов.", "Taraptar 3 kelisimge qol qoydy, 150 mln dollar.",
			[]Finding{{ID: IDScriptWhole, Severity: Warning, Message: "6 of the target's 6 words are in Latin letters; Kazakh is written in Cyrillic letters here."}}},
		{"english pasted into arabic", "ar", "Семинар прошел в Алматы.", "The seminar took place in Almaty.",
			[]Finding{{ID: IDScriptWhole, Severity: Warning, Message: "6 of the target's 6 words are in Latin letters; Arabic is written in Arabic letters here."}}},
		{"acronyms stay", "kk", "Доклады UNDP и SDG обсудили в Алматы.", "UNDP және SDG баяндамалары Алматыда талқыланды.", nil},
		{"two latin words are not a text", "kk", "Форум Astana Hub открылся.", "Astana Hub форумы ашылды.", nil},
		{"abbreviations are not domains", "en", "Т.е. в 2019 г. и т.д.", "I.e. in 2019, etc.", nil},

		// invisible characters
		{"zero-width space", "en", "Ученые обсудили", "Scientists\u200b discussed",
			[]Finding{w(IDInvisible, `The target has the invisible character U+200B ZERO WIDTH SPACE after "Scientists"; delete it or type what it stands for.`)}},
		{"soft hyphens counted once", "kk", "Государственное управление", "Мемле\u00adкеттік бас\u00adқару\u00ad",
			[]Finding{
				w(IDGlossaryMissing, `The glossary gives "мемлекеттік басқару" for "Государственное управление", but the target does not contain it.`),
				w(IDInvisible, "The target has the invisible character U+00AD SOFT HYPHEN 3 times, first after \"Мемле\"; delete them or type what they stand for."),
			}},
		{"tab and byte order mark", "en", "Ученые обсудили", "\ufeffScientists\tdiscussed",
			[]Finding{
				w(IDInvisible, `The target has the invisible character U+FEFF ZERO WIDTH NO-BREAK SPACE (byte order mark) at the start; delete it or type what it stands for.`),
				w(IDInvisible, `The target has the invisible character U+0009 CHARACTER TABULATION after "Scientists"; delete it or type what it stands for.`),
			}},
		{"zwnj is dari orthography", "fa-AF", "Обсуждается", "بحث می\u200cشود", nil},
		{"zwnj is not english", "en", "Обсуждается", "Is\u200c discussed",
			[]Finding{w(IDInvisible, `The target has the invisible character U+200C ZERO WIDTH NON-JOINER after "Is"; delete it or type what it stands for.`)}},
		{"nbsp between number and unit is fine", "en", "5 км", "5\u00a0km", nil},

		// language profiles
		{"region subtag falls back", "kk-KZ", "В Алматы", "Алматыда", nil},
		{"unknown language gets the generic profile", "de", "Где 2030?", "Wo ist 2030.",
			[]Finding{w(IDSentenceEnd, `The source ends with "?" but the target ends with ".".`)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Check(input(tt.lang, tt.source, tt.target))
			for i := range got {
				argsInMessage(t, got[i])
				got[i].Args = nil // pinned by TestArgs
			}
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

// structuralArgs are Args keys whose values name a case rather than quote
// the message.
var structuralArgs = map[string]bool{"problem": true, "where": true, "side": true, "glossary": true}

// argsInMessage checks that the values a finding's Args carry are the ones
// its message shows, so a translated message says the same thing.
func argsInMessage(t *testing.T, f Finding) {
	t.Helper()
	for k, v := range f.Args {
		if structuralArgs[k] || (k == "count" && v == "1") {
			continue
		}
		if !strings.Contains(f.Message, v) {
			t.Errorf("%s: arg %s=%q is not in the message %q", f.ID, k, v, f.Message)
		}
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
	want := []string{IDAddressChanged, IDAddressMissing, IDArabicLetters, IDGlossaryForbidden, IDLengthExtreme, IDNumberChanged, IDNumberMissing, IDScript, IDScriptMixed}
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

// TestArgs pins the values findings carry for localization.
func TestArgs(t *testing.T) {
	type m = map[string]string
	tests := []struct {
		name, lang, source, target string
		want                       []m
	}{
		{"number changed", "en", "С 27 по 29 ноября.", "From 72 to 29 November.", []m{{"number": "27", "found": "72"}}},
		{"length extreme", "en", pressSource, strings.Repeat("x", 990000) + ".", []m{{"ratio": "6689.20", "target_length": "990001",
			"source_length": "148", "low": "0.50", "high": "1.60", "language": "English", "side": "long"}}},
		{"script, several words", "en", "Сегодня в Алматы.", "Сегодня в Алматы.",
			[]m{nil, {"count": "3", "words": "«Сегодня», «в», «Алматы»", "script": "Cyrillic", "language": "English"}}},
		{"script, one look-alike", "uz", "В Ташкенте", "Tоshkentda", []m{{"count": "1", "word": "Tоshkentda", "script": "Cyrillic",
			"language": "Uzbek", "letter": "о", "letter_code": "U+043E", "expected": "o", "expected_code": "U+006F"}}},
		{"brackets against the source", "en", "1) раз.", "1) one; 2) two.", []m{{"number": "2"},
			{"mark": ")", "context": "1) one; 2", "problem": "unopened", "source_count": "1", "target_count": "2"}}},
		{"address changed", "en", "Пишите на press@mfa.kz.", "Write to press@mfa.com.",
			[]m{{"kind": "e-mail address", "address": "press@mfa.kz", "found": "press@mfa.com"}}},
		{"invisible", "en", "Ученые обсудили", "Scientists\u200b discussed\u200b",
			[]m{{"code_point": "U+200B", "name": "ZERO WIDTH SPACE", "count": "2", "context": "Scientists"}}},
		{"sentence end", "en", "Когда?", "When.", []m{{"source_mark": "?", "target_mark": "."}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Check(input(tt.lang, tt.source, tt.target))
			var args []m
			for _, f := range got {
				args = append(args, f.Args)
			}
			if !reflect.DeepEqual(args, tt.want) {
				t.Errorf("Args\n got %v\nwant %v%s", args, tt.want, dump(got))
			}
		})
	}
}
