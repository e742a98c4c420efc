package server

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var termRow = regexp.MustCompile(`<tr id="term-(\d+)">\s*<th scope="row" lang="ru">([^<]*)</th>`)

// glossaryRows lists the source terms of a glossary page, in order.
func glossaryRows(p page) []string {
	var out []string
	for _, m := range termRow.FindAllStringSubmatch(p.Body, -1) {
		out = append(out, m[2])
	}
	return out
}

// TestGlossaryPage: everyone signed in reads and filters a glossary and gets
// the export links; reviewers of the language add, delete and upload terms;
// a translator is refused; bad input is shown on the page, nothing written.
func TestGlossaryPage(t *testing.T) {
	ts := startServer(t)
	ts.person(t, "aigerim", testPassword, "translator:ky")
	ts.person(t, "bolat", testPassword, "reviewer:ky")
	tr, rev := ts.browser(t), ts.browser(t)
	tr.language, rev.language = "en", "en"
	tr.signIn(t, "aigerim", testPassword)
	rev.signIn(t, "bolat", testPassword)

	if p := ts.browser(t).get(t, "/glossary/ky"); p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Location, "/signin") {
		t.Errorf("signed out: status %d, location %q", p.Status, p.Location)
	}
	tr.get(t, "/glossary/ky").must(t, http.StatusOK).contains(t, "The glossary has no terms yet.",
		`href="/api/v1/glossary/ky/export?format=csv"`, `href="/api/v1/glossary/ky/export?format=tbx"`,
		"Only reviewers of this language and admins change the glossary.")
	tr.get(t, "/glossary/xx-nope").must(t, http.StatusBadRequest)
	tr.get(t, "/glossary/de").must(t, http.StatusBadRequest)

	// Adding: the reviewer's form; the translator is refused, without a token too.
	p := rev.get(t, "/glossary/ky").must(t, http.StatusOK).contains(t, `action="/glossary/ky/terms"`, `action="/glossary/ky/import"`)
	if strings.Contains(tr.get(t, "/glossary/ky").Body, `action="/glossary/ky/terms"`) {
		t.Error("the translator is shown the add form")
	}
	csrf := csrfMeta.FindStringSubmatch(p.Body)[1]
	add := url.Values{"csrf": {csrf}, "source": {"Программа развития ООН"}, "target": {"БУУнун Өнүгүү программасы"},
		"note": {`<b>официально</b>`}, "forbidden": {"ПРООН, БУУ ӨП | UNDP"}}
	p = rev.post(t, "/glossary/ky/terms", add).must(t, http.StatusSeeOther)
	if p.Location != "/glossary/ky?done=added" {
		t.Errorf("after adding: location %q", p.Location)
	}
	p = rev.get(t, p.Location).must(t, http.StatusOK).contains(t, "The term is added.", "БУУнун Өнүгүү программасы",
		"&lt;b&gt;официально&lt;/b&gt;", "<del>ПРООН</del>, <del>БУУ ӨП</del>, <del>UNDP</del>", "Terms shown: 1 of 1")
	trCSRF := tr.csrf(t, "/glossary/ky")
	trAdd := url.Values{"csrf": {trCSRF}, "source": {"семинар"}, "target": {"семинар"}}
	tr.post(t, "/glossary/ky/terms", trAdd).must(t, http.StatusForbidden).contains(t, "You may not change this glossary.")
	delete(add, "csrf")
	rev.post(t, "/glossary/ky/terms", add).must(t, http.StatusForbidden)
	bad := url.Values{"csrf": {csrf}, "source": {"  "}, "target": {"бош"}, "note": {"эскертүү"}}
	rev.post(t, "/glossary/ky/terms", bad).must(t, http.StatusBadRequest).contains(t, "The term was not added.", `value="эскертүү"`)

	// Uploading CSV and TBX adds their terms; a broken file adds nothing.
	csv := "source,target,note,forbidden\nсеминар,семинар,,\nфорум,форум,\"эл аралык, жыл сайын\",сход|жыйын\n"
	p = rev.upload(t, "/glossary/ky/import", csrf, "terms.csv", []byte("\uFEFF"+csv)).must(t, http.StatusSeeOther)
	if p.Location != "/glossary/ky?d=0&done=imported&n=2&u=0" {
		t.Errorf("after the CSV upload: location %q", p.Location)
	}
	rev.get(t, p.Location).contains(t, "Terms added from the file: 2; updated: 0; already in the glossary: 0.", "Terms shown: 3 of 3")
	// The same file again adds nothing and says so.
	p = rev.upload(t, "/glossary/ky/import", csrf, "terms.csv", []byte(csv)).must(t, http.StatusSeeOther)
	rev.get(t, p.Location).contains(t, "Terms added from the file: 0; updated: 0; already in the glossary: 2.", "Terms shown: 3 of 3")
	tbx := `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="ru" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="c1"><langSec xml:lang="ru"><termSec><term>академия</term></termSec></langSec>
<langSec xml:lang="ky"><termSec><term>академия</term></termSec></langSec></conceptEntry>
</body></text></tbx>`
	p = rev.upload(t, "/glossary/ky/import", csrf, "terms.tbx", []byte(tbx)).must(t, http.StatusSeeOther)
	if p.Location != "/glossary/ky?d=0&done=imported&n=1&u=0" {
		t.Errorf("after the TBX upload: location %q", p.Location)
	}
	rev.upload(t, "/glossary/ky/import", csrf, "broken.csv", []byte("source,target\nодин\n\"два")).must(t, http.StatusBadRequest).
		contains(t, "The file was not imported; nothing was added.")
	rev.upload(t, "/glossary/ky/import", csrf, "", nil).must(t, http.StatusBadRequest).contains(t, "Choose a file to upload.")
	tr.upload(t, "/glossary/ky/import", trCSRF, "terms.csv", []byte(csv)).must(t, http.StatusForbidden)
	rev.upload(t, "/glossary/ky/import", "", "terms.csv", []byte(csv)).must(t, http.StatusForbidden)
	p = rev.get(t, "/glossary/ky").must(t, http.StatusOK)
	if got, want := strings.Join(glossaryRows(p), "|"), "Программа развития ООН|академия|семинар|форум"; got != want {
		t.Errorf("terms %q, want %q", got, want)
	}

	// The filter looks in sources, targets, notes and forbidden variants, in any case.
	for q, want := range map[string]string{"ФОРУМ": "форум", "жыл сайын": "форум", "сход": "форум", "бууну": "Программа развития ООН", "нет такого": ""} {
		p := tr.get(t, "/glossary/ky?q="+url.QueryEscape(q)).must(t, http.StatusOK)
		if got := strings.Join(glossaryRows(p), "|"); got != want {
			t.Errorf("filter %q: %q, want %q", q, got, want)
		}
		if want == "" {
			p.contains(t, "No term matches the filter.")
		}
	}

	// Deleting keeps the filter; the translator may not; a second delete is a 404.
	id := termRow.FindStringSubmatch(tr.get(t, "/glossary/ky?q=%D1%84%D0%BE%D1%80%D1%83%D0%BC").Body)[1]
	tr.post(t, "/glossary/ky/terms/"+id+"/delete", url.Values{"csrf": {trCSRF}}).must(t, http.StatusForbidden)
	p = rev.post(t, "/glossary/ky/terms/"+id+"/delete", url.Values{"csrf": {csrf}, "q": {"форум"}}).must(t, http.StatusSeeOther)
	if p.Location != "/glossary/ky?done=deleted&q=%D1%84%D0%BE%D1%80%D1%83%D0%BC" {
		t.Errorf("after deleting: location %q", p.Location)
	}
	rev.get(t, p.Location).contains(t, "The term is deleted.", "No term matches the filter.")
	rev.post(t, "/glossary/ky/terms/"+id+"/delete", url.Values{"csrf": {csrf}}).must(t, http.StatusNotFound)
	if n := len(ts.call(t, "GET", "/api/v1/glossary/ky", ts.user(t, "reader", "translator:ky"), nil).must(t, 200).Body["terms"].([]any)); n != 3 {
		t.Errorf("the API lists %d terms, want 3", n)
	}
}

// TestGlossaryLinks: the dashboard links each language's glossary; the
// editor's help panel links it and holds the memory search and Clear.
func TestGlossaryLinks(t *testing.T) {
	ts := startServer(t)
	pub := ts.user(t, "press", "publisher")
	ts.person(t, "aigerim", testPassword, "translator:kk")
	aigerim := ts.user(t, "aigerim2", "translator:kk")
	id, ids, _ := ts.importAnnouncement(t, pub)
	ts.call(t, "PUT", "/api/v1/segments/"+fmt.Sprint(ids[0])+"/translations/kk", aigerim, map[string]any{"target": "мәтін", "version": 0}).must(t, http.StatusOK)
	b := ts.browser(t)
	b.language = "en"
	b.signIn(t, "aigerim", testPassword)
	// A Kazakh translator's dashboard shows Kazakh; every language is one link away (issue 14).
	b.get(t, "/").must(t, http.StatusOK).contains(t, `<a href="/glossary/kk">Glossary</a>`)
	b.get(t, "/?all=1").must(t, http.StatusOK).contains(t, `<a href="/glossary/kk">Glossary</a>`, `<a href="/glossary/nl">Glossary</a>`)
	p := b.get(t, "/translate/"+fmt.Sprint(id)+"/kk").must(t, http.StatusOK).contains(t,
		`<a href="/glossary/kk" target="_blank" rel="noopener">The language&#39;s whole glossary</a>`,
		`<label for="tm-q-`+fmt.Sprint(ids[0])+`">Search the translation memory</label>`)
	// Clear shows for the translated segment only.
	if got := len(regexp.MustCompile(`<button type="button" class="clear" aria-label="Clear segment [0-9.]+">`).FindAllString(p.Body, -1)); got != 1 {
		t.Errorf("%d visible Clear buttons, want 1", got)
	}
	if got := len(regexp.MustCompile(`<button type="button" class="clear" aria-label="Clear segment [0-9.]+" hidden>`).FindAllString(p.Body, -1)); got != len(ids)-1 {
		t.Errorf("%d hidden Clear buttons, want %d", got, len(ids)-1)
	}
}
