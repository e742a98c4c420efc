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

// deps lists the packages pkg depends on, directly or not, as go list sees
// them (tests excluded), without the module prefix; the standard library
// is left out.
func deps(t *testing.T, pkg string) []string {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", module+pkg)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("go list -deps %s: %v\n%s", pkg, err, errOut.String())
	}
	var list []string
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		if p := strings.TrimSpace(sc.Text()); p != "" && p != module+pkg {
			list = append(list, p)
		}
	}
	return list
}

// TestDependenciesPointInward: the rules of docs/architecture.md's table.
// A package listed may not depend on any of forbidden, directly or through
// another package.
func TestDependenciesPointInward(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	domain := []string{"internal/workflow", "internal/segment", "internal/qa", "internal/glossary", "internal/tm",
		"internal/publish", "internal/xliff", "internal/tmx", "internal/auth", "internal/language", "internal/limits"}
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
	for _, r := range rules {
		for _, dep := range deps(t, r.pkg) {
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
