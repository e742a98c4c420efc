package workspace

import (
	"fmt"
	"net/url"
	"strconv"
)

// The workspace's addresses. Handlers put them in the views, so that
// templates and the editor's scripts never put a path together themselves.

func editorPath(doc int64, lang string) string {
	return fmt.Sprintf("/translate/%d/%s", doc, url.PathEscape(lang))
}

// reviewPath is a language's review queue, of one document when doc > 0.
func reviewPath(lang string, doc int64) string {
	u := "/review/" + url.PathEscape(lang)
	if doc > 0 {
		u += "?doc=" + strconv.FormatInt(doc, 10)
	}
	return u
}

// reviewActionPath is the form action of "approve" or "reject" on one segment.
func reviewActionPath(lang string, sid int64, action string) string {
	return fmt.Sprintf("/review/%s/%d/%s", url.PathEscape(lang), sid, action)
}

func glossaryPath(lang string) string { return "/glossary/" + url.PathEscape(lang) }

func publishPath(doc int64) string { return fmt.Sprintf("/publish/%d", doc) }

func sourcePath(doc int64) string { return fmt.Sprintf("/documents/%d/source", doc) }

// archivePath is the form action that archives a document (archive) or
// brings it back.
func archivePath(doc int64, archive bool) string {
	if archive {
		return fmt.Sprintf("/documents/%d/archive", doc)
	}
	return fmt.Sprintf("/documents/%d/unarchive", doc)
}

// deletePath is the page that asks to confirm a document's deletion, and
// the action of its form.
func deletePath(doc int64) string { return fmt.Sprintf("/documents/%d/delete", doc) }

// segmentPlaceholder stands for a segment's id in the editor's API address
// templates; the script puts the id of the segment it acts on in its place.
const segmentPlaceholder = ":id"

// editorURLs are the API addresses the editor's script calls, for one language.
type editorURLs struct {
	Save, Clear, History  string // PUT, POST, GET; templates with segmentPlaceholder
	Glossary, Suggestions string // GET; templates with segmentPlaceholder
	MemorySearch          string // GET; the script adds the query as "q"
	Comments              string // GET, POST; a template with segmentPlaceholder
	Resolve               string // POST; a template whose segmentPlaceholder stands for a comment's id
}

func editorAPI(lang string) editorURLs {
	l := url.PathEscape(lang)
	tr := "/api/v1/segments/" + segmentPlaceholder + "/translations/" + l
	q := "?lang=" + url.QueryEscape(lang)
	return editorURLs{Save: tr, Clear: tr + "/clear", History: tr + "/history",
		Glossary:     "/api/v1/segments/" + segmentPlaceholder + "/glossary" + q,
		Suggestions:  "/api/v1/segments/" + segmentPlaceholder + "/suggestions" + q,
		MemorySearch: "/api/v1/tm/" + l + "/search",
		Comments:     "/api/v1/segments/" + segmentPlaceholder + "/comments" + q,
		Resolve:      "/api/v1/comments/" + segmentPlaceholder + "/resolve"}
}
