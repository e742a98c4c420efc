// Package public serves published releases to everyone, without signing
// in: a release's page in HTML, text and JSON (a withdrawn one answers 410
// Gone with its reason), the Atom feeds of a document and of a language, and
// a document's zip of every language's latest release. It reads releases
// through app and renders them with publish; it changes nothing.
package public

import (
	"log/slog"

	"github.com/gin-gonic/gin"

	"tilmash/internal/app"
	"tilmash/internal/publish"
	"tilmash/internal/server/httpx"
)

// Server serves the public release pages and feeds.
type Server struct {
	app     *app.App
	pages   *publish.Renderer
	baseCfg string // the configured public address, "" to follow the request's host
	log     *slog.Logger
}

// New is the public side of the service; baseURL is the configured public
// address ("" when links follow the request's host).
func New(a *app.App, baseURL string, log *slog.Logger) (*Server, error) {
	pages, err := publish.NewRenderer()
	if err != nil {
		return nil, err
	}
	return &Server{app: a, pages: pages, baseCfg: baseURL, log: log}, nil
}

// Routes registers the public release pages, archives and feeds on r.
func (s *Server) Routes(r gin.IRouter) {
	r.GET("/releases/:doc/:lang/:file", pageHeaders, s.publicRelease)
	r.GET("/releases/:doc/:lang", s.publicArchive) // :lang is "all.zip" here
	r.GET("/feeds/:file", s.languageFeed)
}

// pageHeaders gives the public release pages their content policy.
func pageHeaders(c *gin.Context) {
	c.Writer.Header().Set("Content-Security-Policy", httpx.PublicPageCSP)
}

// fail answers with an application error, or a logged 500 for anything else.
func (s *Server) fail(c *gin.Context, err error) { httpx.Fail(c, s.log, err) }

// baseURL is the scheme and host public links start with.
func (s *Server) baseURL(c *gin.Context) string { return httpx.BaseURL(c, s.baseCfg) }
