package workspace

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"tilmash/internal/i18n"
	"tilmash/translations"
	"tilmash/web"
)

var (
	templateMessage = regexp.MustCompile(`\.L\.[TN]\s+"([^"]+)"`)
	scriptMessage   = regexp.MustCompile(`\bt\("([^"]+)"\)`)
	messageShape    = regexp.MustCompile(`^[a-z]+(\.[a-z0-9_]+)+$`)
)

// usedMessages collects every message id the workspace uses: in templates
// ({{.L.T "id"}}, {{$.L.N "id" n}}), in scripts (t("id")), and every dotted
// string literal of a message namespace in the workspace's Go code (state
// and filter labels, the script's message list, Localizer calls).
func usedMessages(t *testing.T, namespaces map[string]bool) (map[string][]string, error) {
	used := map[string][]string{} // id → where
	add := func(id, where string) { used[id] = append(used[id], where) }
	err := fs.WalkDir(web.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(web.FS, p)
		if err != nil {
			return err
		}
		re := templateMessage
		if strings.HasSuffix(p, ".js") {
			re = scriptMessage
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			add(m[1], "web/"+p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	goFiles, _ := filepath.Glob("*.go")
	wording, _ := filepath.Glob("../locale/*.go")
	more, _ := filepath.Glob("../../i18n/*.go")
	fset := token.NewFileSet()
	for _, f := range append(append(goFiles, wording...), more...) {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || !messageShape.MatchString(s) {
				return true
			}
			if ns, _, _ := strings.Cut(s, "."); namespaces[ns] {
				add(s, f)
			}
			return true
		})
	}
	return used, nil
}

// TestMessageIDs fails when a message id used in a template, a script or Go
// code is missing from a complete language file, or when a file has ids
// nobody uses.
func TestMessageIDs(t *testing.T) {
	b, err := i18n.New(translations.FS)
	if err != nil {
		t.Fatal(err)
	}
	namespaces := map[string]bool{}
	for _, lang := range b.Languages() {
		for _, id := range b.IDs(lang) {
			ns, _, _ := strings.Cut(id, ".")
			namespaces[ns] = true
		}
	}
	used, err := usedMessages(t, namespaces)
	if err != nil {
		t.Fatal(err)
	}
	if len(used) < 100 {
		t.Fatalf("found only %d used ids: the scan is broken", len(used))
	}
	// The script gets its texts from editorMessages: each id it calls must be there.
	fromGo := map[string]bool{}
	for id := range editorMessages(b.Localizer("en")) {
		fromGo[id] = true
	}
	var ids []string
	for id := range used {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		for _, where := range used[id] {
			if strings.HasSuffix(where, ".js") && !fromGo[id] {
				t.Errorf("%s uses %q, which editorMessages does not send", where, id)
			}
		}
	}
	for _, lang := range b.Languages() {
		have := map[string]bool{}
		for _, id := range b.IDs(lang) {
			have[id] = true
			if _, ok := used[id]; !ok {
				t.Errorf("active.%s.toml: %q is used nowhere", lang, id)
			}
		}
		complete := false
		for _, c := range i18n.Complete() {
			complete = complete || c == lang
		}
		if !complete {
			continue
		}
		for _, id := range ids {
			if !have[id] {
				t.Errorf("active.%s.toml lacks %q (used in %s)", lang, id, strings.Join(used[id], ", "))
			}
		}
	}
}
