package server

import "github.com/gin-gonic/gin"

// exchangeRoutes registers XLIFF and TMX exchange with CAT tools.
func (s *Server) exchangeRoutes(api *gin.RouterGroup) {}
