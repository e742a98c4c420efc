package server

import (
	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
	"tilmash/internal/auth"
	"tilmash/internal/workflow"
)

const (
	actorKey      = "tilmash.actor"
	viaSessionKey = "tilmash.via_session" // set when the API is called by the workspace's script
)

// viaSession reports an API request signed in by the workspace's session
// cookie rather than a token.
func viaSession(c *gin.Context) bool { return c.GetBool(viaSessionKey) }

// requireToken lets through requests with a valid bearer token, or from a
// signed-in browser (the workspace's scripts): its session cookie, plus the
// X-CSRF-Token header on every state-changing method.
func (s *Server) requireToken() gin.HandlerFunc {
	return func(c *gin.Context) {
		token, ok := auth.BearerToken(c.GetHeader("Authorization"))
		if !ok {
			if a, session, ok := s.sessionActor(c); ok {
				if !safeMethod(c.Request.Method) && !auth.CheckCSRF(session, c.GetHeader(csrfHeader)) {
					s.fail(c, apperr.New(apperr.Forbidden, "send the page's CSRF token in the X-CSRF-Token header"))
					return
				}
				c.Set(actorKey, a)
				c.Set(viaSessionKey, true)
				c.Next()
				return
			}
			c.Header("WWW-Authenticate", `Bearer realm="tilmash"`)
			s.fail(c, apperr.New(apperr.Unauthorized, "send an API token: Authorization: Bearer TOKEN"))
			return
		}
		a, err := s.app.ActorByToken(c.Request.Context(), token)
		if err != nil {
			c.Header("WWW-Authenticate", `Bearer realm="tilmash", error="invalid_token"`)
			s.fail(c, err)
			return
		}
		c.Set(actorKey, a)
		c.Next()
	}
}

// actor is the authenticated person of the request.
func actor(c *gin.Context) workflow.Actor {
	a, _ := c.Get(actorKey)
	act, _ := a.(workflow.Actor)
	return act
}
