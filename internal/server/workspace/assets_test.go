package workspace

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// TestAssetModules: a module's relative imports point at the fingerprinted
// names, so a change in an imported module renames its importers too.
func TestAssetModules(t *testing.T) {
	files := func(leaf string) fstest.MapFS {
		return fstest.MapFS{
			"static/app.css":         {Data: []byte("body{}")},
			"static/editor/main.js":  {Data: []byte("import { api } from \"./api.js\";\nimport './boot.js';\napi();\n")},
			"static/editor/api.js":   {Data: []byte("export { t } from \"../shared/text.js\";\nexport function api() {}\n")},
			"static/editor/boot.js":  {Data: []byte("const later = () => import(\"./api.js\");\n")},
			"static/shared/text.js":  {Data: []byte(leaf)},
			"static/editor/notes.md": {Data: []byte(`from "./nowhere.js" is not a script`)},
		}
	}
	as, err := loadAssets(files("export const t = 1;\n"), "static")
	if err != nil {
		t.Fatal(err)
	}
	printed := regexp.MustCompile(`^/static/(editor|shared)/[a-z]+\.[0-9a-f]{12}\.js$`)
	urls := map[string]string{}
	for _, name := range []string{"editor/main.js", "editor/api.js", "editor/boot.js", "shared/text.js"} {
		u, err := as.path(name)
		if err != nil || !printed.MatchString(u) {
			t.Fatalf("path(%s) = %q, %v", name, u, err)
		}
		urls[name] = u
	}
	base := func(name string) string { return urls[name][strings.LastIndex(urls[name], "/")+1:] }
	body := func(as *assets, name string) string {
		u, _ := as.path(name)
		return string(as.byPrint[strings.TrimPrefix(u, "/static/")].body)
	}
	want := map[string]string{
		"editor/main.js": "import { api } from \"./" + base("editor/api.js") + "\";\nimport './" + base("editor/boot.js") + "';\napi();\n",
		"editor/api.js":  "export { t } from \"../shared/" + base("shared/text.js") + "\";\nexport function api() {}\n",
		"editor/boot.js": "const later = () => import(\"./" + base("editor/api.js") + "\");\n",
	}
	for name, w := range want {
		if got := body(as, name); got != w {
			t.Errorf("%s served as\n%s\nwant\n%s", name, got, w)
		}
	}
	if a := as.byPrint[strings.TrimPrefix(urls["editor/main.js"], "/static/")]; !strings.HasPrefix(a.ctype, "text/javascript") {
		t.Errorf("a module's type is %q: browsers run modules only as JavaScript", a.ctype)
	}

	// A change two imports away renames the whole chain, not the unrelated.
	changed, err := loadAssets(files("export const t = 2;\n"), "static")
	if err != nil {
		t.Fatal(err)
	}
	for name, renamed := range map[string]bool{"shared/text.js": true, "editor/api.js": true, "editor/boot.js": true, "editor/main.js": true, "app.css": false} {
		before, _ := as.path(name)
		after, _ := changed.path(name)
		if (before != after) != renamed {
			t.Errorf("%s: %s then %s, want renamed %v", name, before, after, renamed)
		}
	}
}

// TestAssetModulesRefused: an import of a missing file, or a cycle, stops the start.
func TestAssetModulesRefused(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files fstest.MapFS
		want  string
	}{
		{"missing", fstest.MapFS{"static/main.js": {Data: []byte(`import "./gone.js";`)}}, `main.js imports "./gone.js": there is no gone.js`},
		{"cycle", fstest.MapFS{
			"static/a.js": {Data: []byte(`import { b } from "./b.js";`)},
			"static/b.js": {Data: []byte(`import { a } from "./a.js";`)},
		}, "imports itself"},
	} {
		if _, err := loadAssets(tt.files, "static"); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an error with %q", tt.name, err, tt.want)
		}
	}
}
