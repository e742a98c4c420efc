// Package api is the JSON API under /api/v1, for API clients with a token
// and for the workspace's scripts signed in by session: documents,
// translations and their review, the glossary, the translation memory,
// XLIFF and TMX exchange, releases and the webhook delivery log; and
// /healthz for monitors. Handlers decode the request, call one use case of
// app and encode its answer; they decide nothing.
package api

import (
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"tilmash/internal/app"
	"tilmash/internal/i18n"
	"tilmash/internal/server/httpx"
	"tilmash/internal/server/locale"
	"tilmash/internal/workflow"
)

// Config is what the API needs.
type Config struct {
	App     *app.App
	Auth    *httpx.Auth
	Bundle  *i18n.Bundle // words findings for the workspace's scripts
	BaseURL string       // the configured public address, "" to follow the request's host
	Log     *slog.Logger
}

// Server serves the JSON API.
type Server struct {
	app     *app.App
	auth    *httpx.Auth
	bundle  *i18n.Bundle
	baseCfg string
	log     *slog.Logger
	reads   readSlots // admission of whole-document reads (read_slots.go)
}

// New is the JSON API.
func New(cfg Config) *Server {
	return &Server{app: cfg.App, auth: cfg.Auth, bundle: cfg.Bundle, baseCfg: cfg.BaseURL,
		log: cfg.Log, reads: newReadSlots()}
}

// Routes registers /healthz and the API under /api/v1 on r; every API
// route needs a token or a signed-in browser.
func (s *Server) Routes(r gin.IRouter) {
	r.GET("/healthz", s.health)
	r.GET("/readyz", s.ready)

	api := r.Group("/api/v1", s.auth.RequireToken())
	api.GET("/me", s.me)
	api.GET("/languages", s.listLanguages)
	api.GET("/documents", s.listDocuments)
	api.POST("/documents", s.createDocument)
	api.GET("/documents/:id", s.getDocument)
	api.PUT("/documents/:id", s.reviseDocument)
	s.revisionRoutes(api)
	api.DELETE("/documents/:id", s.deleteDocument)
	api.POST("/documents/:id/archive", s.archiveDocument)
	api.POST("/documents/:id/unarchive", s.unarchiveDocument)
	api.GET("/documents/:id/translations/:lang", s.heavyRead(s.listTranslations))
	api.PUT("/segments/:sid/translations/:lang", s.saveTranslation)
	api.POST("/segments/:sid/translations/:lang/approve", s.approveTranslation)
	api.POST("/segments/:sid/translations/:lang/reject", s.rejectTranslation)
	api.POST("/segments/:sid/translations/:lang/clear", s.clearTranslation)
	api.GET("/segments/:sid/translations/:lang/history", s.heavyRead(s.translationHistory))
	api.GET("/segments/:sid/suggestions", s.heavyRead(s.suggestions))
	api.GET("/segments/:sid/glossary", s.segmentTerms)
	api.GET("/segments/:sid/comments", s.listComments)
	api.POST("/segments/:sid/comments", s.addComment)
	api.POST("/comments/:cid/resolve", s.resolveComment)
	api.POST("/documents/:id/pretranslate", s.pretranslate)
	api.GET("/glossary/:lang", s.listTerms)
	api.POST("/glossary/:lang", s.addTerm)
	api.DELETE("/glossary/:lang/:tid", s.deleteTerm)
	api.POST("/glossary/:lang/import", s.importTerms)
	api.GET("/glossary/:lang/export", s.exportTerms)

	s.releaseRoutes(api)
	s.exchangeRoutes(api)
}

// health answers load balancers and monitors: 200 while the database
// answers, 503 otherwise.
func (s *Server) health(c *gin.Context) {
	if err := s.app.Ping(c.Request.Context()); err != nil {
		s.log.Error("health", "err", err)
		c.JSON(http.StatusServiceUnavailable, gin.H{"status": "unavailable", "error": "the database does not answer"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

// ready answers load balancers: 200 when the database answers and its
// schema is current, 503 with the reason otherwise (/healthz answers only
// whether the database does).
func (s *Server) ready(c *gin.Context) {
	if reason, err := s.app.Ready(c.Request.Context()); err != nil {
		s.log.Warn("not ready", "err", err)
		c.JSON(http.StatusServiceUnavailable, gin.H{"status": "unavailable", "error": reason})
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ready"})
}

// fail answers with an application error, or a logged 500 for anything else.
func (s *Server) fail(c *gin.Context, err error) { httpx.Fail(c, s.log, err) }

// baseURL is the scheme and host public links start with.
func (s *Server) baseURL(c *gin.Context) string { return httpx.BaseURL(c, s.baseCfg) }

// localizer is the request's interface language.
func (s *Server) localizer(c *gin.Context) *i18n.Localizer { return locale.Localizer(c, s.bundle) }

// actor is the authenticated person of the request.
func actor(c *gin.Context) workflow.Actor { return httpx.Actor(c) }

// idParam reads a positive integer path parameter.
func idParam(c *gin.Context, name, what string) (int64, error) { return httpx.IDParam(c, name, what) }
