package workspace

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"tilmash/internal/app"
	"tilmash/internal/server/locale"

	"github.com/gin-gonic/gin"

	"tilmash/internal/i18n"
	"tilmash/internal/limits"
	"tilmash/internal/workflow"
)

// editorSegment is one sentence of the editor.
type editorSegment struct {
	app.TranslationView
	Label        string            // the state's message id
	Open         bool              // still needs a translator
	Number       string            // "paragraph.position", as people cite it
	SourceDiff   []diffPart        // outdated: the previous source against the current one, word by word
	Reviewer     string            // rejected: who rejected it, the author of Comment
	Rejection    string            // rejected: the reviewer's comment, shown to the translator
	SourceParts  []sourcePart      // the source with its glossary terms marked
	Comments     []app.CommentView // in the editor's language and about the source, oldest first
	OpenComments int               // how many of Comments are unresolved
	// Actions is what the person may do with the segment (workflow.Permit),
	// written on its element for the script, which keeps it from the API's answers.
	Actions workflow.Permissions
}

// hygieneNote is a source warning: its kind (segment.Kind*, for styling)
// and its sentence, which names the problem itself: a title before it would
// only say it twice.
type hygieneNote struct {
	Kind string
	locale.Note
}

type editorParagraph struct {
	Number   int
	Warnings []hygieneNote
	Segments []editorSegment
}

// filterLink is one state filter with its count.
type filterLink struct {
	Key     string
	Label   string // message id
	N       int
	Current bool
	URL     string
}

// pageLink is one page of a long editor or review queue.
type pageLink struct {
	N       int
	URL     string
	Current bool
	Label   string // what the page holds, e.g. "¶ 12–20"
}

type editorView struct {
	DocID        int64
	Title        string
	Revision     int
	Lang, Dir    string
	Native       string
	Paragraphs   []editorParagraph
	Filters      []filterLink
	Shown, Total int
	From, To     int // the shown segments' positions (1-based) on this page of a long document
	CanEdit      bool
	CanReview    bool
	CanCut       bool // publishers and admins join and split segments
	XLIFF        string
	XLIFF12      string // the XLIFF 1.2 download, for OmegaT and tools like it
	Upload       string // the XLIFF upload form's action
	ReviewURL    string // this document's review queue in this language
	GlossaryURL  string
	API          editorURLs // what the script calls
	Filtered     bool       // a state filter is on: a save may move segments between pages
	Messages     map[string]string
	Pager        *pager // nil when everything fits on one page
	Page         int
	Search       editorSearch
	Commented    bool // only segments with unresolved comments
	CanComment   bool
	CommentMax   int         // limits.CommentRunes, the comment box's maxlength
	GoToMissing  string      // "go to segment" named a segment not shown
	Import       *importView // the outcome of an XLIFF upload, on the page that answers it
}

// EditorPageSize bounds the segments one editor page shows: whole paragraphs
// up to this many (a longer paragraph is cut), so a 24,000-sentence document
// is pages of a few hundred kilobytes, not one page of 28 MB.
const EditorPageSize = 200

// editorFilters are the filter keys in display order: all, open, then each state.
func editorFilters() []string {
	return []string{"all", "open", string(workflow.Untranslated), string(workflow.Translated), string(workflow.Approved),
		string(workflow.Rejected), string(workflow.Outdated)}
}

func filterLabel(key string) string {
	switch key {
	case "all":
		return "editor.filter_all"
	case "open":
		return "editor.filter_open"
	}
	return stateLabel(workflow.State(key))
}

func filterMatches(key string, st workflow.State) bool {
	switch key {
	case "all":
		return true
	case "open":
		return st.Open()
	}
	return string(st) == key
}

// editorMessages are the texts the editor's script shows, in the page's language.
func editorMessages(l *i18n.Localizer) map[string]string {
	m := map[string]string{}
	for _, id := range []string{"editor.saving", "editor.saved", "editor.unchanged", "editor.save_failed",
		"editor.conflict_title", "editor.conflict_yours", "editor.conflict_theirs", "editor.keep_mine",
		"editor.take_theirs", "editor.unsaved", "editor.history_empty", "editor.history_failed", "editor.last_open",
		"editor.terms", "editor.memory", "editor.use", "editor.checks", "editor.help_empty", "editor.help_failed", "editor.forbidden_terms",
		"editor.tm_search_none", "editor.tm_search_failed", "editor.clear_confirm", "editor.clear_yes", "editor.clear_no",
		"editor.cleared", "editor.clear_failed", "editor.source_gone", "editor.copy_text", "editor.copied", "editor.copy_select",
		"editor.reload",
		"state.untranslated", "state.translated", "state.approved", "state.rejected", "state.outdated"} {
		m[id] = l.T(id)
	}
	// Why an action is refused: the script gets the reason code from the API.
	for _, r := range workflow.Reasons() {
		m[reasonMessage(r)] = l.T(reasonMessage(r))
	}
	// Texts with values carry placeholders the script fills in.
	m["editor.by"] = l.T("editor.by", "Name", "{name}")
	m["editor.conflict_who"] = l.T("editor.conflict_who", "Name", "{name}", "Version", "{version}")
	editorMessages14(l, m)
	return m
}

// editorPage: GET /translate/:id/:lang[?state=open] — the document in one
// language, source beside target, grouped by paragraph.
func (s *Server) editorPage(c *gin.Context) {
	s.renderEditor(c, http.StatusOK, nil)
}

// renderEditor shows the editor page of the request's document, language,
// filter and page, with the outcome of an XLIFF upload when imp is set.
func (s *Server) renderEditor(c *gin.Context, status int, imp *importView) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.failPage(c, err)
		return
	}
	ctx, a, l := c.Request.Context(), actor(c), s.localizer(c)
	// Findings are worked out for the page shown only (decorateSegments): a
	// long document has thousands of segments and shows a couple of hundred.
	search := app.TranslationFilter{Query: c.Query("q"), Author: c.Query("author"), Check: c.Query("check")}
	list, err := s.app.TranslationsUnchecked(ctx, id, c.Param("lang"))
	if err != nil {
		s.failPage(c, err)
		return
	}
	authors := list.Authors() // of the whole document, before the search narrows it
	if !search.Empty() {      // the search checks what it found: the check filter needs it
		if list, err = s.app.FilterTranslations(ctx, list, search); err != nil {
			s.failPage(c, err)
			return
		}
	}
	commented := c.Query("comments") == "open"
	if commented {
		if list.Segments, err = s.keepCommented(ctx, id, list.Lang, list.Segments); err != nil {
			s.failPage(c, err)
			return
		}
	}
	warnings, err := s.app.SourceWarnings(ctx, id)
	if err != nil {
		s.failPage(c, err)
		return
	}
	lang, err := s.app.TargetLanguage(ctx, list.Lang)
	if err != nil {
		s.failPage(c, err)
		return
	}
	filter := c.DefaultQuery("state", "all")
	known := false
	for _, k := range editorFilters() {
		known = known || k == filter
	}
	if !known {
		filter = "all"
	}
	base := editorPath(id, list.Lang)
	q := editorQuery{State: filter, Search: search, Comments: commented}
	v := editorView{DocID: id, Title: list.Title, Revision: list.Revision, Lang: list.Lang, Dir: list.Direction, Native: lang.NativeName,
		Total: len(list.Segments), CanEdit: a.CanTranslate(list.Lang), CanReview: a.CanReview(list.Lang), CanCut: a.CanManageDocuments(),
		XLIFF:     fmt.Sprintf("/api/v1/documents/%d/xliff/%s?format=2.1", id, url.PathEscape(list.Lang)),
		XLIFF12:   fmt.Sprintf("/api/v1/documents/%d/xliff/%s?format=1.2", id, url.PathEscape(list.Lang)),
		Upload:    base + "/xliff" + keepQuery(c, q),
		ReviewURL: reviewPath(list.Lang, id), GlossaryURL: glossaryPath(list.Lang), API: editorAPI(list.Lang),
		Filtered: filter != "all" || !search.Empty() || commented, Messages: editorMessages(l), Import: imp,
		Search: newEditorSearch(base, q, authors), Commented: commented, CommentMax: limits.CommentRunes, CanComment: a.CanTranslate(list.Lang) || a.CanPublish()}
	for _, k := range editorFilters() {
		n := 0
		for _, sg := range list.Segments {
			if filterMatches(k, sg.State) {
				n++
			}
		}
		v.Filters = append(v.Filters, filterLink{Key: k, Label: filterLabel(k), N: n, Current: k == filter,
			URL: editorQuery{State: k, Search: search, Comments: commented}.url(base, 1)})
	}
	byPara := map[int]int{} // paragraph number → index in v.Paragraphs
	for _, w := range warnings {
		p := paragraphOf(&v, byPara, w.Paragraph)
		p.Warnings = append(p.Warnings, hygieneNote{Kind: w.Kind, Note: locale.Warning(l, w)})
	}
	for _, sg := range list.Segments {
		if !filterMatches(filter, sg.State) {
			continue
		}
		p := paragraphOf(&v, byPara, sg.Paragraph)
		p.Segments = append(p.Segments, editorSegment{TranslationView: sg, Label: stateLabel(sg.State), Open: sg.State.Open(),
			Number: fmt.Sprintf("%d.%d", sg.Paragraph, sg.Position)})
		v.Shown++
	}
	// Paragraphs with only warnings but no shown segment are dropped when filtering.
	out := v.Paragraphs[:0]
	for _, p := range v.Paragraphs {
		if len(p.Segments) > 0 {
			out = append(out, p)
		}
	}
	v.Paragraphs = out
	sort.Slice(v.Paragraphs, func(i, j int) bool { return v.Paragraphs[i].Number < v.Paragraphs[j].Number })
	pages := pageParagraphs(v.Paragraphs, EditorPageSize)
	if at := c.Query("at"); at != "" { // "go to segment N": its page, scrolled to it
		if pg, sid, ok := segmentAt(pages, at); ok {
			c.Redirect(http.StatusSeeOther, q.url(base, pg)+"#seg-"+strconv.FormatInt(sid, 10))
			return
		}
		v.GoToMissing = at
	}
	v.Page = min(max(atoi(c.Query("page")), 1), max(len(pages), 1))
	if len(pages) > 0 {
		v.Paragraphs = pages[v.Page-1]
	}
	for i, pg := range pages {
		n := countSegments(pg)
		if i+1 < v.Page {
			v.From += n
			continue
		}
		v.From++
		v.To = v.From + n - 1
		break
	}
	labels := make([]string, len(pages))
	for i, pg := range pages {
		labels[i] = paragraphRange(pg[0].Number, pg[len(pg)-1].Number)
	}
	if v.Pager = newPager(base, q, v.Page, labels); v.Pager != nil {
		v.Pager.Text = newPagerText(l, v.Page, len(labels))
	}
	if err := s.decorateSegments(ctx, a, list.Lang, v.Paragraphs); err != nil {
		s.failPage(c, err)
		return
	}
	if imp != nil {
		imp.number(list.Segments)
	}
	s.render(c, status, viewEditor, l.T("editor.title", "Lang", lang.NativeName), v)
}

// keepQuery is the query of the page shown (filter, search and page
// number), for a form whose answer shows that page again.
func keepQuery(c *gin.Context, q editorQuery) string {
	u := q.url("", atoi(c.Query("page")))
	return u
}

func paragraphRange(first, last int) string {
	if first == last {
		return "¶ " + strconv.Itoa(first)
	}
	return fmt.Sprintf("¶ %d–%d", first, last)
}

// countSegments is the number of segments of a page's paragraphs.
func countSegments(ps []editorParagraph) int {
	n := 0
	for _, p := range ps {
		n += len(p.Segments)
	}
	return n
}

// pageParagraphs cuts paragraphs into pages of at most size segments, keeping
// paragraphs whole unless one alone is longer than a page.
func pageParagraphs(ps []editorParagraph, size int) [][]editorParagraph {
	var pages [][]editorParagraph
	var cur []editorParagraph
	n := 0
	add := func(p editorParagraph) {
		if n > 0 && n+len(p.Segments) > size {
			pages, cur, n = append(pages, cur), nil, 0
		}
		cur, n = append(cur, p), n+len(p.Segments)
	}
	for _, p := range ps {
		for len(p.Segments) > size {
			head := p
			head.Segments = p.Segments[:size:size]
			add(head)
			p.Segments, p.Warnings = p.Segments[size:], nil
		}
		add(p)
	}
	if len(cur) > 0 {
		pages = append(pages, cur)
	}
	return pages
}

// decorateSegments adds what only the shown page needs: the quality findings,
// what the person may do with each segment (the findings are approval's
// gate), the word diff of an outdated segment's source, and who rejected a
// rejected one, and why.
func (s *Server) decorateSegments(ctx context.Context, a workflow.Actor, lang string, ps []editorParagraph) error {
	var rejected []int64
	for _, p := range ps {
		for i := range p.Segments {
			sg := &p.Segments[i]
			checks, err := s.app.Check(ctx, lang, sg.Source, sg.Target)
			if err != nil {
				return err
			}
			sg.Checks = checks
			sg.Actions = sg.Permissions(a, lang)
			hits, err := s.app.TermsIn(ctx, lang, sg.Source)
			if err != nil {
				return err
			}
			sg.SourceParts = markTerms(sg.Source, hits, "term-"+strconv.FormatInt(sg.ID, 10))
			if sg.PreviousSource != "" {
				sg.SourceDiff = wordDiff(sg.PreviousSource, sg.Source)
			}
			if sg.State == workflow.Rejected {
				// A rejection's comment stays on the row after an approve;
				// it speaks to the translator only while the text is rejected.
				sg.Rejection = sg.Comment
				rejected = append(rejected, sg.ID)
			}
		}
	}
	if err := s.attachComments(ctx, lang, ps); err != nil {
		return err
	}
	if len(rejected) == 0 {
		return nil
	}
	who, err := s.app.Rejecters(ctx, lang, rejected)
	if err != nil {
		return err
	}
	for _, p := range ps {
		for i := range p.Segments {
			p.Segments[i].Reviewer = who[p.Segments[i].ID]
		}
	}
	return nil
}

// paragraphOf finds or appends paragraph n (the caller sorts them after).
func paragraphOf(v *editorView, byPara map[int]int, n int) *editorParagraph {
	i, ok := byPara[n]
	if !ok {
		i = len(v.Paragraphs)
		byPara[n] = i
		v.Paragraphs = append(v.Paragraphs, editorParagraph{Number: n})
	}
	// Only valid until the next call appends: callers use it at once.
	return &v.Paragraphs[i]
}
