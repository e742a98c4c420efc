package server

import "github.com/gin-gonic/gin"

// uiState holds the browser workspace's parsed templates and helpers.
type uiState struct{}

func newUIState(*Server) (*uiState, error) { return &uiState{}, nil }

// uiRoutes registers the workspace pages.
func (s *Server) uiRoutes(*gin.Engine) {}
