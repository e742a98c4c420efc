package publish

import (
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"
)

//go:embed page.html
var pageFS embed.FS

// Renderer writes pages; it parses its template once.
type Renderer struct {
	page *template.Template
}

// NewRenderer parses the page template.
func NewRenderer() (*Renderer, error) {
	t, err := template.New("page.html").Funcs(template.FuncMap{
		"sameLang": func(a, b string) bool { return a == b },
	}).ParseFS(pageFS, "page.html")
	if err != nil {
		return nil, fmt.Errorf("parse release page: %w", err)
	}
	return &Renderer{page: t}, nil
}

// HTML writes a standalone, print-friendly HTML document.
func (r *Renderer) HTML(w io.Writer, p Page) error {
	if err := r.page.Execute(w, p); err != nil {
		return fmt.Errorf("render release page: %w", err)
	}
	return nil
}

// Text writes the release as plain text: the title, a blank line, then one
// paragraph a line with its sentences joined by a space.
func Text(w io.Writer, p Page) error {
	var b strings.Builder
	b.WriteString(p.Title)
	b.WriteString("\n\n")
	for _, para := range p.Paragraphs {
		for i, s := range para {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s.Text)
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// JSON writes the release as JSON.
func JSON(w io.Writer, p Page) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(p)
}
