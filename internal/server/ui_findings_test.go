package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
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
