package publish

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// ZipEntry is one language's release in a zip manifest.
type ZipEntry struct {
	Lang        string    `json:"lang"`
	Number      int       `json:"number"`
	Revision    int       `json:"revision"`
	PublishedAt time.Time `json:"published_at"`
	URL         string    `json:"url"`
	Partial     bool      `json:"partial,omitempty"`
	Files       []string  `json:"files"`
}

// Zip writes one archive with every page in three forms (LANG.html,
// LANG.txt, LANG.json) and a manifest.json listing what release each came
// from. Files carry their release's publication time, so the same releases
// always give the same bytes.
func (r *Renderer) Zip(w io.Writer, title string, pages []Page) error {
	zw := zip.NewWriter(w)
	manifest := struct {
		Title     string     `json:"title"`
		Languages []ZipEntry `json:"languages"`
	}{Title: title, Languages: make([]ZipEntry, 0, len(pages))}
	var newest time.Time
	var buf bytes.Buffer
	for _, p := range pages {
		e := ZipEntry{Lang: p.Lang, Number: p.Number, Revision: p.Revision, PublishedAt: p.PublishedAt, URL: p.URL, Partial: p.Partial}
		for _, f := range []struct {
			ext    string
			render func(io.Writer, Page) error
		}{{"html", r.HTML}, {"txt", Text}, {"json", JSON}} {
			buf.Reset()
			if err := f.render(&buf, p); err != nil {
				return err
			}
			name := p.Lang + "." + f.ext
			if err := addFile(zw, name, p.PublishedAt, buf.Bytes()); err != nil {
				return err
			}
			e.Files = append(e.Files, name)
		}
		if p.PublishedAt.After(newest) {
			newest = p.PublishedAt
		}
		manifest.Languages = append(manifest.Languages, e)
	}
	m, err := json.MarshalIndent(manifest, "", "  ")
	if err != nil {
		return fmt.Errorf("zip manifest: %w", err)
	}
	if err := addFile(zw, "manifest.json", newest, append(m, '\n')); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("finish zip: %w", err)
	}
	return nil
}

func addFile(zw *zip.Writer, name string, mod time.Time, data []byte) error {
	f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: mod.UTC()})
	if err != nil {
		return fmt.Errorf("zip %s: %w", name, err)
	}
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("zip %s: %w", name, err)
	}
	return nil
}
