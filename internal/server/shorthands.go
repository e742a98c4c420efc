package server

import (
	"time"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
	"tilmash/internal/i18n"
	"tilmash/internal/server/httpx"
	"tilmash/internal/server/locale"
	"tilmash/internal/workflow"
)

// fail answers with an application error, or a logged 500 for anything else (httpx.Fail).
func (s *Server) fail(c *gin.Context, err error) { httpx.Fail(c, s.log, err) }

// baseURL is the scheme and host public links start with (httpx.BaseURL).
func (s *Server) baseURL(c *gin.Context) string { return httpx.BaseURL(c, s.cfg.BaseURL) }

// setCookie writes a cookie the service's way (httpx.SetCookie).
func (s *Server) setCookie(c *gin.Context, name, value string, age time.Duration) {
	httpx.SetCookie(c, s.cfg.BaseURL, name, value, age)
}

// localizer is the request's interface language (locale.Localizer).
func (s *Server) localizer(c *gin.Context) *i18n.Localizer { return locale.Localizer(c, s.ui.bundle) }

// actor is the authenticated person of the request (httpx.Actor).
func actor(c *gin.Context) workflow.Actor { return httpx.Actor(c) }

// idParam reads a positive integer path parameter (httpx.IDParam).
func idParam(c *gin.Context, name, what string) (int64, error) { return httpx.IDParam(c, name, what) }

// statusOf is the HTTP status of an application error code (httpx.StatusOf).
func statusOf(code apperr.Code) int { return httpx.StatusOf(code) }
