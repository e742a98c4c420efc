package workspace

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// accountView is the signed-in person's own page.
type accountView struct {
	Name    string
	Roles   []string
	Tokens  int64
	Token   string // a token just made, shown this once
	Revoked bool   // the other tokens were revoked with it
	API     string // the API's base address, for the hint
}

// accountPage: GET /account — name, roles and how many API tokens exist.
func (s *Server) accountPage(c *gin.Context) {
	s.renderAccount(c, "", false)
}

func (s *Server) renderAccount(c *gin.Context, token string, revoked bool) {
	ctx, a, l := c.Request.Context(), actor(c), s.localizer(c)
	n, err := s.app.TokenCount(ctx, a)
	if err != nil {
		s.failPage(c, err)
		return
	}
	v := accountView{Name: a.Name, Tokens: n, Token: token, Revoked: revoked, API: s.baseURL(c) + "/api/v1"}
	for _, r := range a.Roles {
		v.Roles = append(v.Roles, r.String())
	}
	s.render(c, http.StatusOK, viewAccount, l.T("account.title"), v)
}

// createTokenForm: POST /account/tokens {csrf, revoke_others} makes a new
// API token for the signed-in person and shows it once, on the page that
// answers the POST (never in a URL); with revoke_others=1 every other token
// of theirs stops working.
func (s *Server) createTokenForm(c *gin.Context) {
	revoke := c.PostForm("revoke_others") == "1"
	token, err := s.app.CreateToken(c.Request.Context(), actor(c), revoke)
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.renderAccount(c, token, revoke)
}
