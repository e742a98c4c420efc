package api

import (
	"github.com/gin-gonic/gin"

	"tilmash/internal/qa"
	"tilmash/internal/server/locale"
)

// localizedFinding is a finding worded for the workspace's scripts; Lang
// is "en" where the interface has no wording of its own yet.
type localizedFinding struct {
	qa.Finding
	Lang string `json:"lang,omitempty"`
}

// localizeFindings rewords findings in the interface's language for the
// workspace's own scripts (a request signed in by session); API clients
// with a token keep the English sentences they may parse or log.
func (s *Server) localizeFindings(c *gin.Context, fs []qa.Finding) []localizedFinding {
	l := s.localizer(c)
	out := make([]localizedFinding, len(fs))
	for i, f := range fs {
		n := locale.Finding(l, f)
		out[i] = localizedFinding{Finding: f, Lang: n.Lang}
		out[i].Message = n.Text
	}
	return out
}
