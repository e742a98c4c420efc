package workspace

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"tilmash/internal/app"
	"tilmash/internal/publish"
	"tilmash/internal/record"
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
	Archived bool
	// PublishURL and SourceURL are the document's publish and source pages;
	// ArchiveAction posts archive or unarchive, DeleteURL asks to confirm.
	PublishURL, SourceURL, ArchiveAction, DeleteURL string
}

// dashLink is one choice of the dashboard's filter bar or pager.
type dashLink struct {
	Label   string // message id
	URL     string
	Current bool
}

type dashboardView struct {
	Docs       []dashDoc
	CanPublish bool
	CanImport  bool // importing, correcting, archiving and deleting source documents
	// The list's state: the search typed, the filter, the languages shown.
	Q, Filter   string
	Lang        string // a language asked for by ?lang=, kept by the search form
	All         bool   // every language, though the person has their own
	Mine        []string
	Filters     []dashLink
	LangLink    *dashLink // "all languages" or "my languages", when the person has their own
	Total       int
	Page, Pages int
	Prev, Next  string // neighbouring pages, "" at the ends
	Archived    bool   // the list shows archived documents
	Searched    bool   // a search or a filter narrowed the list
	Deleted     bool   // the request that led here deleted a document
}

// dashboardFilters are the filter bar's keys: "" lists every document in use.
var dashboardFilters = []struct{ key, label string }{
	{"", "dashboard.filter_all"},
	{"needs_work", "dashboard.filter_needs_work"},
	{"ready", "dashboard.filter_ready"},
	{"archived", "dashboard.filter_archived"},
}

// dashboardQuery is the list the request asks for: a person's own languages
// unless ?all=1 or ?lang= says otherwise, a filter, a search and a page.
func dashboardQuery(c *gin.Context, mine []string) (app.DocumentListQuery, dashboardView) {
	v := dashboardView{Q: strings.TrimSpace(c.Query("q")), Filter: c.Query("filter"), Lang: c.Query("lang"),
		All: c.Query("all") == "1", Mine: mine}
	q := app.DocumentListQuery{Q: v.Q, Page: max(atoi(c.Query("page")), 1)}
	switch {
	case v.Lang != "":
		q.Langs = []string{v.Lang}
	case !v.All:
		q.Langs = mine
	}
	switch v.Filter {
	case "needs_work":
		q.Filter = record.FilterNeedsWork
	case "ready":
		q.Filter = record.FilterReady
	case "archived":
		q.Archived, v.Archived = true, true
	default:
		v.Filter = ""
	}
	v.Searched = v.Q != "" || v.Filter != ""
	v.Deleted = c.Query("deleted") != ""
	return q, v
}

// url is the dashboard with v's state and the changes in set ("" removes a key).
func (v dashboardView) url(set ...string) string {
	q := url.Values{}
	for k, val := range map[string]string{"q": v.Q, "filter": v.Filter, "lang": v.Lang} {
		if val != "" {
			q.Set(k, val)
		}
	}
	if v.All {
		q.Set("all", "1")
	}
	for i := 0; i+1 < len(set); i += 2 {
		if set[i+1] == "" {
			q.Del(set[i])
		} else {
			q.Set(set[i], set[i+1])
		}
	}
	if len(q) == 0 {
		return "/"
	}
	return "/?" + q.Encode()
}

// dashboard: GET /?q=&filter=&lang=&all=&page= — one page of documents,
// newest activity first, × the person's languages (every language for
// those without one, or on ?all=1) with counts, bars and the latest release.
func (s *Server) dashboard(c *gin.Context) {
	ctx, a := c.Request.Context(), actor(c)
	q, view := dashboardQuery(c, a.Languages())
	list, err := s.app.ListDocuments(ctx, q)
	if err != nil {
		s.failPage(c, err)
		return
	}
	langs, err := s.app.TargetLanguages(ctx)
	if err != nil {
		s.failPage(c, err)
		return
	}
	ids := make([]int64, len(list.Documents))
	for i, d := range list.Documents {
		ids[i] = d.ID
	}
	latest, err := s.app.LatestReleases(ctx, ids)
	if err != nil {
		s.failPage(c, err)
		return
	}
	mine, shown := map[string]bool{}, map[string]bool{}
	for _, l := range a.Languages() {
		mine[l] = true
	}
	for _, l := range list.Langs {
		shown[l] = true
	}
	view.CanPublish, view.CanImport = a.CanPublish(), a.CanManageDocuments()
	view.Total, view.Page, view.Pages = list.Total, list.Page, list.Pages
	for _, f := range dashboardFilters {
		view.Filters = append(view.Filters, dashLink{Label: f.label, URL: view.url("filter", f.key, "page", ""), Current: f.key == view.Filter})
	}
	if len(view.Mine) > 0 {
		if view.All || view.Lang != "" {
			view.LangLink = &dashLink{Label: "dashboard.my_languages", URL: view.url("all", "", "lang", "", "page", "")}
		} else {
			view.LangLink = &dashLink{Label: "dashboard.all_languages", URL: view.url("all", "1", "page", "")}
		}
	}
	if view.Page > 1 {
		prev := strconv.Itoa(view.Page - 1)
		if view.Page == 2 {
			prev = "" // the first page's address has no page
		}
		view.Prev = view.url("page", prev)
	}
	if view.Page < view.Pages {
		view.Next = view.url("page", strconv.Itoa(view.Page+1))
	}
	for _, d := range list.Documents {
		dd := dashDoc{ID: d.ID, Title: d.Title, Revision: d.Revision, PublishURL: publishPath(d.ID), SourceURL: sourcePath(d.ID),
			Archived: d.ArchivedAt != nil, ArchiveAction: archivePath(d.ID, d.ArchivedAt == nil), DeleteURL: deletePath(d.ID)}
		for _, l := range langs {
			if !shown[l.Tag] {
				continue
			}
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
