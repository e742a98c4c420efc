package publish

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestZip(t *testing.T) {
	r, _ := NewRenderer()
	kk := samplePage()
	kk.Lang, kk.Dir, kk.Labels = "kk", "ltr", LabelsFor("kk")
	pages := []Page{kk, samplePage()}
	var a, b bytes.Buffer
	if err := r.Zip(&a, "Семинар", pages); err != nil {
		t.Fatal(err)
	}
	if err := r.Zip(&b, "Семинар", pages); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same releases gave different archives")
	}
	zr, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(kk.PublishedAt) {
			t.Errorf("%s modified %v, want the publication time", f.Name, f.Modified)
		}
	}
	if got := strings.Join(names, " "); got != "kk.html kk.txt kk.json ar.html ar.txt ar.json manifest.json" {
		t.Errorf("files %s", got)
	}
	rc, _ := zr.File[1].Open()
	txt, _ := io.ReadAll(rc)
	if !strings.HasPrefix(string(txt), kk.Title+"\n\n") {
		t.Errorf("kk.txt = %q", txt)
	}
}
