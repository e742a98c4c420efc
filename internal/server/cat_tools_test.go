package server

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// catTool finds a program of a CAT tool on PATH. Without it the test skips,
// unless TILMASH_CAT_TESTS=required (CI, .ci/run), where it fails.
func catTool(t *testing.T, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("TILMASH_CAT_TESTS") == "required" {
		t.Fatalf("TILMASH_CAT_TESTS=required but %s is missing: apt-get install %s", name, pkg)
	}
	t.Skipf("CAT tool test skipped: %s not found (apt-get install %s; set TILMASH_CAT_TESTS=required to fail instead)", name, pkg)
	return ""
}

// runTool runs a program with a deadline and returns its combined output.
func runTool(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// The two documents of the CAT tool tests. The memory comes from the first;
// the second shares two sentences with it and has two new ones.
const (
	catDocA = "Семинар прошёл в Алматы. В нём участвовали 27 стран.\n\nИтоги подведут в 2030 году."
	catDocB = "Семинар прошёл в Алматы. Новая встреча пройдёт в Астане.\n\nИтоги подведут в 2030 году. Вопросы принимаются по почте."
)

// catMemory starts a server, translates and approves two sentences of
// catDocA into Kazakh (approval feeds the memory), imports catDocB and
// returns the server, the translator's token, catDocB's path and the memory
// as Tilmash exports it.
func catMemory(t *testing.T) (ts *testServer, aigerim, docB string, memory []byte) {
	t.Helper()
	ts = startServer(t)
	press, bolat := ts.user(t, "press", "publisher"), ts.user(t, "bolat", "reviewer:kk")
	aigerim = ts.user(t, "aigerim", "translator:kk")
	a := ts.call(t, "POST", "/api/v1/documents", press, map[string]string{"title": "Семинар", "text": catDocA}).must(t, 201).Body
	ids := segmentIDs(t, a)
	for i, kk := range map[int]string{0: "Семинар Алматыда өтті.", 2: "Қорытынды 2030 жылы шығарылады."} {
		seg := fmt.Sprintf("/api/v1/segments/%d/translations/kk", ids[i])
		ts.call(t, "PUT", seg, aigerim, map[string]any{"target": kk, "version": 0}).must(t, 200)
		ts.call(t, "POST", seg+"/approve", bolat, map[string]any{"version": 1}).must(t, 200)
	}
	b := ts.call(t, "POST", "/api/v1/documents", press, map[string]string{"title": "Встреча", "text": catDocB}).must(t, 201).Body
	memory, _ = ts.download(t, "/api/v1/tm/kk/export", aigerim)
	return ts, aigerim, fmt.Sprintf("/api/v1/documents/%d", num(b["id"])), memory
}

// TestOmegaTRoundTrip is issue 15's acceptance with a real client: OmegaT
// 3.6 in console mode reads every unit of a Tilmash XLIFF 1.2 export, fills
// the sentences its memory (a Tilmash TMX in tm/auto) knows and leaves the
// others as copies of the source; importing its file saves exactly the
// memory's translations and counts the copies.
func TestOmegaTRoundTrip(t *testing.T) {
	omegat := catTool(t, "omegat", "omegat")
	ts, aigerim, docB, memory := catMemory(t)
	export, _ := ts.download(t, docB+"/xliff/kk?format=1.2", aigerim)

	project := t.TempDir()
	settings, err := os.ReadFile(filepath.Join("testdata", "omegat", "omegat.project"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"source", "target", "tm/auto", "glossary", "dictionary", "omegat", "home"} {
		if err := os.MkdirAll(filepath.Join(project, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string][]byte{"omegat.project": settings, "source/doc.xlf": export, "tm/auto/tilmash.tmx": memory}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(project, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// OmegaT keeps its preferences under $HOME: a fresh one, not the user's.
	runTool(t, project, []string{"HOME=" + filepath.Join(project, "home")}, omegat, project, "--mode=console-translate")

	stats, err := os.ReadFile(filepath.Join(project, "omegat", "project_stats.txt"))
	if err != nil {
		t.Fatal(err)
	}
	total := regexp.MustCompile(`(?m)^Total:\s+(\d+)`).FindSubmatch(stats)
	if total == nil {
		t.Fatalf("no total in OmegaT's statistics:\n%s", stats)
	}
	if n, _ := strconv.Atoi(string(total[1])); n != 4 {
		t.Fatalf("OmegaT read %d segments of the 4 units:\n%s", n, stats)
	}
	translated, err := os.ReadFile(filepath.Join(project, "target", "doc.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	res := ts.call(t, "POST", docB+"/xliff", aigerim, translated).must(t, 200).Body
	want := map[string]any{"saved": 2.0, "unchanged": 0.0, "copied_source": 2.0, "empty": 0.0, "conflicts": 0.0, "refused": 0.0}
	if fmt.Sprint(res["counts"]) != fmt.Sprint(want) {
		t.Fatalf("import of OmegaT's file: %s\n%s", res, translated)
	}
	list := ts.call(t, "GET", docB+"/translations/kk", aigerim, nil).must(t, 200).Body
	var got []string
	for _, s := range list["segments"].([]any) {
		s := s.(map[string]any)
		got = append(got, fmt.Sprintf("%s %s", s["state"], s["target"]))
	}
	wantTexts := []string{"translated Семинар Алматыда өтті.", "untranslated ", "translated Қорытынды 2030 жылы шығарылады.", "untranslated "}
	if strings.Join(got, "|") != strings.Join(wantTexts, "|") {
		t.Errorf("after the import:\n got %q\nwant %q", got, wantTexts)
	}
	var copies []string
	for _, n := range res["not_saved"].([]any) {
		copies = append(copies, n.(map[string]any)["reason"].(string))
	}
	if strings.Join(copies, ",") != "copied_source,copied_source" {
		t.Errorf("not saved: %v", res["not_saved"])
	}
}

// TestTranslateToolkit reads Tilmash's files with translate-toolkit 3.8:
// xliff2po takes every unit of an XLIFF 1.2 export (ids as locations, the
// source copies marked fuzzy), pofilter runs its checks over them, po2xliff
// merged back into the export makes a file Tilmash refuses whole with the
// namespace it found, and pocount reads every pair of the TMX export.
func TestTranslateToolkit(t *testing.T) {
	xliff2po := catTool(t, "xliff2po", "translate-toolkit")
	po2xliff := catTool(t, "po2xliff", "translate-toolkit")
	pofilter := catTool(t, "pofilter", "translate-toolkit")
	pocount := catTool(t, "pocount", "translate-toolkit")
	ts, aigerim, docB, memory := catMemory(t)
	dir := t.TempDir()
	export, _ := ts.download(t, docB+"/xliff/kk?format=1.2", aigerim)
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("doc.xlf", export)
	write("memory.tmx", memory)

	runTool(t, dir, nil, xliff2po, "doc.xlf", "doc.po")
	po, err := os.ReadFile(filepath.Join(dir, "doc.po"))
	if err != nil {
		t.Fatal(err)
	}
	refs := regexp.MustCompile(`(?m)^#: s(\d+)$`).FindAll(po, -1)
	if len(refs) != 4 || len(regexp.MustCompile(`#, fuzzy\nmsgid "[^"]`).FindAll(po, -1)) != 4 {
		t.Fatalf("xliff2po: want 4 units with their ids, all fuzzy (copies of the source):\n%s", po)
	}
	runTool(t, dir, nil, pofilter, "doc.po", "filtered.po")
	filtered, err := os.ReadFile(filepath.Join(dir, "filtered.po"))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(filtered, []byte("(pofilter) unchanged")); n != 4 {
		t.Errorf("pofilter flags %d source copies as unchanged, want 4:\n%s", n, filtered)
	}

	runTool(t, dir, nil, po2xliff, "-t", "doc.xlf", "doc.po", "back.xlf")
	back, err := os.ReadFile(filepath.Join(dir, "back.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	r := ts.call(t, "POST", docB+"/xliff", aigerim, back)
	if r.Status != 422 || !strings.Contains(fmt.Sprint(r.Body["error"]), `in namespace "urn:oasis:names:tc:xliff:document:1.1"`) {
		t.Errorf("po2xliff's merge: %d %s, want 422 naming the namespace it found", r.Status, r.Raw)
	}

	counts := runTool(t, dir, nil, pocount, "--csv", "memory.tmx")
	// Filename, Translated Messages, ... Total Message: two approved pairs, both read.
	m := regexp.MustCompile(`memory\.tmx,\s*(\d+),(?:\s*\d+,){6}\s*(\d+),`).FindStringSubmatch(counts)
	if m == nil || m[1] != "2" || m[2] != "2" {
		t.Errorf("pocount of the TMX export: %s\n%s", counts, memory)
	}
}
