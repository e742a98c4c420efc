package public

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
	"tilmash/internal/language"
	"tilmash/internal/publish"
	"tilmash/internal/server/httpx"
)

// Cache lifetimes of public release answers: a numbered release never
// changes but may be withdrawn, so it is cached for minutes, not forever.
const (
	cacheRelease = "public, max-age=300"
	cacheLatest  = "public, max-age=60"
)

// publicFile splits the last part of a public release path into a name and
// a format: "2.txt" → "2", "txt"; "latest" → "latest", "html".
func publicFile(file string) (name, format string) {
	if i := strings.LastIndexByte(file, '.'); i >= 0 {
		return file[:i], file[i+1:]
	}
	return file, "html"
}

// publicRelease serves /releases/DOC/LANG/{N|latest}[.txt|.json] and
// /releases/DOC/LANG/feed.atom without login.
func (s *Server) publicRelease(c *gin.Context) {
	doc, err := httpx.IDParam(c, "doc", "document")
	if err != nil {
		s.fail(c, err)
		return
	}
	lang, err := language.Canonical(c.Param("lang"))
	if err != nil {
		s.fail(c, apperr.New(apperr.NotFound, "no release in %q: not a language tag", c.Param("lang")))
		return
	}
	name, format := publicFile(c.Param("file"))
	if name == "feed" && format == "atom" {
		s.feed(c, lang, doc)
		return
	}
	number := 0
	if name != "latest" {
		n, err := strconv.Atoi(name)
		if err != nil || n <= 0 {
			s.fail(c, apperr.New(apperr.NotFound, "no release %q: use a release number, latest or feed.atom", c.Param("file")))
			return
		}
		number = n
	}
	if format != "html" && format != "txt" && format != "json" {
		s.fail(c, apperr.New(apperr.NotFound, "no %q format; use .txt, .json or none for HTML", format))
		return
	}
	ctx := c.Request.Context()
	rel, err := s.app.ReleaseByNumber(ctx, doc, lang, number)
	if err != nil {
		s.fail(c, err)
		return
	}
	base := s.baseURL(c)
	if rel.Withdrawn != nil {
		s.gone(c, format, withdrawal(base, rel))
		return
	}
	alts, err := s.alternates(ctx, base, doc, rel.Lang)
	if err != nil {
		s.fail(c, err)
		return
	}
	page := releasePage(base, rel, alts)
	var buf bytes.Buffer
	switch format {
	case "html":
		err = s.pages.HTML(&buf, page)
	case "txt":
		err = publish.Text(&buf, page)
	case "json":
		err = publish.JSON(&buf, page)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	cache := cacheRelease
	if number == 0 {
		cache = cacheLatest
	}
	writePublic(c, http.StatusOK, format, rel.Lang, cache, buf.Bytes())
}

// gone answers 410 for a withdrawn release, in the format asked for.
func (s *Server) gone(c *gin.Context, format string, g publish.Withdrawal) {
	if format == "json" {
		e := apperr.New(apperr.Gone, "release %d of %q in %s was withdrawn: %s", g.Number, g.Title, g.Lang, g.Reason).
			With("reason", g.Reason).With("withdrawn_at", g.WithdrawnAt).With("number", g.Number)
		if g.LatestURL != "" {
			e = e.With("latest_url", g.LatestURL)
		}
		c.Header("Cache-Control", cacheLatest)
		s.fail(c, e)
		return
	}
	var buf bytes.Buffer
	var err error
	if format == "txt" {
		err = publish.GoneText(&buf, g)
	} else {
		err = s.pages.GoneHTML(&buf, g)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	writePublic(c, http.StatusGone, format, g.Lang, cacheLatest, buf.Bytes())
}

// contentTypes of the public formats.
var contentTypes = map[string]string{
	"html": "text/html; charset=utf-8",
	"txt":  "text/plain; charset=utf-8",
	"json": "application/json; charset=utf-8",
	"atom": "application/atom+xml; charset=utf-8",
	"zip":  "application/zip",
}

// writePublic writes a public answer with its type, language and caching.
func writePublic(c *gin.Context, status int, format, lang, cache string, body []byte) {
	if lang != "" {
		c.Header("Content-Language", lang)
	}
	c.Header("Cache-Control", cache)
	c.Header("X-Content-Type-Options", "nosniff")
	c.Data(status, contentTypes[format], body)
}
