package store

import (
	"context"
	"reflect"
	"testing"

	"tilmash/internal/record"
)

// TestTermsUpdate: a transaction reads its language's terms and updates
// one by id, on either database; another language's term of that id is
// not touched.
func TestTermsUpdate(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, testDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var ids []int64
	err = st.Write(ctx, func(tx *Tx) error {
		if err := tx.DeleteTerms("kk"); err != nil {
			return err
		}
		terms := []record.Term{{Source: "ООН", Target: "БҰҰ"}, {Source: "ЦУР", Target: "ТДМ", Note: "цели"}}
		if err := tx.InsertTerms("kk", terms); err != nil {
			return err
		}
		ids = []int64{terms[0].ID, terms[1].ID}
		ok, err := tx.UpdateTerm("kk", record.Term{ID: terms[0].ID, Source: "ООН", Target: "Біріккен Ұлттар Ұйымы", Note: "н", Forbidden: []string{"ООН", "UN"}})
		if err != nil || !ok {
			t.Errorf("update: %v, %v", ok, err)
		}
		if ok, err := tx.UpdateTerm("en", record.Term{ID: terms[0].ID, Target: "UN"}); err != nil || ok {
			t.Errorf("update in another language: %v, %v", ok, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []record.Term
	if err := st.Write(ctx, func(tx *Tx) error { got, err = tx.Terms("kk"); return err }); err != nil {
		t.Fatal(err)
	}
	want := []record.Term{
		{ID: ids[0], TargetLang: "kk", Source: "ООН", Target: "Біріккен Ұлттар Ұйымы", Note: "н", Forbidden: []string{"ООН", "UN"}},
		{ID: ids[1], TargetLang: "kk", Source: "ЦУР", Target: "ТДМ", Note: "цели"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("terms\n got %+v\nwant %+v", got, want)
	}
}
