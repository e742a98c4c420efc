package httpx

import (
	"strings"

	"github.com/gin-gonic/gin"
)

// Content policies, side by side so that they are read together. The
// baseline forbids everything, which is right for JSON, feeds, downloads and
// errors; the workspace loads its own scripts and styles; public release
// pages carry their styles inline and no script.
const (
	BaselineCSP  = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
	WorkspaceCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
	PublicPageCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; " +
		"frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)

// SecurityHeaders is the one owner of the headers every answer carries —
// API, errors, public pages, feeds, downloads, assets: no MIME sniffing, no
// framing, no referrer beyond this site, the baseline content policy (pages
// replace it with their own), and HSTS when the service is public over
// https (baseURL, the configured public address, starts with https://).
func SecurityHeaders(baseURL string) gin.HandlerFunc {
	hsts := strings.HasPrefix(baseURL, "https://")
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Content-Security-Policy", BaselineCSP)
		if hsts {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		c.Next()
	}
}
