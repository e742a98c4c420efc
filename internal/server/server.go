// Package server is the HTTP adapter: the Gin router, middleware, and one
// file per resource. Handlers decode, call the store (which calls workflow),
// and encode; they decide no workflow rule themselves.
package server

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"tilmash/internal/app"
	"tilmash/internal/auth"
	"tilmash/internal/metrics"
	"tilmash/internal/publish"
	"tilmash/internal/store"
)

// MaxBodyBytes bounds every request body.
const MaxBodyBytes = 5 << 20

// Config is what the server needs to know about where it runs.
type Config struct {
	// BaseURL, when set, is the public address used in links ("https://tilmash.example.org");
	// otherwise links are built from the request's host.
	BaseURL string
	// Metrics, when set, records requests, sign-ins and webhook deliveries.
	Metrics *metrics.Metrics
	// Throttle is the sign-in throttle; the zero value means auth.DefaultThrottle().
	Throttle auth.ThrottlePolicy
}

// Server serves the API, the workspace pages and the public releases.
type Server struct {
	cfg    Config
	store  *store.Store
	app    *app.App
	pages  *publish.Renderer
	log    *slog.Logger
	router *gin.Engine
	ui     *uiState  // the browser workspace (ui_*.go)
	reads  readSlots // admission of whole-document reads (read_slots.go)
}

// New builds the server and its routes.
// Handlers call a's use cases; those not moved into internal/app yet still
// call st (issue 12).
func New(cfg Config, st *store.Store, a *app.App, log *slog.Logger) (*Server, error) {
	pages, err := publish.NewRenderer()
	if err != nil {
		return nil, err
	}
	if cfg.Throttle == (auth.ThrottlePolicy{}) {
		cfg.Throttle = auth.DefaultThrottle()
	}
	gin.SetMode(gin.ReleaseMode)
	s := &Server{cfg: cfg, store: st, app: a, pages: pages, log: log, reads: newReadSlots()}
	if s.ui, err = newUIState(s); err != nil {
		return nil, err
	}
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.Use(requestID(), s.securityHeaders(), s.logRequests(), s.recoverer())
	s.routes(r)
	s.router = r
	return s, nil
}

// Handler is the server's http.Handler.
func (s *Server) Handler() http.Handler { return s.router }

func (s *Server) routes(r *gin.Engine) {
	r.GET("/healthz", s.health)

	api := r.Group("/api/v1", s.requireToken())
	api.GET("/me", s.me)
	api.GET("/languages", s.listLanguages)
	api.GET("/documents", s.listDocuments)
	api.POST("/documents", s.createDocument)
	api.GET("/documents/:id", s.getDocument)
	api.PUT("/documents/:id", s.reviseDocument)
	api.GET("/documents/:id/translations/:lang", s.heavyRead(s.listTranslations))
	api.PUT("/segments/:sid/translations/:lang", s.saveTranslation)
	api.POST("/segments/:sid/translations/:lang/approve", s.approveTranslation)
	api.POST("/segments/:sid/translations/:lang/reject", s.rejectTranslation)
	api.POST("/segments/:sid/translations/:lang/clear", s.clearTranslation)
	api.GET("/segments/:sid/translations/:lang/history", s.heavyRead(s.translationHistory))
	api.GET("/segments/:sid/suggestions", s.heavyRead(s.suggestions))
	api.GET("/segments/:sid/glossary", s.segmentTerms)
	api.POST("/documents/:id/pretranslate", s.pretranslate)
	api.GET("/glossary/:lang", s.listTerms)
	api.POST("/glossary/:lang", s.addTerm)
	api.DELETE("/glossary/:lang/:tid", s.deleteTerm)
	api.POST("/glossary/:lang/import", s.importTerms)
	api.GET("/glossary/:lang/export", s.exportTerms)

	s.releaseRoutes(api, r)
	s.exchangeRoutes(api)
	s.uiRoutes(r)

	r.NoRoute(func(c *gin.Context) {
		writeError(c, http.StatusNotFound, "not_found", "no such page: "+c.Request.URL.Path)
	})
	r.NoMethod(func(c *gin.Context) {
		writeError(c, http.StatusMethodNotAllowed, "method_not_allowed", c.Request.Method+" is not allowed on "+c.Request.URL.Path)
	})
}

// logRequests writes one line per request: its id, method, route template
// (never the raw path, which may carry a token or a name), status, duration
// and the signed-in user. Texts, passwords and tokens are never logged.
func (s *Server) logRequests() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		elapsed := time.Since(start)
		s.cfg.Metrics.Request(routeOf(c), c.Request.Method, c.Writer.Status(), elapsed)
		attrs := []any{"request_id", requestIDOf(c), "method", c.Request.Method, "route", routeOf(c),
			"status", c.Writer.Status(), "duration", elapsed.Round(time.Microsecond)}
		if a := actor(c); a.Name != "" {
			attrs = append(attrs, "user", a.Name)
		}
		s.log.Info("request", attrs...)
	}
}

// routeOf is the request's route template ("/api/v1/segments/:sid/translations/:lang"),
// or "unmatched" for a path no route serves.
func routeOf(c *gin.Context) string {
	if r := c.FullPath(); r != "" {
		return r
	}
	return "unmatched"
}

// recoverer turns a panic into a logged 500 so one bad request never takes the service down.
func (s *Server) recoverer() gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			if p := recover(); p != nil {
				s.log.Error("panic", "request_id", requestIDOf(c), "route", routeOf(c), "panic", p)
				if !c.Writer.Written() {
					writeError(c, http.StatusInternalServerError, "internal", "internal error")
				}
				c.Abort()
			}
		}()
		c.Next()
	}
}

// baseURL is the scheme and host public links start with.
func (s *Server) baseURL(c *gin.Context) string {
	if s.cfg.BaseURL != "" {
		return s.cfg.BaseURL
	}
	scheme := "http"
	if c.Request.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + c.Request.Host
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
