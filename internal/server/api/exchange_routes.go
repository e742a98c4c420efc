package api

import "github.com/gin-gonic/gin"

// exchangeRoutes registers XLIFF and TMX exchange with CAT tools.
func (s *Server) exchangeRoutes(api *gin.RouterGroup) {
	api.GET("/documents/:id/xliff/:lang", s.heavyRead(s.exportXLIFF))
	api.POST("/documents/:id/xliff", s.importXLIFF)
	api.POST("/tm/:lang/import", s.importTMX)
	api.GET("/tm/:lang/export", s.exportTMX)
	api.GET("/tm/:lang/search", s.searchMemory)
}
