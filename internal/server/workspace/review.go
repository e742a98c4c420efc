package workspace

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"tilmash/internal/app"
	"tilmash/internal/server/httpx"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
	"tilmash/internal/workflow"
)

// reviewItem is one translated segment awaiting review.
type reviewItem struct {
	app.TranslationView
	DocID       int64
	DocTitle    string
	Number      string
	HasPrevious bool
	Diff        []diffPart
	// What the reviewer may do with it (workflow.Permit, the checks as the gate).
	CanApprove    bool   // approve is allowed, or allowed with a reason (NeedsOverride)
	NeedsOverride bool   // checks found errors: approving needs a reason
	ApproveNote   string // message id of why approving is refused, when it is
	CanReject     bool
	ApproveURL    string // the forms' actions
	RejectURL     string
	Comments      []app.CommentView // the segment's comments in this language and about its source
	OpenComments  int
}

// reviewResult is the outcome of "approve all shown", carried in the query.
type reviewResult struct {
	Approved, Own, Checks, Changed int
}

type reviewView struct {
	Lang, Dir, Native string
	DocID             int64
	Items             []reviewItem
	CanReview         bool
	Result            *reviewResult
	Error             string // localized
	Detail            string // the application's precise reason
	Action            string // the form action of "approve all shown"
	EditorURL         string // the document's editor, when the queue is one document's
	Total             int    // translations awaiting review, on every page
	Pages             []pageLink
	Page              int
}

// reviewPage: GET /review/:lang[?doc=ID] — the queue of translated segments.
func (s *Server) reviewPage(c *gin.Context) {
	s.renderReview(c, http.StatusOK, "", "")
}

func (s *Server) renderReview(c *gin.Context, status int, errID, detail string) {
	ctx, a, l := c.Request.Context(), actor(c), s.localizer(c)
	lang, err := s.app.TargetLanguage(ctx, c.Param("lang"))
	if err != nil {
		s.failPage(c, err)
		return
	}
	docID, _ := strconv.ParseInt(c.Query("doc"), 10, 64)
	if docID == 0 {
		docID, _ = strconv.ParseInt(c.PostForm("doc"), 10, 64)
	}
	v := reviewView{Lang: lang.Tag, Dir: lang.Direction, Native: lang.NativeName, DocID: docID, CanReview: a.CanReview(lang.Tag),
		Detail: detail, Action: reviewPath(lang.Tag, 0)}
	if docID > 0 {
		v.EditorURL = editorPath(docID, lang.Tag)
	}
	if errID != "" {
		v.Error = l.T(errID)
	}
	if c.Query("done") == "1" {
		v.Result = &reviewResult{Approved: atoi(c.Query("approved")), Own: atoi(c.Query("own")),
			Checks: atoi(c.Query("checks")), Changed: atoi(c.Query("changed"))}
	}
	page := atoi(c.Query("page"))
	if page == 0 { // a refused form is answered on the page it came from
		page = atoi(c.PostForm("page"))
	}
	queue, err := s.app.ReviewQueue(ctx, lang.Tag, docID, page)
	if err != nil {
		s.failPage(c, err)
		return
	}
	var ids []int64
	for _, it := range queue.Items {
		v.Items = append(v.Items, newReviewItem(a, lang.Tag, it.DocumentID, it.Title, it.TranslationView))
		ids = append(ids, it.ID)
	}
	v.Total, v.Page = queue.Total, queue.Page
	v.Pages = pageLinks(queue.Page, queue.Pages, reviewBack(lang.Tag, strconv.FormatInt(docID, 10)))
	prev, err := s.app.ApprovedBefore(ctx, lang.Tag, ids)
	if err != nil {
		s.failPage(c, err)
		return
	}
	comments, err := s.app.CommentsOf(ctx, ids, lang.Tag)
	if err != nil {
		s.failPage(c, err)
		return
	}
	for i := range v.Items {
		v.Items[i].Comments = comments[v.Items[i].ID]
		v.Items[i].OpenComments = openCount(v.Items[i].Comments)
		if p, ok := prev[v.Items[i].ID]; ok {
			v.Items[i].HasPrevious = true
			v.Items[i].Diff = wordDiff(p, v.Items[i].Target)
		}
	}
	s.render(c, status, viewReview, l.T("review.title", "Lang", lang.NativeName), v)
}

func newReviewItem(a workflow.Actor, lang string, doc int64, title string, sg app.TranslationView) reviewItem {
	p := sg.Permissions(a, lang)
	it := reviewItem{TranslationView: sg, DocID: doc, DocTitle: title, Number: fmt.Sprintf("%d.%d", sg.Paragraph, sg.Position),
		NeedsOverride: p.Approve.Reason == workflow.ReasonQABlocked, CanReject: p.Reject.Allowed,
		ApproveURL: reviewActionPath(lang, sg.ID, "approve"), RejectURL: reviewActionPath(lang, sg.ID, "reject")}
	it.CanApprove = p.Approve.Allowed || it.NeedsOverride
	if !it.CanApprove {
		it.ApproveNote = reasonMessage(p.Approve.Reason)
	}
	return it
}

// pageLinks are the links to each of pages of the queue at base, the
// queue's path with its document filter; none when there is one page.
func pageLinks(page, pages int, base string) []pageLink {
	if pages <= 1 {
		return nil
	}
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	links := make([]pageLink, 0, pages)
	for i := 1; i <= pages; i++ {
		links = append(links, pageLink{N: i, URL: base + sep + "page=" + strconv.Itoa(i), Current: i == page})
	}
	return links
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return max(n, 0)
}

// reviewBack is where a review action returns to: the queue, filtered as before.
func reviewBack(lang, doc string) string {
	return reviewPath(lang, int64(atoi(doc)))
}

// reviewReturn is reviewBack on the page the reviewer acted from (the queue
// shortens as items are approved; a page past the end shows the last).
func reviewReturn(c *gin.Context) string {
	u := reviewBack(c.Param("lang"), c.PostForm("doc"))
	if p := atoi(c.PostForm("page")); p > 1 {
		sep := "?"
		if strings.Contains(u, "?") {
			sep = "&"
		}
		u += sep + "page=" + strconv.Itoa(p)
	}
	return u
}

func formVersion(c *gin.Context) (int, bool) {
	v, err := strconv.Atoi(c.PostForm("version"))
	return v, err == nil && v >= 0
}

// reviewItem reads the segment and version a review form acts on; a bad one
// is answered here.
func (s *Server) reviewItem(c *gin.Context) (sid int64, version int, ok bool) {
	sid, err := idParam(c, "sid", "segment")
	if err != nil {
		s.failPage(c, err)
		return 0, 0, false
	}
	if version, ok = formVersion(c); !ok {
		s.renderReview(c, http.StatusBadRequest, "review.bad_form", "")
	}
	return sid, version, ok
}

// reviewApprove: POST /review/:lang/:sid/approve {csrf, version, override, doc}.
func (s *Server) reviewApprove(c *gin.Context) {
	sid, version, ok := s.reviewItem(c)
	if !ok {
		return
	}
	_, err := s.app.ApproveWithOverride(c.Request.Context(), actor(c), sid, c.Param("lang"), version, c.PostForm("override"))
	if err != nil {
		s.reviewFailed(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, reviewReturn(c))
}

// reviewReject: POST /review/:lang/:sid/reject {csrf, version, comment, doc};
// the comment is required.
func (s *Server) reviewReject(c *gin.Context) {
	sid, version, ok := s.reviewItem(c)
	if !ok {
		return
	}
	// workflow.Reject owns the rule that a rejection needs a comment; its
	// refusal is the only invalid input left once the form is read.
	if _, err := s.app.Reject(c.Request.Context(), actor(c), sid, c.Param("lang"), version, c.PostForm("comment")); err != nil {
		if apperr.CodeOf(err) == apperr.Invalid {
			s.renderReview(c, http.StatusBadRequest, "review.comment_required", "")
			return
		}
		s.reviewFailed(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, reviewReturn(c))
}

// reviewFailed shows the queue again with why the action was refused.
func (s *Server) reviewFailed(c *gin.Context, err error) {
	e, ok := apperr.As(err)
	if !ok {
		s.failPage(c, err)
		return
	}
	id := "review.failed"
	switch e.Code {
	case apperr.Forbidden:
		id = "review.forbidden"
	case apperr.Conflict:
		id = "review.changed"
	case apperr.ChecksFailed:
		id = "review.checks_failed"
	}
	s.renderReview(c, httpx.StatusOf(e.Code), id, e.Message)
}

// reviewApproveAll: POST /review/:lang {csrf, doc, item=SID:VERSION...}
// approves every shown segment it may, and counts the ones skipped and why:
// the reviewer's own text (four-eyes rule), failed checks, or a text that
// changed since the page was shown.
func (s *Server) reviewApproveAll(c *gin.Context) {
	ctx, a, lang := c.Request.Context(), actor(c), c.Param("lang")
	if !a.CanReview(lang) {
		s.renderReview(c, http.StatusForbidden, "review.forbidden", "")
		return
	}
	var shown []app.Shown
	for _, item := range c.PostFormArray("item") {
		sidText, verText, _ := strings.Cut(item, ":")
		sid, err1 := strconv.ParseInt(sidText, 10, 64)
		version, err2 := strconv.Atoi(verText)
		if err1 != nil || err2 != nil || sid <= 0 || version < 0 {
			s.renderReview(c, http.StatusBadRequest, "review.bad_form", "")
			return
		}
		shown = append(shown, app.Shown{SegmentID: sid, Version: version})
	}
	res, err := s.app.ApproveShown(ctx, a, lang, shown)
	if err != nil {
		s.reviewFailed(c, err)
		return
	}
	q := url.Values{}
	q.Set("done", "1")
	q.Set("approved", strconv.Itoa(res.Approved))
	q.Set("own", strconv.Itoa(res.Own))
	q.Set("checks", strconv.Itoa(res.Checks))
	q.Set("changed", strconv.Itoa(res.Changed))
	if p := atoi(c.PostForm("page")); p > 1 {
		q.Set("page", strconv.Itoa(p)) // the queue shortens; a page past the end shows the last
	}
	if d := atoi(c.PostForm("doc")); d > 0 {
		q.Set("doc", strconv.Itoa(d))
	}
	c.Redirect(http.StatusSeeOther, "/review/"+url.PathEscape(lang)+"?"+q.Encode())
}
