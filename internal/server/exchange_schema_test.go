package server

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tilmash/internal/xliff/xlifftest"
)

// TestXLIFFExportsValidate validates what the API really exports — every
// workflow state, a rejection note, a published (final) text, a revised
// (outdated) source — against the OASIS schema of each format.
func TestXLIFFExportsValidate(t *testing.T) {
	xlifftest.Schema(t, "2.1") // skip early, before building the data, when the tools are missing
	ts, team, doc := startExchange(t)
	ids := segmentIDs(t, doc)
	sources := sourcesOf(doc)
	seg := func(i int, action string) string {
		return fmt.Sprintf("/api/v1/segments/%d/translations/kk%s", ids[i], action)
	}
	// 0..4 approved and published, 5 translated, 6 rejected with a comment, the rest untranslated.
	for i := range 7 {
		ts.call(t, "PUT", seg(i, ""), team.aigerim, map[string]any{"target": fakeTarget("kk", sources[i], i), "version": 0}).must(t, 200)
	}
	for i := range 5 {
		ts.call(t, "POST", seg(i, "/approve"), team.bolat, map[string]any{"version": 1}).must(t, 200)
	}
	ts.call(t, "POST", seg(6, "/reject"), team.bolat, map[string]any{"version": 1, "comment": "Terms & <names> \"wrong\""}).must(t, 200)
	docPath := fmt.Sprintf("/api/v1/documents/%d", num(doc["id"]))
	ts.call(t, "POST", docPath+"/releases", team.press, map[string]any{"lang": "kk", "allow_partial": true, "reason": "schema test"}).must(t, 201)
	// A revision makes the first sentence's translation outdated.
	revised := "В Алматы обсудили развитие учебных заведений государственного управления\n" + announcement(t)[len(sources[0])+1:]
	ts.call(t, "PUT", docPath, team.press, map[string]any{"base_revision": 1, "text": revised}).must(t, 200)

	dir := t.TempDir()
	for _, format := range []string{"2.1", "1.2"} {
		var files []string
		for _, lang := range []string{"kk", "en", "ar"} {
			data, _ := ts.download(t, fmt.Sprintf("%s/xliff/%s?format=%s", docPath, lang, format), team.bolat)
			path := filepath.Join(dir, lang+"-"+format+".xlf")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, path)
			if lang == "kk" && format == "2.1" {
				for _, want := range []string{`state="final"`, `state="translated"`, `state="initial"`, `subState="tilmash:outdated"`,
					`subState="tilmash:rejected"`, `Terms &amp; &lt;names&gt;`} {
					if !strings.Contains(string(data), want) {
						t.Errorf("the kk 2.1 export lacks %s", want)
					}
				}
			}
		}
		if format == "1.2" {
			// Both fills of untranslated targets (issue 15): the source copy above, empty here.
			data, _ := ts.download(t, docPath+"/xliff/kk?format=1.2&target=empty", team.bolat)
			path := filepath.Join(dir, "kk-1.2-empty.xlf")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, path)
		}
		xlifftest.Validate(t, format, files...)
	}
}
