package publish

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"

	"tilmash/internal/language"
)

//go:embed page.html gone.html
var pageFS embed.FS

// Renderer writes pages; it parses its templates once.
type Renderer struct {
	page *template.Template
	gone *template.Template
}

// NewRenderer parses the page templates.
func NewRenderer() (*Renderer, error) {
	page, err := template.ParseFS(pageFS, "page.html")
	if err != nil {
		return nil, fmt.Errorf("parse release page: %w", err)
	}
	gone, err := template.ParseFS(pageFS, "gone.html")
	if err != nil {
		return nil, fmt.Errorf("parse withdrawn release page: %w", err)
	}
	return &Renderer{page: page, gone: gone}, nil
}

// htmlPage is what the page template gets: the page, and its text already
// escaped into HTML (one pass over the sentences instead of a template
// action per sentence, which costs about ten times more).
type htmlPage struct {
	Page
	Heading    Sentence
	HeadingDir string
	Body       template.HTML
}

// HTML writes a standalone, print-friendly HTML document.
func (r *Renderer) HTML(w io.Writer, p Page) error {
	heading, rest := p.Heading()
	hp := htmlPage{Page: p, Heading: heading, HeadingDir: language.DirectionOf(heading.Lang), Body: paragraphsHTML(p, rest)}
	if err := r.page.Execute(w, hp); err != nil {
		return fmt.Errorf("render release page: %w", err)
	}
	return nil
}

// paragraphsHTML writes paras as <p> elements, escaping every text; a
// sentence in another language than the page's (the source in a partial
// release) is wrapped in a span that names its language, or, when the whole
// paragraph is in it, the <p> names it, so that it also takes its own
// alignment (a Russian paragraph stays left-aligned on an Arabic page).
func paragraphsHTML(p Page, paras []Paragraph) template.HTML {
	var b strings.Builder
	b.Grow(textSize(p) + 16*len(paras))
	langAttrs := func(lang string) {
		b.WriteString(` lang="`)
		b.WriteString(template.HTMLEscapeString(lang))
		b.WriteString(`" dir="`)
		b.WriteString(template.HTMLEscapeString(language.DirectionOf(lang)))
		b.WriteString(`"`)
	}
	for _, para := range paras {
		paraLang := p.Lang
		if foreign := para.onlyLang(); foreign != "" && foreign != p.Lang {
			paraLang = foreign
			b.WriteString("<p")
			langAttrs(foreign)
			b.WriteString(">")
		} else {
			b.WriteString("<p>")
		}
		for i, s := range para {
			if i > 0 {
				b.WriteByte(' ')
			}
			if s.Lang == paraLang {
				b.WriteString(template.HTMLEscapeString(s.Text))
				continue
			}
			b.WriteString(`<span`)
			langAttrs(s.Lang)
			b.WriteString(`>`)
			b.WriteString(template.HTMLEscapeString(s.Text))
			b.WriteString("</span>")
		}
		b.WriteString("</p>\n")
	}
	return template.HTML(b.String()) // every text above is escaped
}

// GoneHTML writes the page a withdrawn release's URL shows.
func (r *Renderer) GoneHTML(w io.Writer, g Withdrawal) error {
	if err := r.gone.Execute(w, g); err != nil {
		return fmt.Errorf("render withdrawn release page: %w", err)
	}
	return nil
}

// Text writes the release as plain text: the heading, a blank line, the
// partial note and a blank line when the release is partial, then the
// paragraphs, each on a line of its own with its sentences joined by a
// space, a blank line between them (as the source was written, and so that
// a paragraph wrapped by an editor stays one).
func Text(w io.Writer, p Page) error {
	var b bytes.Buffer
	b.Grow(textSize(p))
	heading, rest := p.Heading()
	b.WriteString(heading.Text)
	b.WriteString("\n\n")
	if p.Partial {
		// The HTML page says it in a note under the heading; the text does too.
		b.WriteString(p.Labels.Partial)
		b.WriteString("\n\n")
	}
	for k, para := range rest {
		if k > 0 {
			b.WriteByte('\n')
		}
		for i, s := range para {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s.Text)
		}
		b.WriteByte('\n')
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write release text: %w", err)
	}
	return nil
}

func textSize(p Page) int {
	n := len(p.Title) + 2 + len(p.Paragraphs)
	if p.Partial {
		n += len(p.Labels.Partial) + 2
	}
	for _, para := range p.Paragraphs {
		for _, s := range para {
			n += len(s.Text) + 1
		}
	}
	return n
}

// GoneText writes a withdrawn release as plain text: the heading, the
// reason, and the latest release's address when there is one.
func GoneText(w io.Writer, g Withdrawal) error {
	msg := fmt.Sprintf("%s\n\n%s, %s %d\n%s: %s\n", g.Labels.Withdrawn, g.Title, g.Labels.Release, g.Number, g.Labels.Reason, g.Reason)
	if g.LatestURL != "" {
		msg += g.Labels.Latest + ": " + g.LatestURL + "\n"
	}
	if _, err := io.WriteString(w, msg); err != nil {
		return fmt.Errorf("write withdrawn release text: %w", err)
	}
	return nil
}

// JSON writes the release as JSON. Its title is the page's heading (the
// translated headline when the document has one), as the HTML page's is;
// source_title is the document's title as imported.
func JSON(w io.Writer, p Page) error {
	heading, _ := p.Heading()
	type page Page // the fields of Page without this method set
	out := struct {
		Title       string `json:"title"`
		SourceTitle string `json:"source_title"`
		page
	}{Title: heading.Text, SourceTitle: p.Title, page: page(p)}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write release JSON: %w", err)
	}
	return nil
}
