// Package workspace is the signed-in browser workspace: sign-in and out,
// the interface language, the dashboard, the editor, the review queue,
// source documents, publishing, glossaries, the account page and XLIFF
// upload, rendered from the embedded templates with the embedded,
// fingerprinted static assets, in the person's interface language. It owns
// the workspace's session and CSRF cookies and its content policy. Handlers
// read forms, call app and render; they decide nothing.
package workspace

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/gin-gonic/gin"

	"tilmash/internal/app"
	"tilmash/internal/apperr"
	"tilmash/internal/i18n"
	"tilmash/internal/server/httpx"
	"tilmash/internal/server/locale"
	"tilmash/internal/workflow"
	"tilmash/web"
)

// Config is what the workspace needs.
type Config struct {
	App     *app.App
	Auth    *httpx.Auth
	Bundle  *i18n.Bundle // the interface's messages
	BaseURL string       // the configured public address, "" to follow the request's host
	Log     *slog.Logger
}

// Server serves the workspace's pages and static files. Its templates and
// fingerprinted assets are parsed once, by New.
type Server struct {
	app     *app.App
	auth    *httpx.Auth
	bundle  *i18n.Bundle
	views   *renderer
	assets  *assets
	baseCfg string
	log     *slog.Logger
}

// New parses the workspace's templates and fingerprints its assets; a
// template or an asset that is wrong stops the start.
func New(cfg Config) (*Server, error) {
	as, err := loadAssets(web.FS, "static")
	if err != nil {
		return nil, fmt.Errorf("workspace assets: %w", err)
	}
	views, err := newRenderer(web.FS, templateFuncs(as))
	if err != nil {
		return nil, fmt.Errorf("workspace templates: %w", err)
	}
	return &Server{app: cfg.App, auth: cfg.Auth, bundle: cfg.Bundle, views: views, assets: as,
		baseCfg: cfg.BaseURL, log: cfg.Log}, nil
}

// Routes registers the workspace pages on r. Sign-in, the language
// switcher and the assets are open; everything else needs a session, and
// every POST a CSRF token.
func (s *Server) Routes(r gin.IRouter) {
	r.GET("/static/*file", s.assets.serve)
	r.GET("/favicon.ico", s.assets.favicon)

	open := r.Group("", s.uiHeaders())
	open.GET("/signin", s.signinPage)
	open.POST("/signin", s.signin)
	open.POST("/language", s.chooseLanguage)

	pages := r.Group("", s.uiHeaders(), s.requireSession())
	pages.POST("/signout", s.signout)
	pages.GET("/", s.dashboard)
	pages.GET("/translate/:id/:lang", s.editorPage)
	pages.GET("/review/:lang", s.reviewPage)
	pages.POST("/review/:lang", s.reviewApproveAll)
	pages.POST("/review/:lang/:sid/approve", s.reviewApprove)
	pages.POST("/review/:lang/:sid/reject", s.reviewReject)
	pages.GET("/documents/new", s.newDocumentPage)
	pages.POST("/documents", s.createDocumentForm)
	pages.GET("/documents/:id/source", s.sourcePage)
	pages.POST("/documents/:id/source", s.reviseDocumentForm)
	pages.GET("/documents/:id/segments/:sid/cut", s.cutPage)
	pages.POST("/documents/:id/segments/:sid/join", s.joinForm)
	pages.POST("/documents/:id/segments/:sid/split", s.splitForm)
	pages.POST("/documents/:id/segments/:sid/flags", s.flagForm)
	pages.POST("/documents/:id/archive", s.archiveDocumentForm)
	pages.POST("/documents/:id/unarchive", s.unarchiveDocumentForm)
	pages.GET("/documents/:id/delete", s.deleteDocumentPage)
	pages.POST("/documents/:id/delete", s.deleteDocumentForm)
	pages.GET("/publish/:id", s.publishPage)
	pages.POST("/publish/:id", s.publishSeveralForm)
	pages.POST("/publish/:id/:lang", s.publishRelease)
	pages.POST("/publish/:id/:lang/withdraw", s.withdrawReleaseForm)
	pages.POST("/translate/:id/:lang/xliff", s.uploadXLIFF)
	pages.GET("/account", s.accountPage)
	pages.POST("/account/tokens", s.createTokenForm)
	s.glossaryRoutes(pages)
}

// baseURL is the scheme and host public links start with.
func (s *Server) baseURL(c *gin.Context) string { return httpx.BaseURL(c, s.baseCfg) }

// setCookie writes a cookie the service's way (httpx.SetCookie); a
// negative age deletes it.
func (s *Server) setCookie(c *gin.Context, name, value string, age time.Duration) {
	httpx.SetCookie(c, s.baseCfg, name, value, age)
}

// localizer is the request's interface language.
func (s *Server) localizer(c *gin.Context) *i18n.Localizer { return locale.Localizer(c, s.bundle) }

// actor is the authenticated person of the request.
func actor(c *gin.Context) workflow.Actor { return httpx.Actor(c) }

// idParam reads a positive integer path parameter.
func idParam(c *gin.Context, name, what string) (int64, error) { return httpx.IDParam(c, name, what) }

// statusOf is the HTTP status of an application error code.
func statusOf(code apperr.Code) int { return httpx.StatusOf(code) }
