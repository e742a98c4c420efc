package workspace

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestRendererDeclaredViews: a template file that is no declared view, or a
// declared view without its file, stops the start.
func TestRendererDeclaredViews(t *testing.T) {
	files := fstest.MapFS{"templates/layout.html": {Data: []byte(`{{template "content" .}}`)}}
	for _, v := range views() {
		files["templates/"+v+".html"] = &fstest.MapFile{Data: []byte(`{{define "content"}}` + v + `{{end}}`)}
	}
	if _, err := newRenderer(files, nil); err != nil {
		t.Fatalf("all views present: %v", err)
	}
	files["templates/stray.html"] = &fstest.MapFile{Data: []byte(`{{define "content"}}{{end}}`)}
	if _, err := newRenderer(files, nil); err == nil || !strings.Contains(err.Error(), "stray.html is not a declared view") {
		t.Errorf("stray template: %v", err)
	}
	delete(files, "templates/stray.html")
	delete(files, "templates/"+viewReview+".html")
	if _, err := newRenderer(files, nil); err == nil || !strings.Contains(err.Error(), "view review has no template") {
		t.Errorf("missing view: %v", err)
	}
}
