package server

import (
	"fmt"
	"html"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestReleaseAcceptance walks issue 6's release acceptance: kk, en and ar
// published in one request link to each other; ar is right to left;
// release 2 of kk leaves release 1 as it was; withdrawing release 2 makes
// it 410 and "latest" shows release 1 again.
func TestReleaseAcceptance(t *testing.T) {
	ts := startServer(t)
	f := newReleaseFixture(t, ts, "kk", "en", "ar")
	for _, l := range []string{"kk", "en", "ar"} {
		f.approveAll(t, l)
	}
	body := f.publish(t, map[string]any{"langs": []string{"kk", "en", "ar"}}, http.StatusCreated)
	if nr := body["not_ready"].(map[string]any); len(nr) != 0 {
		t.Fatalf("not_ready = %v, want none", nr)
	}
	rels := byLang(body["releases"])
	if len(rels) != 3 {
		t.Fatalf("%d releases, want 3: %s", len(rels), body)
	}
	base := ts.URL + fmt.Sprintf("/releases/%d/", f.doc)
	for _, l := range []string{"kk", "en", "ar"} {
		r := rels[l]
		if num(r["number"]) != 1 || r["url"] != base+l+"/1" || r["latest_url"] != base+l+"/latest" || r["partial"] != false {
			t.Errorf("%s release = %v", l, r)
		}
	}

	// Every page names itself and links to the other two with hreflang,
	// at their latest URLs, with a switcher in native names.
	names := map[string]string{"kk": "қазақ тілі", "en": "English", "ar": "العربية"}
	dirs := map[string]string{"kk": "ltr", "en": "ltr", "ar": "rtl"}
	for l, r := range rels {
		page := get(t, r["url"].(string), http.StatusOK)
		if want := fmt.Sprintf(`<html lang="%s" dir="%s">`, l, dirs[l]); !strings.Contains(page, want) {
			t.Errorf("%s page lacks %s", l, want)
		}
		if got := hreflangs(page); got != strings.Join(others(l), ",") {
			t.Errorf("%s page hreflang links = %s, want %s", l, got, strings.Join(others(l), ","))
		}
		for _, o := range others(l) {
			if want := fmt.Sprintf(`<link rel="alternate" hreflang="%s" href="%s%s/latest">`, o, base, o); !strings.Contains(page, want) {
				t.Errorf("%s page lacks %s", l, want)
			}
		}
		for _, n := range names {
			if !strings.Contains(page, ">"+n+"</a>") {
				t.Errorf("%s page's switcher lacks %s", l, n)
			}
		}
		if !strings.Contains(page, `<time datetime="`) || !strings.Contains(page, " 1 · ") {
			t.Errorf("%s page lacks the release number and date", l)
		}
		for i := range f.ids {
			if !strings.Contains(page, f.texts[l][i]) {
				t.Errorf("%s page lacks segment %d", l, i)
			}
		}
		// The announcement's headline titles the page in its language.
		if want := "<h1>" + html.EscapeString(f.texts[l][0]) + "</h1>"; !strings.Contains(page, want) || strings.Contains(page, "<h1>Семинар") {
			t.Errorf("%s page is not titled %s", l, want)
		}
	}
	if ar := get(t, rels["ar"]["url"].(string), 200); !strings.Contains(ar, "الإصدار 1") {
		t.Errorf("ar page's labels are not Arabic")
	}

	// Re-publishing kk after an edit gives release 2; release 1 keeps its text.
	old := f.texts["kk"][0]
	f.approve(t, "kk", 0, "Түзетілген "+old, 2)
	kk2 := f.publish(t, map[string]any{"langs": []string{"kk"}}, http.StatusCreated)["releases"].([]any)[0].(map[string]any)
	if num(kk2["number"]) != 2 {
		t.Fatalf("kk release after the edit = %v, want number 2", kk2)
	}
	if p1 := get(t, rels["kk"]["url"].(string), 200); !strings.Contains(p1, old) || strings.Contains(p1, "Түзетілген") {
		t.Errorf("kk release 1 changed after release 2")
	}
	if latest := get(t, base+"kk/latest", 200); !strings.Contains(latest, "Түзетілген") {
		t.Errorf("kk latest does not show release 2")
	}

	// Withdrawing release 2: 410 with the reason (HTML, text and JSON); latest is release 1 again.
	reason := "Дата семинара уточняется"
	w := ts.call(t, "POST", fmt.Sprintf("/api/v1/releases/%d/withdraw", num(kk2["id"])), f.publisher,
		map[string]string{"reason": reason}).must(t, 200).Body["release"].(map[string]any)
	if wd := w["withdrawn"].(map[string]any); wd["reason"] != reason || wd["by"] != "press" {
		t.Errorf("withdrawn = %v", w["withdrawn"])
	}
	gone := get(t, kk2["url"].(string), http.StatusGone)
	for _, want := range []string{`<html lang="kk" dir="ltr">`, reason, "Бұл шығарылым кері қайтарылды", `href="` + base + `kk/1"`} {
		if !strings.Contains(gone, want) {
			t.Errorf("410 page lacks %q: %s", want, gone)
		}
	}
	if txt := get(t, kk2["url"].(string)+".txt", http.StatusGone); !strings.Contains(txt, reason) {
		t.Errorf("410 text lacks the reason: %s", txt)
	}
	js := ts.call(t, "GET", fmt.Sprintf("/releases/%d/kk/2.json", f.doc), "", nil).must(t, http.StatusGone).Body
	if js["code"] != "gone" || js["reason"] != reason || js["latest_url"] != base+"kk/1" ||
		js["error"] != "release 2 of \"Семинар в Алматы\" in kk was withdrawn: "+reason {
		t.Errorf("410 JSON = %v", js)
	}
	if latest := get(t, base+"kk/latest", 200); !strings.Contains(latest, old) || strings.Contains(latest, "Түзетілген") ||
		!strings.Contains(latest, `<link rel="canonical" href="`+base+`kk/1">`) {
		t.Errorf("kk latest does not fall back to release 1")
	}
	// A second withdrawal is refused with the first one's reason.
	again := ts.call(t, "POST", fmt.Sprintf("/api/v1/releases/%d/withdraw", num(kk2["id"])), f.publisher,
		map[string]string{"reason": "again"}).must(t, http.StatusConflict).Body
	if !strings.Contains(again["error"].(string), "was already withdrawn on") || !strings.HasSuffix(again["error"].(string), reason) {
		t.Errorf("second withdrawal: %v", again["error"])
	}
}

var hreflangPattern = regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)"`)

// hreflangs lists a page's alternate languages, sorted and comma-joined.
func hreflangs(page string) string {
	var out []string
	for _, m := range hreflangPattern.FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}

// others lists the acceptance languages but one, sorted.
func others(l string) []string {
	var out []string
	for _, o := range []string{"ar", "en", "kk"} {
		if o != l {
			out = append(out, o)
		}
	}
	return out
}
