package workspace

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/gin-gonic/gin"

	"tilmash/internal/app"
	"tilmash/internal/apperr"
	"tilmash/internal/server/httpx"
)

// publishSeveralForm: POST /publish/:id {csrf, langs...} releases the
// approved text in each chosen language in one transaction, as the API's
// {"langs": [...]} does, and shows the page with what it did.
func (s *Server) publishSeveralForm(c *gin.Context) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.failPage(c, err)
		return
	}
	langs := c.PostFormArray("langs")
	if len(langs) == 0 {
		s.renderPublish(c, http.StatusBadRequest, publishLang{Form: "multi", Error: s.localizer(c).T("publish.multi_none")})
		return
	}
	res, err := s.app.PublishLanguages(c.Request.Context(), actor(c), id, app.PublishRequest{Langs: langs, PublicURL: s.baseURL(c)})
	var notReady []string // approval withdrawn since the page was shown
	for l := range res.NotReady {
		notReady = append(notReady, l)
	}
	sort.Strings(notReady)
	if err == nil && len(notReady) > 0 && len(res.Releases)+len(res.Unchanged) == 0 {
		err = apperr.New(apperr.Conflict, "not every segment is approved in %s", strings.Join(notReady, ", "))
	}
	if err != nil {
		e, ok := apperr.As(err)
		if !ok {
			s.failPage(c, err)
			return
		}
		msg := "publish.failed"
		if e.Code == apperr.Forbidden {
			msg = "publish.forbidden"
		}
		s.renderPublish(c, httpx.StatusOf(e.Code), publishLang{Form: "multi", Error: s.localizer(c).T(msg), Detail: e.Message})
		return
	}
	var made, same []string
	for _, r := range res.Releases {
		made = append(made, r.Lang)
	}
	for _, r := range res.Unchanged {
		same = append(same, r.Lang)
	}
	q := url.Values{"multi": {strings.Join(append(append([]string{}, made...), same...), ", ")}}
	if len(made) > 0 {
		q.Set("published", strings.Join(made, ","))
	}
	if len(same) > 0 {
		q.Set("unchanged", strings.Join(same, ","))
	}
	if len(notReady) > 0 {
		q.Set("notready", strings.Join(notReady, ","))
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/publish/%d?%s", id, q.Encode()))
}
