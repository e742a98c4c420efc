package workspace

import (
	"fmt"
	"net/http"
	"tilmash/internal/app"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
	"tilmash/internal/xliff"
)

// importConflict is a unit of an uploaded file that was not saved because
// someone changed the segment since the export: both texts side by side.
type importConflict struct {
	app.XLIFFConflict
	Number string // "paragraph.position"
	Source string
	Anchor int64 // the segment of the editor it concerns (the new one when the source changed)
	// SourceChanged: the Russian sentence was corrected after the export; the
	// file's text translates the old one.
	SourceChanged bool
}

// importView is the outcome of an XLIFF upload, shown above the editor.
type importView struct {
	Saved, Unchanged int
	Counts           app.XLIFFCounts // every outcome, source copies among them
	Conflicts        []importConflict
	Error            string // localized: why the file was refused as a whole
	Detail           string // the application's precise reason
}

// number names each conflict by its segment's place and source text.
func (v *importView) number(segs []app.TranslationView) {
	at := make(map[int64]int, len(segs))
	for i, sg := range segs {
		at[sg.ID] = i
	}
	for i := range v.Conflicts {
		cf := &v.Conflicts[i]
		cf.Anchor, cf.SourceChanged = cf.ID, cf.Reason == app.SourceChanged
		if cf.SourceChanged {
			cf.Anchor = cf.Segment // 0 when the sentence was deleted
		}
		if k, ok := at[cf.Anchor]; ok {
			cf.Number = fmt.Sprintf("%d.%d", segs[k].Paragraph, segs[k].Position)
			cf.Source = segs[k].Source
		}
	}
}

// uploadXLIFF: POST /translate/:id/:lang/xliff {csrf, file} saves the
// targets of a filled XLIFF file, as the API's import does, and answers with
// the editor and a summary: saved, unchanged, and each conflict with the
// file's text beside the current one. Only those who may translate the
// language upload.
func (s *Server) uploadXLIFF(c *gin.Context) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.failPage(c, err)
		return
	}
	ctx, a, l := c.Request.Context(), actor(c), s.localizer(c)
	lang, err := s.app.TargetLanguage(ctx, c.Param("lang"))
	if err != nil {
		s.failPage(c, err)
		return
	}
	if !a.CanTranslate(lang.Tag) {
		s.renderEditor(c, http.StatusForbidden, &importView{Error: l.T("editor.import_forbidden")})
		return
	}
	fh, err := c.FormFile("file")
	if err != nil {
		s.renderEditor(c, http.StatusBadRequest, &importView{Error: l.T("editor.import_no_file")})
		return
	}
	f, err := fh.Open()
	if err != nil {
		s.failPage(c, fmt.Errorf("open uploaded XLIFF: %w", err))
		return
	}
	defer f.Close()
	res, err := s.app.ImportXLIFF(ctx, a, id, lang.Tag, f, xliff.DefaultLimit)
	if err != nil {
		e, ok := apperr.As(err)
		if !ok {
			s.failPage(c, err)
			return
		}
		s.renderEditor(c, statusOf(e.Code), &importView{Error: l.T("editor.import_failed"), Detail: e.Message})
		return
	}
	v := &importView{Saved: res.Saved, Unchanged: res.Unchanged, Counts: res.Counts}
	for _, cf := range res.Conflicts {
		v.Conflicts = append(v.Conflicts, importConflict{XLIFFConflict: cf})
	}
	s.renderEditor(c, http.StatusOK, v)
}
