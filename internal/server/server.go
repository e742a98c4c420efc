// Package server is the service's HTTP entry point. New builds the Gin
// engine, installs the middleware every answer passes through (request id,
// security headers, the request log and metrics, recovery from panics) and
// mounts the routes of the three audiences:
//
//   - api: the JSON API under /api/v1, and /healthz;
//   - workspace: the signed-in browser pages and their static files;
//   - public: published releases, feeds and archives, without signing in.
//
// The audiences share httpx (errors, authentication, headers, parameters)
// and locale (the interface language and the wording of findings), and
// never import each other. Besides wiring, server only answers the paths
// and methods no route serves.
package server

import (
	"fmt"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"tilmash/internal/app"
	"tilmash/internal/i18n"
	"tilmash/internal/metrics"
	"tilmash/internal/server/api"
	"tilmash/internal/server/httpx"
	"tilmash/internal/server/public"
	"tilmash/internal/server/workspace"
	"tilmash/translations"
)

// Config is what the server needs to know about where it runs.
type Config struct {
	// BaseURL, when set, is the public address used in links ("https://tilmash.example.org");
	// otherwise links are built from the request's host.
	BaseURL string
	// Metrics, when set, records requests, sign-ins and webhook deliveries.
	Metrics *metrics.Metrics
}

// Server serves the API, the workspace pages and the public releases.
type Server struct {
	router *gin.Engine
}

// New builds the server and its routes over a's use cases.
func New(cfg Config, a *app.App, log *slog.Logger) (*Server, error) {
	pub, err := public.New(a, cfg.BaseURL, log)
	if err != nil {
		return nil, err
	}
	bundle, err := i18n.New(translations.FS)
	if err != nil {
		return nil, fmt.Errorf("workspace messages: %w", err)
	}
	authn := httpx.NewAuth(a, cfg.BaseURL, log)
	ws, err := workspace.New(workspace.Config{App: a, Auth: authn, Bundle: bundle, BaseURL: cfg.BaseURL, Log: log})
	if err != nil {
		return nil, err
	}
	apis := api.New(api.Config{App: a, Auth: authn, Bundle: bundle, BaseURL: cfg.BaseURL, Log: log})

	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.Use(httpx.RequestID(), httpx.SecurityHeaders(cfg.BaseURL), httpx.LogRequests(log, cfg.Metrics), httpx.Recoverer(log))
	apis.Routes(r)
	pub.Routes(r)
	ws.Routes(r)
	r.NoRoute(func(c *gin.Context) {
		httpx.WriteError(c, http.StatusNotFound, "not_found", "no such page: "+c.Request.URL.Path)
	})
	r.NoMethod(func(c *gin.Context) {
		httpx.WriteError(c, http.StatusMethodNotAllowed, "method_not_allowed", c.Request.Method+" is not allowed on "+c.Request.URL.Path)
	})
	return &Server{router: r}, nil
}

// Handler is the server's http.Handler.
func (s *Server) Handler() http.Handler { return s.router }
