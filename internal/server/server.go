// Package server is the HTTP adapter: the Gin router, middleware, and one
// file per resource. Handlers decode, call the store (which calls workflow),
// and encode; they decide no workflow rule themselves.
package server

import (
	"fmt"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"tilmash/internal/app"
	"tilmash/internal/auth"
	"tilmash/internal/i18n"
	"tilmash/internal/metrics"
	"tilmash/internal/server/api"
	"tilmash/internal/server/httpx"
	"tilmash/internal/server/public"
	"tilmash/internal/server/workspace"
	"tilmash/internal/store"
	"tilmash/translations"
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
	log    *slog.Logger
	router *gin.Engine
}

// New builds the server and its routes.
// Handlers call a's use cases; those not moved into internal/app yet still
// call st (issue 12).
func New(cfg Config, st *store.Store, a *app.App, log *slog.Logger) (*Server, error) {
	pub, err := public.New(a, cfg.BaseURL, log)
	if err != nil {
		return nil, err
	}
	bundle, err := i18n.New(translations.FS)
	if err != nil {
		return nil, fmt.Errorf("workspace messages: %w", err)
	}
	gin.SetMode(gin.ReleaseMode)
	authn := httpx.NewAuth(a, cfg.BaseURL, log)
	s := &Server{cfg: cfg, store: st, app: a, auth: authn, log: log}
	ws, err := workspace.New(workspace.Config{App: a, Store: st, Auth: authn, Bundle: bundle, BaseURL: cfg.BaseURL, Log: log})
	if err != nil {
		return nil, err
	}
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.Use(httpx.RequestID(), httpx.SecurityHeaders(cfg.BaseURL), httpx.LogRequests(log, cfg.Metrics), httpx.Recoverer(log))
	api.New(api.Config{App: a, Store: st, Auth: authn, Bundle: bundle, BaseURL: cfg.BaseURL, Log: log}).Routes(r)
	pub.Routes(r)
	ws.Routes(r)
	r.NoRoute(func(c *gin.Context) {
		httpx.WriteError(c, http.StatusNotFound, "not_found", "no such page: "+c.Request.URL.Path)
	})
	r.NoMethod(func(c *gin.Context) {
		httpx.WriteError(c, http.StatusMethodNotAllowed, "method_not_allowed", c.Request.Method+" is not allowed on "+c.Request.URL.Path)
	})
	s.router = r
	return s, nil
}

// Handler is the server's http.Handler.
func (s *Server) Handler() http.Handler { return s.router }
