package server

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
	"tilmash/internal/auth"
	"tilmash/internal/i18n"
	"tilmash/internal/workflow"
	"tilmash/internal/xliff"
)

// Cookies and headers of the workspace.
const (
	sessionCookie = "tilmash_session" // the session token; HttpOnly
	presetCookie  = "tilmash_pre"     // the secret behind the sign-in form's CSRF token
	langCookie    = "tilmash_lang"    // the interface language a person chose
	csrfField     = "csrf"            // the form field of the CSRF token
	csrfHeader    = "X-CSRF-Token"    // the header fetch() sends it in
	sessionKey    = "tilmash.session" // the context key of the request's session token
	langCookieAge = 365 * 24 * time.Hour
	uploadLimit   = xliff.DefaultLimit + 1<<20 // a multipart form: the file and a few fields
)

// uiHeaders sets what the workspace pages add to the headers every answer
// gets (securityHeaders): no caching of personal pages, and the workspace's
// content policy.
func (s *Server) uiHeaders() gin.HandlerFunc {
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("Vary", "Cookie, Accept-Language")
		h.Set("Content-Security-Policy", workspaceCSP)
		c.Next()
	}
}

// setCookie writes a cookie the workspace's way: path /, HttpOnly,
// SameSite=Lax, Secure when served over TLS (directly, or behind a proxy
// whose public base URL is https). A negative age deletes it.
func (s *Server) setCookie(c *gin.Context, name, value string, age time.Duration) {
	secure := c.Request.TLS != nil || strings.HasPrefix(s.cfg.BaseURL, "https://")
	maxAge := int(age / time.Second)
	if age < 0 {
		maxAge = -1 // net/http writes Max-Age=0: the browser drops the cookie now
	}
	http.SetCookie(c.Writer, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: secure, SameSite: http.SameSiteLaxMode})
}

// sessionActor resolves the request's session cookie, renewing the session
// when it is due. ok is false without a valid session.
func (s *Server) sessionActor(c *gin.Context) (a workflow.Actor, token string, ok bool) {
	token, err := c.Cookie(sessionCookie)
	if err != nil || token == "" {
		return workflow.Actor{}, "", false
	}
	a, renewed, err := s.app.SessionActor(c.Request.Context(), token)
	if err != nil {
		if apperr.CodeOf(err) != apperr.Unauthorized {
			s.log.Error("check session", "err", err)
		}
		return workflow.Actor{}, "", false
	}
	if renewed {
		s.setCookie(c, sessionCookie, token, auth.SessionLifetime)
	}
	return a, token, true
}

// safeMethod reports methods that change nothing and need no CSRF token.
func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// requireSession lets through signed-in browsers; others are sent to the
// sign-in page (which brings them back afterwards). A state-changing request
// must carry the session's CSRF token, in the form or the X-CSRF-Token header.
func (s *Server) requireSession() gin.HandlerFunc {
	return func(c *gin.Context) {
		a, token, ok := s.sessionActor(c)
		if !ok {
			next := c.Request.URL.RequestURI()
			if !safeMethod(c.Request.Method) {
				next = "/"
			}
			c.Redirect(http.StatusSeeOther, "/signin?next="+url.QueryEscape(next))
			c.Abort()
			return
		}
		c.Set(actorKey, a)
		c.Set(sessionKey, token)
		if !safeMethod(c.Request.Method) && !s.checkCSRF(c, token) {
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
	tok := c.GetHeader(csrfHeader)
	if tok == "" {
		limit := int64(MaxBodyBytes)
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
	if _, t, ok := s.sessionActor(c); ok {
		c.Set(sessionKey, t)
		return t
	}
	if v, err := c.Cookie(presetCookie); err == nil && len(v) >= 32 {
		return v
	}
	if v, ok := c.Get(presetCookie); ok {
		return v.(string)
	}
	v, err := auth.NewSecret()
	if err != nil {
		s.log.Error("new pre-session secret", "err", err)
		return ""
	}
	s.setCookie(c, presetCookie, v, 2*time.Hour)
	c.Set(presetCookie, v)
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

// localizer is the request's interface language: the switcher's cookie, then
// Accept-Language, then Russian.
func (s *Server) localizer(c *gin.Context) *i18n.Localizer {
	choice, _ := c.Cookie(langCookie)
	return s.ui.bundle.Localizer(s.ui.bundle.Match(choice, c.GetHeader("Accept-Language")))
}

// renderError shows the error page with a localized message id and, when
// given, the precise (English) reason from the application.
func (s *Server) renderError(c *gin.Context, status int, msgID, detail string) {
	l := s.localizer(c)
	s.render(c, status, viewError, l.T("error.title"), errorView{Message: l.T(msgID), Detail: detail, RequestID: requestIDOf(c)})
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
		s.log.Error("page failed", "request_id", requestIDOf(c), "method", c.Request.Method, "route", c.FullPath(), "err", err)
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
	s.renderError(c, statusOf(e.Code), id, e.Message)
}
