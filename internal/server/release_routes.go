package server

import "github.com/gin-gonic/gin"

// releaseRoutes registers the release API and the public release pages.
func (s *Server) releaseRoutes(api *gin.RouterGroup, r *gin.Engine) {
	api.GET("/documents/:id/releases", s.listReleases)
	api.POST("/documents/:id/releases", s.createRelease)
	api.GET("/documents/:id/releases/:lang/diff", s.releaseDiff)
	api.GET("/releases/:rid", s.getRelease)
	api.POST("/releases/:rid/withdraw", s.withdrawRelease)
	api.GET("/webhooks/deliveries", s.webhookDeliveries)

	r.GET("/releases/:doc/:lang/:file", publicPageHeaders, s.publicRelease)
	r.GET("/releases/:doc/:lang", s.publicArchive) // :lang is "all.zip" here
	r.GET("/feeds/:file", s.languageFeed)
}
