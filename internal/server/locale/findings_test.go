package locale

import (
	"strings"
	"testing"

	"tilmash/internal/i18n"
	"tilmash/internal/qa"
	"tilmash/translations"
)

// TestFindingWording: every check and variant the workspace words has its
// message in ru, kk and en, filled from the finding's values; a finding the
// interface cannot word keeps its English sentence, marked as English.
func TestFindingWording(t *testing.T) {
	bundle, err := i18n.New(translations.FS)
	if err != nil {
		t.Fatal(err)
	}
	findings := []qa.Finding{
		qa.Check(qa.Input{Lang: "en", Source: "С 27 по 29 ноября до 2030 года?", Target: "From 72 to 29  November ."})[0],
	}
	findings = append(findings, qa.Check(qa.Input{Lang: "kk", Source: "Пишите на press@mfa.kz.", Target: "Жазыңыз press@mfa.com"})...)
	findings = append(findings, qa.Check(qa.Input{Lang: "uz", Source: "Он сказал да.", Target: "U hа dedi."})...)
	findings = append(findings, qa.Check(qa.Input{Lang: "en", Source: "Сегодня в Алматы прошел семинар.", Target: "Сегодня в Алматы seminar."})...)
	findings = append(findings, qa.Check(qa.Input{Lang: "kk", Source: "Стороны подписали соглашения.", Target: "Taraptar kelisimge qol qoydy."})...)
	findings = append(findings, qa.Check(qa.Input{Lang: "en", Source: "Он сказал да.", Target: `He said "yes" at www.gov.kz, yes yes.`})...)
	findings = append(findings, qa.Check(qa.Input{Lang: "en", Source: "Он сказал «да».", Target: `He he said “yes” “now” and and more.`})...)
	for _, lang := range i18n.Complete() {
		l := bundle.Localizer(lang)
		for _, f := range findings {
			n := Finding(l, f)
			if n.Lang != "" || strings.Contains(n.Text, "<no value>") || strings.Contains(n.Text, "{{") {
				t.Errorf("%s: %s (%v) is not worded: %+v", lang, f.ID, f.Args, n)
			}
		}
		unknown := qa.Finding{ID: "future-check", Severity: qa.Warning, Message: "Something new."}
		if n := Finding(l, unknown); n.Text != "Something new." || n.Lang != "en" {
			t.Errorf("%s: an unworded finding = %+v", lang, n)
		}
		missingArg := qa.Finding{ID: qa.IDNumberMissing, Severity: qa.Error, Message: "English."}
		if n := Finding(l, missingArg); n.Text != "English." || n.Lang != "en" {
			t.Errorf("%s: a finding without its values = %+v", lang, n)
		}
	}
}

// TestFindingNumbersAndMarks: the length check's ratios are written with the
// interface language's decimal separator, and a sentence mark is quoted, so
// "Түпнұсқа . белгісімен" reads as a mark, not as a stray full stop.
func TestFindingNumbersAndMarks(t *testing.T) {
	bundle, err := i18n.New(translations.FS)
	if err != nil {
		t.Fatal(err)
	}
	length := qa.Finding{ID: qa.IDLength, Severity: qa.Warning, Message: "English.", Args: map[string]string{
		"ratio": "0.60", "target_length": "30", "source_length": "50", "low": "0.85", "high": "1.40", "language": "Kazakh", "side": "short"}}
	end := qa.Finding{ID: qa.IDSentenceEnd, Severity: qa.Warning, Message: "English.", Args: map[string]string{
		"source_mark": ".", "target_mark": ""}}
	for _, tc := range []struct {
		lang    string
		length  string
		endNote string
	}{
		{"ru", "Длина перевода — 0,60 от длины оригинала (знаков в переводе и оригинале: 30 и 50; обычно 0,85–1,40): возможно, что-то пропущено.",
			"Оригинал заканчивается знаком «.», а в переводе завершающего знака нет."},
		{"kk", "Аударма түпнұсқаның 0,60 ұзындығындай (30 және 50 таңба; әдетте 0,85–1,40): бірдеңе түсіп қалған болуы мүмкін.",
			"Түпнұсқа «.» белгісімен аяқталады, ал аудармада аяқтаушы белгі жоқ."},
		{"en", "The translation is 0.60 times as long as the source (30 against 50 characters; 0.85–1.40 is usual): something may be missing.",
			"The source ends with “.”; the translation has no closing punctuation."},
	} {
		l := bundle.Localizer(tc.lang)
		if got := Finding(l, length).Text; got != tc.length {
			t.Errorf("%s length finding = %q, want %q", tc.lang, got, tc.length)
		}
		if got := Finding(l, end).Text; got != tc.endNote {
			t.Errorf("%s end finding = %q, want %q", tc.lang, got, tc.endNote)
		}
	}
	if length.Args["ratio"] != "0.60" {
		t.Errorf("wording changed the finding's own value: %q", length.Args["ratio"])
	}
}
