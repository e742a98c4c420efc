package server

import (
	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
	"tilmash/internal/auth"
	"tilmash/internal/workflow"
)

const actorKey = "tilmash.actor"

// requireToken lets through requests with a valid bearer token.
func (s *Server) requireToken() gin.HandlerFunc {
	return func(c *gin.Context) {
		token, ok := auth.BearerToken(c.GetHeader("Authorization"))
		if !ok {
			c.Header("WWW-Authenticate", `Bearer realm="tilmash"`)
			s.fail(c, apperr.New(apperr.Unauthorized, "send an API token: Authorization: Bearer TOKEN"))
			return
		}
		a, err := s.store.ActorByToken(c.Request.Context(), token)
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
