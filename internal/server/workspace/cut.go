package workspace

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
)

// cutView is the small page, opened from a segment of the editor, where a
// publisher joins or splits the segment and a translator reports a wrong cut.
type cutView struct {
	DocID, SegID int64
	Title        string
	Lang         string // the editor's language, to go back to
	Revision     int
	Number       string // "paragraph.position"
	Source       string
	Next         string // the next segment of the same paragraph, "" when none (no join)
	Gaps         []cutGap
	CanCut       bool // publishers and admins
	CanFlag      bool
	Back         string
}

// cutGap is a place between two words where a split may go.
type cutGap struct {
	At            int // rune offset
	Before, After string
}

// contextRunes is how much of the text either side of a gap the page shows.
const contextRunes = 24

// gaps lists the starts of the words of s after the first: where a split
// between words goes, with a little text either side.
func gaps(s string) []cutGap {
	rs := []rune(s)
	var out []cutGap
	for i := 1; i < len(rs); i++ {
		if unicode.IsSpace(rs[i-1]) && !unicode.IsSpace(rs[i]) {
			from, to := max(0, i-contextRunes), min(len(rs), i+contextRunes)
			out = append(out, cutGap{At: i, Before: strings.TrimSpace(string(rs[from:i])), After: string(rs[i:to])})
		}
	}
	return out
}

// cutPage: GET /documents/:id/segments/:sid/cut?lang=LANG.
func (s *Server) cutPage(c *gin.Context) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.failPage(c, err)
		return
	}
	sid, err := idParam(c, "sid", "segment")
	if err != nil {
		s.failPage(c, err)
		return
	}
	a := actor(c)
	lang := c.Query("lang")
	v := cutView{DocID: id, SegID: sid, Lang: lang, CanCut: a.CanManageDocuments(), CanFlag: lang != "" && a.CanTranslate(lang)}
	if !v.CanCut && !v.CanFlag {
		s.failPage(c, apperr.New(apperr.Forbidden, "only publishers, admins and the translators of a language recut or flag segments"))
		return
	}
	doc, err := s.app.Document(c.Request.Context(), id)
	if err != nil {
		s.failPage(c, err)
		return
	}
	v.Title, v.Revision, v.Back = doc.Title, doc.Revision, "/"
	if lang != "" {
		v.Back = editorPath(id, lang)
	}
	for i, sg := range doc.Segments {
		if sg.ID != sid {
			continue
		}
		v.Source, v.Number, v.Gaps = sg.Source, fmt.Sprintf("%d.%d", sg.Paragraph, sg.Position), gaps(sg.Source)
		if i+1 < len(doc.Segments) && doc.Segments[i+1].Paragraph == sg.Paragraph {
			v.Next = doc.Segments[i+1].Source
		}
	}
	if v.Source == "" {
		s.failPage(c, apperr.New(apperr.NotFound, "segment %d is not in the current revision of document %d", sid, id))
		return
	}
	s.render(c, http.StatusOK, viewCut, s.localizer(c).T("editor.cut"), v)
}

// cutDone sends the browser back to the editor it came from, at the segment.
func cutDone(c *gin.Context, docID int64, near int64) {
	back := "/"
	if lang := c.PostForm("lang"); lang != "" {
		back = editorPath(docID, lang)
	}
	anchor := ""
	if near != 0 {
		anchor = fmt.Sprintf("#seg-%d", near)
	}
	c.Redirect(http.StatusSeeOther, back+anchor)
}

// cutForm reads the document, segment and base revision of a cut form.
func (s *Server) cutForm(c *gin.Context) (doc, seg int64, base int, ok bool) {
	doc, err := idParam(c, "id", "document")
	if err == nil {
		seg, err = idParam(c, "sid", "segment")
	}
	if err != nil {
		s.failPage(c, err)
		return 0, 0, 0, false
	}
	base, _ = strconv.Atoi(c.PostForm("base_revision"))
	return doc, seg, base, true
}

// joinForm: POST /documents/:id/segments/:sid/join {csrf, base_revision, lang}.
func (s *Server) joinForm(c *gin.Context) {
	id, sid, base, ok := s.cutForm(c)
	if !ok {
		return
	}
	if _, err := s.app.JoinSegments(c.Request.Context(), actor(c), id, sid, base); err != nil {
		s.failPage(c, err)
		return
	}
	cutDone(c, id, 0)
}

// splitForm: POST /documents/:id/segments/:sid/split {csrf, base_revision, at, lang}.
func (s *Server) splitForm(c *gin.Context) {
	id, sid, base, ok := s.cutForm(c)
	if !ok {
		return
	}
	at, err := strconv.Atoi(c.PostForm("at"))
	if err != nil {
		s.failPage(c, apperr.New(apperr.Invalid, "choose where to split"))
		return
	}
	if _, err := s.app.SplitSegment(c.Request.Context(), actor(c), id, sid, base, at); err != nil {
		s.failPage(c, err)
		return
	}
	cutDone(c, id, 0)
}

// flagForm: POST /documents/:id/segments/:sid/flags {csrf, lang, note}.
func (s *Server) flagForm(c *gin.Context) {
	id, sid, _, ok := s.cutForm(c)
	if !ok {
		return
	}
	if _, err := s.app.FlagSplit(c.Request.Context(), actor(c), id, sid, c.PostForm("lang"), c.PostForm("note")); err != nil {
		s.failPage(c, err)
		return
	}
	cutDone(c, id, sid)
}
