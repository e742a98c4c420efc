package api

import (
	"net/http"
	"tilmash/internal/app"

	"github.com/gin-gonic/gin"
)

type withdrawRequest struct {
	Reason string `json:"reason"`
}

// withdrawRelease: POST /api/v1/releases/:rid/withdraw {"reason"} (publishers
// and admins). The release's URL then answers 410 Gone with the reason.
func (s *Server) withdrawRelease(c *gin.Context) {
	id, err := idParam(c, "rid", "release")
	if err != nil {
		s.fail(c, err)
		return
	}
	var req withdrawRequest
	if err := decodeJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	r, err := s.app.Withdraw(c.Request.Context(), actor(c), app.WithdrawRequest{ID: id, Reason: req.Reason, PublicURL: s.baseURL(c)})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"release": s.releaseJSON(c, r)})
}
