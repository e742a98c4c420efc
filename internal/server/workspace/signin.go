package workspace

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
	"tilmash/internal/auth"
	"tilmash/internal/i18n"
	"tilmash/internal/server/httpx"
	"tilmash/internal/server/locale"
)

// signinView is the sign-in form's data.
type signinView struct {
	Name  string
	Next  string
	Error string // localized, when the last attempt failed
}

// signinPage: GET /signin[?next=/path].
func (s *Server) signinPage(c *gin.Context) {
	next := httpx.LocalPath(c.Query("next"))
	if _, _, ok := s.auth.SessionActor(c); ok {
		c.Redirect(http.StatusSeeOther, next)
		return
	}
	s.render(c, http.StatusOK, viewSignin, s.localizer(c).T("signin.title"), signinView{Next: next})
}

// signin: POST /signin {csrf, name, password, next}. app.SignIn counts the
// attempt against its name and address first; while either must wait, the
// answer is 429 with Retry-After and the password is not even checked.
func (s *Server) signin(c *gin.Context) {
	l := s.localizer(c)
	secret, err := c.Cookie(PresetCookie)
	if err != nil || !s.checkCSRF(c, secret) {
		s.renderError(c, http.StatusForbidden, "error.csrf", "")
		return
	}
	name := strings.TrimSpace(c.PostForm("name"))
	view := signinView{Name: name, Next: httpx.LocalPath(c.PostForm("next"))}
	// The peer's address, not X-Forwarded-For, which a guesser could vary at
	// will; behind a proxy every attempt shares the proxy's count, which is
	// stricter, and the name's count holds either way.
	session, err := s.app.SignIn(c.Request.Context(), name, c.PostForm("password"), c.RemoteIP())
	if e, ok := apperr.As(err); ok && e.Code == apperr.Throttled {
		secs, _ := e.Details["retry_after"].(int)
		view.Error = l.N("signin.wait", secs)
		c.Header("Retry-After", strconv.Itoa(secs))
		s.render(c, http.StatusTooManyRequests, viewSignin, l.T("signin.title"), view)
		return
	}
	if apperr.CodeOf(err) == apperr.Unauthorized {
		view.Error = l.T("signin.failed")
		s.render(c, http.StatusUnauthorized, viewSignin, l.T("signin.title"), view)
		return
	}
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.setCookie(c, httpx.SessionCookie, session.Token, auth.SessionLifetime)
	s.setCookie(c, PresetCookie, "", -1)
	c.Redirect(http.StatusSeeOther, view.Next)
}

// signout: POST /signout ends the session.
func (s *Server) signout(c *gin.Context) {
	if t, ok := c.Get(sessionKey); ok {
		if err := s.app.SignOut(c.Request.Context(), t.(string)); err != nil {
			s.failPage(c, err)
			return
		}
	}
	s.setCookie(c, httpx.SessionCookie, "", -1)
	c.Redirect(http.StatusSeeOther, "/signin")
}

// chooseLanguage: POST /language {csrf, lang, next} remembers the interface
// language in a cookie for a year.
func (s *Server) chooseLanguage(c *gin.Context) {
	if !s.checkCSRF(c, s.csrfSecret(c)) {
		s.renderError(c, http.StatusForbidden, "error.csrf", "")
		return
	}
	lang := s.bundle.Match(c.PostForm("lang"), "")
	if !isOption(s.bundle.Options(), lang) {
		lang = i18n.Default
	}
	s.setCookie(c, locale.Cookie, lang, langCookieAge)
	c.Redirect(http.StatusSeeOther, httpx.LocalPath(c.PostForm("next")))
}

func isOption(opts []i18n.Option, tag string) bool {
	for _, o := range opts {
		if o.Tag == tag {
			return true
		}
	}
	return false
}
