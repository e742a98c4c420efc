package server

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// nullPaths lists the places in a JSON document that hold null, as paths
// like "segments[].checks"; nil when there are none or raw is not JSON.
func nullPaths(raw []byte) []string {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return nil
	}
	seen := map[string]bool{}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case nil:
			seen[path] = true
		case map[string]any:
			for k, e := range x {
				walk(strings.TrimPrefix(path+"."+k, "."), e)
			}
		case []any:
			for _, e := range x {
				walk(path+"[]", e)
			}
		}
	}
	walk("", v)
	var out []string
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// checkNoNull is applied by send to every answer of the API, so that every
// API test also checks the rule of the API's JSON: a list is [] when empty,
// never null, and a value that does not apply is left out. (No field of the
// API is a nullable scalar; one that becomes so must be listed here, with
// why.)
func checkNoNull(method, path string, raw []byte) error {
	if !strings.HasPrefix(path, "/api/") {
		return nil
	}
	if ps := nullPaths(raw); len(ps) > 0 {
		return fmt.Errorf("%s %s: the answer has null at %s (an empty list is [], an absent value is left out): %.300s",
			method, path, strings.Join(ps, ", "), raw)
	}
	return nil
}

func TestNullPaths(t *testing.T) {
	for _, tc := range []struct {
		json string
		want []string
	}{
		{`{"documents":[{"id":1,"segments":null,"warnings":null},{"id":2,"segments":[]}]}`, []string{"documents[].segments", "documents[].warnings"}},
		{`{"segments":[{"checks":[]},{"checks":[{"id":"spaces","args":{}}]}],"title":""}`, nil},
		{`null`, []string{""}},
		{`[1,null]`, []string{"[]"}},
		{`not json`, nil},
	} {
		if got := nullPaths([]byte(tc.json)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.json, got, tc.want)
		}
	}
	if checkNoNull("GET", "/api/v1/documents", []byte(`{"documents":null}`)) == nil || checkNoNull("GET", "/releases/1/kk/1.json", []byte(`{"x":null}`)) != nil {
		t.Error("checkNoNull judges the API's answers only")
	}
}
