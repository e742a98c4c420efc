package server

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
	"tilmash/internal/language"
	"tilmash/internal/publish"
)

// publicRelease serves /releases/DOC/LANG/{N|latest}[.txt|.json] without login.
func (s *Server) publicRelease(c *gin.Context) {
	doc, err := idParam(c, "doc", "document")
	if err != nil {
		s.fail(c, err)
		return
	}
	lang, err := language.Canonical(c.Param("lang"))
	if err != nil {
		s.fail(c, apperr.New(apperr.NotFound, "no such release"))
		return
	}
	file := c.Param("file")
	name, format := file, "html"
	if i := strings.LastIndexByte(file, '.'); i >= 0 {
		name, format = file[:i], file[i+1:]
	}
	number := 0
	if name != "latest" {
		n, err := strconv.Atoi(name)
		if err != nil || n <= 0 {
			s.fail(c, apperr.New(apperr.NotFound, "no release %q", file))
			return
		}
		number = n
	}
	ctx := c.Request.Context()
	rel, err := s.store.ReleaseByNumber(ctx, doc, lang, number)
	if err != nil {
		s.fail(c, err)
		return
	}
	page := publish.Page{Title: rel.Title, Lang: rel.Lang, Dir: language.DirectionOf(rel.Lang), Number: rel.Number,
		Revision: rel.Revision, PublishedAt: rel.PublishedAt,
		URL:    s.baseURL(c) + releasePath(doc, rel.Lang, strconv.Itoa(rel.Number)),
		Labels: publish.Labels{Release: "Release", Published: "Published", Languages: "Other languages"}}
	paragraphOf := make([]int, len(rel.Segments))
	texts := make([]publish.Sentence, len(rel.Segments))
	for i, sg := range rel.Segments {
		paragraphOf[i] = sg.Paragraph
		texts[i] = publish.Sentence{Text: sg.Text, Lang: sg.Lang}
	}
	page.Paragraphs = publish.Group(paragraphOf, texts)
	if page.Alternates, err = s.alternates(c, doc, rel.Lang); err != nil {
		s.fail(c, err)
		return
	}
	var buf bytes.Buffer
	switch format {
	case "html":
		err = s.pages.HTML(&buf, page)
		c.Header("Content-Type", "text/html; charset=utf-8")
	case "txt":
		err = publish.Text(&buf, page)
		c.Header("Content-Type", "text/plain; charset=utf-8")
	case "json":
		err = publish.JSON(&buf, page)
		c.Header("Content-Type", "application/json; charset=utf-8")
	default:
		s.fail(c, apperr.New(apperr.NotFound, "no %q format; use .txt, .json or none for HTML", format))
		return
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Content-Language", rel.Lang)
	if number > 0 {
		c.Header("Cache-Control", "public, max-age=86400, immutable")
	} else {
		c.Header("Cache-Control", "public, max-age=60")
	}
	c.Status(http.StatusOK)
	_, _ = c.Writer.Write(buf.Bytes())
}

// alternates lists the latest release of the document in every published language.
func (s *Server) alternates(c *gin.Context, doc int64, current string) ([]publish.Alternate, error) {
	ctx := c.Request.Context()
	published, err := s.store.PublishedLanguages(ctx, doc)
	if err != nil {
		return nil, err
	}
	ls, err := s.store.Languages(ctx)
	if err != nil {
		return nil, err
	}
	names := make(map[string]string, len(ls))
	for _, l := range ls {
		names[l.Tag] = l.NativeName
	}
	isPublished := make(map[string]bool, len(published))
	for _, p := range published {
		isPublished[p] = true
	}
	var out []publish.Alternate
	for _, l := range ls { // catalogue order, not alphabetical
		if !isPublished[l.Tag] {
			continue
		}
		out = append(out, publish.Alternate{Lang: l.Tag, NativeName: names[l.Tag],
			URL: s.baseURL(c) + releasePath(doc, l.Tag, "latest"), Current: l.Tag == current})
	}
	return out, nil
}
