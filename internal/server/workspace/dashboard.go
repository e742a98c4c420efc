package workspace

import (
	"net/http"
	"sort"
	"strconv"
	"tilmash/internal/app"
	"tilmash/internal/publish"

	"github.com/gin-gonic/gin"

	"tilmash/internal/workflow"
)

// stateLabels are the message ids of the states, in dashboard order.
func stateLabel(st workflow.State) string {
	switch st {
	case workflow.Untranslated:
		return "state.untranslated"
	case workflow.Translated:
		return "state.translated"
	case workflow.Approved:
		return "state.approved"
	case workflow.Rejected:
		return "state.rejected"
	case workflow.Outdated:
		return "state.outdated"
	}
	return "state.unknown"
}

// stateCount is one state's share of a document in one language.
type stateCount struct {
	State workflow.State
	Label string // message id
	N     int
	X     string // where its bar starts, in percent
	W     string // its bar's width, in percent
}

// dashLang is one document × language cell of the dashboard.
type dashLang struct {
	Tag, Name, Native, Dir string
	Total, Approved        int
	States                 []stateCount
	Release                *app.ReleaseView
	ReleaseURL             string
	Mine                   bool // the person translates or reviews it
	CanEdit, CanReview     bool
	EditorURL, ReviewURL   string
	GlossaryURL            string
	dashComments
}

type dashDoc struct {
	ID       int64
	Title    string
	Revision int
	Total    int
	Langs    []dashLang
	// PublishURL and SourceURL are the document's publish and source pages.
	PublishURL, SourceURL string
}

type dashboardView struct {
	Docs       []dashDoc
	CanPublish bool
	CanImport  bool // importing and correcting source documents
}

// dashboard: GET / — documents × languages with counts, bars and the latest
// release; the person's own languages come first.
func (s *Server) dashboard(c *gin.Context) {
	ctx, a := c.Request.Context(), actor(c)
	docs, err := s.app.Documents(ctx)
	if err != nil {
		s.failPage(c, err)
		return
	}
	langs, err := s.app.TargetLanguages(ctx)
	if err != nil {
		s.failPage(c, err)
		return
	}
	latest, err := s.app.LatestReleases(ctx)
	if err != nil {
		s.failPage(c, err)
		return
	}
	mine := map[string]bool{}
	for _, l := range a.Languages() {
		mine[l] = true
	}
	view := dashboardView{CanPublish: a.CanPublish(), CanImport: a.CanManageDocuments()}
	for _, d := range docs {
		dd := dashDoc{ID: d.ID, Title: d.Title, Revision: d.Revision, PublishURL: publishPath(d.ID), SourceURL: sourcePath(d.ID)}
		for _, l := range langs {
			counts := d.Counts[l.Tag]
			dl := dashLang{Tag: l.Tag, Name: l.Name, Native: l.NativeName, Dir: l.Direction, Mine: mine[l.Tag],
				CanEdit: a.CanTranslate(l.Tag), CanReview: a.CanReview(l.Tag),
				EditorURL: editorPath(d.ID, l.Tag), ReviewURL: reviewPath(l.Tag, d.ID), GlossaryURL: glossaryPath(l.Tag)}
			for _, st := range workflow.States() {
				dl.Total += counts[st]
			}
			dl.Approved = counts[workflow.Approved]
			dl.States = stateBars(counts, dl.Total)
			if r, ok := latest[d.ID][l.Tag]; ok {
				dl.Release = &r
				dl.ReleaseURL = publish.ReleasePath(d.ID, l.Tag, strconv.Itoa(r.Number))
			}
			dd.Total = dl.Total
			dd.Langs = append(dd.Langs, dl)
		}
		sort.SliceStable(dd.Langs, func(i, j int) bool { return dd.Langs[i].Mine && !dd.Langs[j].Mine })
		view.Docs = append(view.Docs, dd)
	}
	if err := s.countComments(ctx, view.Docs); err != nil {
		s.failPage(c, err)
		return
	}
	s.render(c, http.StatusOK, viewDashboard, s.localizer(c).T("dashboard.title"), view)
}

// stateBars lays the states side by side on a 0–100 scale.
func stateBars(counts map[workflow.State]int, total int) []stateCount {
	out := make([]stateCount, 0, 5)
	x := 0.0
	for _, st := range workflow.States() {
		n := counts[st]
		w := 0.0
		if total > 0 {
			w = float64(n) * 100 / float64(total)
		}
		out = append(out, stateCount{State: st, Label: stateLabel(st), N: n,
			X: strconv.FormatFloat(x, 'f', 2, 64), W: strconv.FormatFloat(w, 'f', 2, 64)})
		x += w
	}
	return out
}
