package httpx

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
	"tilmash/internal/auth"
	"tilmash/internal/workflow"
)

// The session cookie and the header the workspace's scripts send its CSRF token in.
const (
	SessionCookie = "tilmash_session" // the session token; HttpOnly
	CSRFHeader    = "X-CSRF-Token"    // the header fetch() sends it in
)

const (
	actorKey      = "tilmash.actor"
	viaSessionKey = "tilmash.via_session" // set when the API is called by the workspace's script
)

// Accounts is what authentication asks the application: whose API token a
// request carries, and whose session its cookie names (renewed: the
// session's lifetime was just extended, so the cookie is written again).
type Accounts interface {
	ActorByToken(ctx context.Context, token string) (workflow.Actor, error)
	SessionActor(ctx context.Context, token string) (act workflow.Actor, renewed bool, err error)
}

// Auth authenticates requests by API token or session cookie.
type Auth struct {
	accounts Accounts
	baseURL  string // the configured public address: an https one makes cookies Secure
	log      *slog.Logger
}

// NewAuth is the authentication of accounts' people; baseURL is the
// configured public address ("" when links follow the request's host).
func NewAuth(accounts Accounts, baseURL string, log *slog.Logger) *Auth {
	return &Auth{accounts: accounts, baseURL: baseURL, log: log}
}

// RequireToken lets through requests with a valid bearer token, or from a
// signed-in browser (the workspace's scripts): its session cookie, plus the
// X-CSRF-Token header on every state-changing method.
func (au *Auth) RequireToken() gin.HandlerFunc {
	return func(c *gin.Context) {
		token, ok := auth.BearerToken(c.GetHeader("Authorization"))
		if !ok {
			if a, session, ok := au.SessionActor(c); ok {
				if !SafeMethod(c.Request.Method) && !auth.CheckCSRF(session, c.GetHeader(CSRFHeader)) {
					Fail(c, au.log, apperr.New(apperr.Forbidden, "send the page's CSRF token in the X-CSRF-Token header"))
					return
				}
				SetActor(c, a)
				c.Set(viaSessionKey, true)
				c.Next()
				return
			}
			c.Header("WWW-Authenticate", `Bearer realm="tilmash"`)
			Fail(c, au.log, apperr.New(apperr.Unauthorized, "send an API token: Authorization: Bearer TOKEN"))
			return
		}
		a, err := au.accounts.ActorByToken(c.Request.Context(), token)
		if err != nil {
			c.Header("WWW-Authenticate", `Bearer realm="tilmash", error="invalid_token"`)
			Fail(c, au.log, err)
			return
		}
		SetActor(c, a)
		c.Next()
	}
}

// SessionActor resolves the request's session cookie, renewing the session
// when it is due. ok is false without a valid session.
func (au *Auth) SessionActor(c *gin.Context) (a workflow.Actor, token string, ok bool) {
	token, err := c.Cookie(SessionCookie)
	if err != nil || token == "" {
		return workflow.Actor{}, "", false
	}
	a, renewed, err := au.accounts.SessionActor(c.Request.Context(), token)
	if err != nil {
		if apperr.CodeOf(err) != apperr.Unauthorized {
			au.log.Error("check session", "err", err)
		}
		return workflow.Actor{}, "", false
	}
	if renewed {
		SetCookie(c, au.baseURL, SessionCookie, token, auth.SessionLifetime)
	}
	return a, token, true
}

// SafeMethod reports methods that change nothing and need no CSRF token.
func SafeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// SetActor records the request's authenticated person.
func SetActor(c *gin.Context, a workflow.Actor) { c.Set(actorKey, a) }

// Actor is the authenticated person of the request; the zero Actor when
// nobody signed in.
func Actor(c *gin.Context) workflow.Actor {
	a, _ := ActorOf(c)
	return a
}

// ActorOf is the authenticated person of the request, and whether there is one.
func ActorOf(c *gin.Context) (workflow.Actor, bool) {
	a, ok := c.Get(actorKey)
	act, _ := a.(workflow.Actor)
	return act, ok
}

// ViaSession reports an API request signed in by the workspace's session
// cookie rather than a token.
func ViaSession(c *gin.Context) bool { return c.GetBool(viaSessionKey) }
