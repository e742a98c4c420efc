package store

import (
	"context"
	"fmt"
	"testing"

	"tilmash/internal/record"
)

// TestDocumentSearch: a search word matches the title or the current
// text folded: any case, Cyrillic and Kazakh letters, a decomposed "ё";
// every word must match; archived documents are searched apart.
func TestDocumentSearch(t *testing.T) {
	st := openTestStore(t, Options{})
	ctx := context.Background()
	docs := []struct{ title, text string }{
		{"Форум в Астане", "Встреча начнётся в одиннадцать часов."},
		{"Семинар", "ҚАЗАҚСТАН және ӘЛЕМ."},
		{"Annual Report", "Ёлка на площади."},
	}
	ids := make([]int64, len(docs))
	for i, d := range docs {
		err := st.Write(ctx, func(tx *Tx) error {
			doc := record.Document{Title: d.title, SourceLang: "ru", Revision: 1}
			if err := tx.InsertDocument(&doc); err != nil {
				return err
			}
			ids[i] = doc.ID
			return tx.InsertRevision(&record.Revision{DocumentID: doc.ID, Number: 1, Text: d.text})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		words    []string
		archived bool
		want     []int64
	}{
		{[]string{"астане"}, false, []int64{ids[0]}},
		{[]string{"НАЧНЁТСЯ"}, false, []int64{ids[0]}},
		{[]string{"начне\u0308тся"}, false, []int64{ids[0]}}, // ё decomposed
		{[]string{"қазақстан", "әлем"}, false, []int64{ids[1]}},
		{[]string{"қазақстан", "форум"}, false, nil},
		{[]string{"report"}, false, []int64{ids[2]}},
		{[]string{"ёлка"}, false, []int64{ids[2]}},
		{[]string{"в"}, false, []int64{ids[0]}}, // "в" in the first only
		{nil, false, []int64{ids[2], ids[1], ids[0]}},
		{[]string{"астане"}, true, nil},
	} {
		total, got, err := st.ListDocuments(ctx, record.DocumentQuery{Words: tc.words, Archived: tc.archived, Limit: 50})
		var gotIDs []int64
		for _, d := range got {
			gotIDs = append(gotIDs, d.ID)
		}
		if err != nil || total != len(tc.want) || fmt.Sprint(gotIDs) != fmt.Sprint(tc.want) {
			t.Errorf("%q (archived %v): %d %v, %v; want %v", tc.words, tc.archived, total, gotIDs, err, tc.want)
		}
	}
}
