// Package archtest holds the test that keeps the layers' dependencies
// pointing the way docs/architecture.md draws them.
package archtest

import (
	"bufio"
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

const module = "tilmash/"

// allDeps maps each of the module's packages to the packages it depends on,
// directly or not, as go list sees them (tests excluded; the standard
// library left out), in one go list run.
func allDeps(t *testing.T) map[string][]string {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps=false", "-f", `{{.ImportPath}}{{range .Deps}} {{.}}{{end}}`, module+"...")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("go list: %v\n%s", err, errOut.String())
	}
	all := map[string][]string{}
	sc := bufio.NewScanner(&out)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		var deps []string
		for _, d := range f[1:] {
			if strings.Contains(d, ".") || strings.HasPrefix(d, module) { // not the standard library
				deps = append(deps, d)
			}
		}
		all[strings.TrimPrefix(f[0], module)] = deps
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return all
}

// TestDependenciesPointInward: the rules of docs/architecture.md's table.
// A package listed may not depend on any of forbidden, directly or through
// another package.
func TestDependenciesPointInward(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	domain := []string{"internal/workflow", "internal/segment", "internal/qa", "internal/glossary", "internal/tm",
		"internal/publish", "internal/xliff", "internal/tmx", "internal/auth", "internal/language", "internal/limits", "internal/xmltext", "internal/textfold"}
	adapters := []string{"github.com/gin-gonic/gin", "gorm.io/", module + "internal/app", module + "internal/store",
		module + "internal/server"}
	rules := []struct {
		pkg       string
		forbidden []string
	}{
		{"internal/record", []string{module + "internal/"}},
		{"internal/app", []string{"github.com/gin-gonic/gin", "gorm.io/", module + "internal/store", module + "internal/server"}},
		{"internal/store", []string{module + "internal/app", module + "internal/server", module + "internal/segment",
			module + "internal/qa", module + "internal/xliff", module + "internal/tmx", module + "internal/glossary",
			module + "internal/publish"}},
		{"internal/server", []string{"gorm.io/", module + "internal/store"}},
		{"internal/server/api", []string{"gorm.io/", module + "internal/store", module + "internal/server/workspace", module + "internal/server/public"}},
		{"internal/server/workspace", []string{"gorm.io/", module + "internal/store", module + "internal/server/api", module + "internal/server/public"}},
		{"internal/server/public", []string{"gorm.io/", module + "internal/store", module + "internal/server/api", module + "internal/server/workspace"}},
		{"internal/server/httpx", []string{"gorm.io/", module + "internal/store", module + "internal/server/api", module + "internal/server/workspace", module + "internal/server/public", module + "internal/server/locale"}},
		{"internal/server/locale", []string{"gorm.io/", module + "internal/store", module + "internal/server/api", module + "internal/server/workspace", module + "internal/server/public"}},
		{"internal/webhook", []string{module + "internal/app", module + "internal/store", module + "internal/server"}},
	}
	for _, d := range domain {
		rules = append(rules, struct {
			pkg       string
			forbidden []string
		}{d, adapters})
	}
	all := allDeps(t)
	for _, r := range rules {
		deps, ok := all[r.pkg]
		if !ok {
			t.Errorf("go list knows no package %s", r.pkg)
		}
		for _, dep := range deps {
			for _, f := range r.forbidden {
				if within(dep, f) {
					t.Errorf("%s depends on %s", r.pkg, dep)
				}
			}
		}
	}
}

// within reports whether package dep is p or under it; p ending in "/"
// names everything under a path.
func within(dep, p string) bool {
	if strings.HasSuffix(p, "/") {
		return strings.HasPrefix(dep, p)
	}
	return dep == p || strings.HasPrefix(dep, p+"/")
}
