package server

import (
	"strings"

	"github.com/gin-gonic/gin"
)

// Content policies. The baseline forbids everything, which is right for
// JSON, feeds, downloads and errors; the workspace loads its own scripts and
// styles; public release pages carry their styles inline and no script.
const (
	baselineCSP  = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
	workspaceCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
	publicPageCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; " +
		"frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)

// securityHeaders is the one owner of the headers every answer carries —
// API, errors, public pages, feeds, downloads, assets: no MIME sniffing, no
// framing, no referrer beyond this site, the baseline content policy (pages
// replace it with their own), and HSTS when the service is public over https.
func (s *Server) securityHeaders() gin.HandlerFunc {
	hsts := strings.HasPrefix(s.cfg.BaseURL, "https://")
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Content-Security-Policy", baselineCSP)
		if hsts {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		c.Next()
	}
}

// publicPageHeaders gives the public release pages their content policy.
func publicPageHeaders(c *gin.Context) {
	c.Writer.Header().Set("Content-Security-Policy", publicPageCSP)
}
