package server

import "github.com/gin-gonic/gin"

// releaseRoutes registers the release API and the public release pages.
func (s *Server) releaseRoutes(api *gin.RouterGroup, r *gin.Engine) {
	api.GET("/documents/:id/releases", s.listReleases)
	api.POST("/documents/:id/releases", s.createRelease)
	r.GET("/releases/:doc/:lang/:file", s.publicRelease)
}
