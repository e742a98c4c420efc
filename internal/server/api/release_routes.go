package api

import "github.com/gin-gonic/gin"

// releaseRoutes registers the release API.
func (s *Server) releaseRoutes(api *gin.RouterGroup) {
	api.GET("/documents/:id/releases", s.listReleases)
	api.POST("/documents/:id/releases", s.createRelease)
	api.GET("/documents/:id/releases/:lang/diff", s.releaseDiff)
	api.GET("/releases/:rid", s.getRelease)
	api.POST("/releases/:rid/withdraw", s.withdrawRelease)
	api.GET("/webhooks/deliveries", s.webhookDeliveries)
}
