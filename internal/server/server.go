// Package server is the HTTP adapter: the Gin router, middleware, and one
// file per resource. Handlers decode, call the store (which calls workflow),
// and encode; they decide no workflow rule themselves.
package server

import (
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"tilmash/internal/app"
	"tilmash/internal/auth"
	"tilmash/internal/metrics"
	"tilmash/internal/server/httpx"
	"tilmash/internal/server/public"
	"tilmash/internal/store"
)

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
	auth   *httpx.Auth
	public *public.Server // the public release pages and feeds
	log    *slog.Logger
	router *gin.Engine
	ui     *uiState  // the browser workspace (ui_*.go)
	reads  readSlots // admission of whole-document reads (read_slots.go)
}

// New builds the server and its routes.
// Handlers call a's use cases; those not moved into internal/app yet still
// call st (issue 12).
func New(cfg Config, st *store.Store, a *app.App, log *slog.Logger) (*Server, error) {
	pub, err := public.New(a, cfg.BaseURL, log)
	if err != nil {
		return nil, err
	}
	if cfg.Throttle == (auth.ThrottlePolicy{}) {
		cfg.Throttle = auth.DefaultThrottle()
	}
	gin.SetMode(gin.ReleaseMode)
	s := &Server{cfg: cfg, store: st, app: a, auth: httpx.NewAuth(a, cfg.BaseURL, log), public: pub, log: log, reads: newReadSlots()}
	if s.ui, err = newUIState(s); err != nil {
		return nil, err
	}
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.Use(httpx.RequestID(), httpx.SecurityHeaders(cfg.BaseURL), httpx.LogRequests(log, cfg.Metrics), httpx.Recoverer(log))
	s.routes(r)
	s.router = r
	return s, nil
}

// Handler is the server's http.Handler.
func (s *Server) Handler() http.Handler { return s.router }

func (s *Server) routes(r *gin.Engine) {
	r.GET("/healthz", s.health)

	api := r.Group("/api/v1", s.auth.RequireToken())
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

	s.releaseRoutes(api)
	s.public.Routes(r)
	s.exchangeRoutes(api)
	s.uiRoutes(r)

	r.NoRoute(func(c *gin.Context) {
		httpx.WriteError(c, http.StatusNotFound, "not_found", "no such page: "+c.Request.URL.Path)
	})
	r.NoMethod(func(c *gin.Context) {
		httpx.WriteError(c, http.StatusMethodNotAllowed, "method_not_allowed", c.Request.Method+" is not allowed on "+c.Request.URL.Path)
	})
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
