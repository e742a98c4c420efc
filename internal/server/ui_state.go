package server

import (
	"fmt"

	"github.com/gin-gonic/gin"

	"tilmash/internal/i18n"
	"tilmash/web"
)

// uiState holds the browser workspace's parsed templates, fingerprinted
// assets and message bundle. It is built once at start-up.
type uiState struct {
	views  *renderer
	assets *assets
	bundle *i18n.Bundle
}

func newUIState(bundle *i18n.Bundle) (*uiState, error) {
	as, err := loadAssets(web.FS, "static")
	if err != nil {
		return nil, fmt.Errorf("workspace assets: %w", err)
	}
	views, err := newRenderer(web.FS, templateFuncs(as))
	if err != nil {
		return nil, fmt.Errorf("workspace templates: %w", err)
	}
	return &uiState{views: views, assets: as, bundle: bundle}, nil
}

// uiRoutes registers the workspace pages. Sign-in, the language switcher and
// the assets are open; everything else needs a session, and every POST a
// CSRF token.
func (s *Server) uiRoutes(r *gin.Engine) {
	r.GET("/static/*file", s.ui.assets.serve)

	open := r.Group("", s.uiHeaders())
	open.GET("/signin", s.signinPage)
	open.POST("/signin", s.signin)
	open.POST("/language", s.chooseLanguage)

	pages := r.Group("", s.uiHeaders(), s.requireSession())
	pages.POST("/signout", s.signout)
	pages.GET("/", s.dashboard)
	pages.GET("/translate/:id/:lang", s.editorPage)
	pages.GET("/review/:lang", s.reviewPage)
	pages.POST("/review/:lang", s.reviewApproveAll)
	pages.POST("/review/:lang/:sid/approve", s.reviewApprove)
	pages.POST("/review/:lang/:sid/reject", s.reviewReject)
	pages.GET("/documents/new", s.newDocumentPage)
	pages.POST("/documents", s.createDocumentForm)
	pages.GET("/documents/:id/source", s.sourcePage)
	pages.POST("/documents/:id/source", s.reviseDocumentForm)
	pages.GET("/publish/:id", s.publishPage)
	pages.POST("/publish/:id/:lang", s.publishRelease)
	pages.POST("/publish/:id/:lang/withdraw", s.withdrawReleaseForm)
	pages.POST("/translate/:id/:lang/xliff", s.uploadXLIFF)
	pages.GET("/account", s.accountPage)
	pages.POST("/account/tokens", s.createTokenForm)
	s.glossaryRoutes(pages)
}
