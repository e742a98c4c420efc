package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"tilmash/internal/i18n"
	"tilmash/internal/qa"
	"tilmash/translations"
)

// TestUIFindingsLocalized: a Kazakh translator reads quality findings and
// source warnings in Kazakh — on the page and in the editor script's save
// answer — while token clients of the API keep the English sentences.
func TestUIFindingsLocalized(t *testing.T) {
	k := startKKTeam(t)
	i := indexOf(t, k.sources, "С 27 по 29 ноября")
	seg := fmt.Sprintf("/api/v1/segments/%d/translations/kk", k.ids[i])
	const target = "27-29 қарашада БҰҰ-ның күн тәртібін іске асыру жолында семинар өтеді."
	api := k.ts.call(t, "PUT", seg, k.kk, map[string]any{"target": target, "version": 0}).must(t, http.StatusOK)
	if !strings.Contains(string(api.Raw), `"message":"The number \"2030\" from the source is missing in the target."`) {
		t.Errorf("the token API's findings are not the English sentences: %s", api.Raw)
	}

	b := k.ts.browser(t)
	b.language = "kk"
	b.signIn(t, "aigerim", testPassword)
	page := b.get(t, fmt.Sprintf("/translate/%d/kk", k.doc)).must(t, http.StatusOK)
	for _, want := range []string{
		`<li class="error">Аудармада түпнұсқадағы 2030 саны жоқ.</li>`,
		`<span>«VUCAмире» сөзінде латын және кирилл әріптері араласқан.</span>`,
		`жеке диакритикалық белгі U&#43;0306 тұр`,
	} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("the kk editor lacks %s", want)
		}
	}

	// The editor's script saves through the API with the session: Kazakh findings.
	doubled := strings.Replace(target, " семинар", "  семинар", 1)
	req, _ := http.NewRequest(http.MethodPut, k.ts.URL+seg, strings.NewReader(`{"target": "`+doubled+`", "version": 1}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(csrfHeader, b.csrf(t, "/"))
	saved := b.do(t, req).must(t, http.StatusOK)
	var body struct {
		Checks []struct{ ID, Severity, Message, Lang string }
	}
	if err := json.Unmarshal([]byte(saved.Body), &body); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range body.Checks {
		got[c.ID] = c.Message + "|" + c.Lang
	}
	if got["number-missing"] != "Аудармада түпнұсқадағы 2030 саны жоқ.|" || got["spaces"] != "«іске асыру жолында» дегеннен кейін қос бос орын бар.|" {
		t.Errorf("session save findings = %v", got)
	}
}

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
	for _, lang := range i18n.Complete() {
		l := bundle.Localizer(lang)
		for _, f := range findings {
			n := findingNote(l, f)
			if n.Lang != "" || strings.Contains(n.Text, "<no value>") || strings.Contains(n.Text, "{{") {
				t.Errorf("%s: %s (%v) is not worded: %+v", lang, f.ID, f.Args, n)
			}
		}
		unknown := qa.Finding{ID: "future-check", Severity: qa.Warning, Message: "Something new."}
		if n := findingNote(l, unknown); n.Text != "Something new." || n.Lang != "en" {
			t.Errorf("%s: an unworded finding = %+v", lang, n)
		}
		missingArg := qa.Finding{ID: qa.IDNumberMissing, Severity: qa.Error, Message: "English."}
		if n := findingNote(l, missingArg); n.Text != "English." || n.Lang != "en" {
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
		if got := findingNote(l, length).Text; got != tc.length {
			t.Errorf("%s length finding = %q, want %q", tc.lang, got, tc.length)
		}
		if got := findingNote(l, end).Text; got != tc.endNote {
			t.Errorf("%s end finding = %q, want %q", tc.lang, got, tc.endNote)
		}
	}
	if length.Args["ratio"] != "0.60" {
		t.Errorf("wording changed the finding's own value: %q", length.Args["ratio"])
	}
}
