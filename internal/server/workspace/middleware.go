package workspace

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
	"tilmash/internal/auth"
	"tilmash/internal/server/httpx"
	"tilmash/internal/xliff"
)

// PresetCookie holds the secret behind the sign-in form's CSRF token, before
// there is a session.
const PresetCookie = "tilmash_pre"

// Form fields, context keys and limits of the workspace.
const (
	csrfField     = "csrf"            // the form field of the CSRF token
	sessionKey    = "tilmash.session" // the context key of the request's session token
	langCookieAge = 365 * 24 * time.Hour
	uploadLimit   = xliff.DefaultLimit + 1<<20 // a multipart form: the file and a few fields
)

// uiHeaders sets what the workspace pages add to the headers every answer
// gets (httpx.SecurityHeaders): no caching of personal pages, and the workspace's
// content policy.
func (s *Server) uiHeaders() gin.HandlerFunc {
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("Vary", "Cookie, Accept-Language")
		h.Set("Content-Security-Policy", httpx.WorkspaceCSP)
		c.Next()
	}
}

// requireSession lets through signed-in browsers; others are sent to the
// sign-in page (which brings them back afterwards). A state-changing request
// must carry the session's CSRF token, in the form or the X-CSRF-Token header.
func (s *Server) requireSession() gin.HandlerFunc {
	return func(c *gin.Context) {
		a, token, ok := s.auth.SessionActor(c)
		if !ok {
			next := c.Request.URL.RequestURI()
			if !httpx.SafeMethod(c.Request.Method) {
				next = "/"
			}
			c.Redirect(http.StatusSeeOther, "/signin?next="+url.QueryEscape(next))
			c.Abort()
			return
		}
		httpx.SetActor(c, a)
		c.Set(sessionKey, token)
		if !httpx.SafeMethod(c.Request.Method) && !s.checkCSRF(c, token) {
			s.renderError(c, http.StatusForbidden, "error.csrf", "")
			c.Abort()
			return
		}
		c.Next()
	}
}

// checkCSRF compares the request's token, from the header or the form, with
// the one secret derives.
func (s *Server) checkCSRF(c *gin.Context, secret string) bool {
	tok := c.GetHeader(httpx.CSRFHeader)
	if tok == "" {
		limit := int64(httpx.MaxBodyBytes)
		if strings.HasPrefix(c.ContentType(), "multipart/form-data") {
			limit = uploadLimit // an uploaded XLIFF file has its own, larger limit
		}
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit)
		tok = c.PostForm(csrfField)
	}
	return auth.CheckCSRF(secret, tok)
}

// csrfSecret is the secret the request's CSRF token derives from: the
// session token when signed in, otherwise the pre-session cookie, made here
// when missing so the sign-in form can carry a token too.
func (s *Server) csrfSecret(c *gin.Context) string {
	if t, ok := c.Get(sessionKey); ok {
		return t.(string)
	}
	if _, t, ok := s.auth.SessionActor(c); ok {
		c.Set(sessionKey, t)
		return t
	}
	if v, err := c.Cookie(PresetCookie); err == nil && len(v) >= 32 {
		return v
	}
	if v, ok := c.Get(PresetCookie); ok {
		return v.(string)
	}
	v, err := auth.NewSecret()
	if err != nil {
		s.log.Error("new pre-session secret", "err", err)
		return ""
	}
	s.setCookie(c, PresetCookie, v, 2*time.Hour)
	c.Set(PresetCookie, v)
	return v
}

// csrfToken is the token pages put in their forms and in a meta tag for scripts.
func (s *Server) csrfToken(c *gin.Context) string {
	secret := s.csrfSecret(c)
	if secret == "" {
		return ""
	}
	return auth.CSRFToken(secret)
}

// renderError shows the error page with a localized message id and, when
// given, the precise (English) reason from the application.
func (s *Server) renderError(c *gin.Context, status int, msgID, detail string) {
	l := s.localizer(c)
	s.render(c, status, viewError, l.T("error.title"), errorView{Message: l.T(msgID), Detail: detail, RequestID: httpx.RequestIDOf(c)})
}

type errorView struct {
	Message   string
	Detail    string
	RequestID string // to quote when asking for help
}

// failPage answers a failed page request: application errors with their
// status and reason, anything else as a logged 500.
func (s *Server) failPage(c *gin.Context, err error) {
	e, ok := apperr.As(err)
	if !ok {
		s.log.Error("page failed", "request_id", httpx.RequestIDOf(c), "method", c.Request.Method, "route", c.FullPath(), "err", err)
		s.renderError(c, http.StatusInternalServerError, "error.internal", "")
		return
	}
	id := "error.generic"
	switch e.Code {
	case apperr.NotFound:
		id = "error.not_found"
	case apperr.Forbidden:
		id = "error.forbidden"
	}
	s.renderError(c, httpx.StatusOf(e.Code), id, e.Message)
}
