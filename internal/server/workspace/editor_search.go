package workspace

// editorSearch is the editor's search form: a word of the source or the
// target, the author of the text, and a failing check. It is a GET form on
// the editor itself, so a search is an address that can be shared.
type editorSearch struct {
	Action  string
	Query   string
	Author  string
	Check   string
	Authors []string // everyone who wrote a current text of the document
	Checks  []searchOption
	Hidden  []hiddenField // the state filter, kept
	Active  bool          // a search narrows the page
	Clear   string        // the page without the search
}

// searchOption is one choice of the check filter: a value and its message id.
type searchOption struct {
	Value, Label string
}

// checkOptions are the check filter's choices: any error, any warning. A
// single finding id works too (?check=number-missing), from the API or a
// finding's link.
func checkOptions() []searchOption {
	return []searchOption{{"error", "editor.search_check_error"}, {"warning", "editor.search_check_warning"}}
}

func newEditorSearch(base string, q editorQuery, authors []string) editorSearch {
	return editorSearch{Action: base, Query: q.Search.Query, Author: q.Search.Author, Check: q.Search.Check,
		Authors: authors, Checks: checkOptions(), Hidden: q.hidden(true), Active: !q.Search.Empty(),
		Clear: editorQuery{State: q.State}.url(base, 1)}
}
