package server

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"unicode/utf16"

	"tilmash/internal/glossary"
	"tilmash/internal/server/httpx"
)

// TestGlossaryImportLimitsAndEncodings: the API takes a glossary file up to
// the readers' own limit (larger than a JSON body's) and in the encodings
// they decode, such as UTF-16 with a byte order mark.
func TestGlossaryImportLimitsAndEncodings(t *testing.T) {
	ts := startServer(t)
	reviewer := ts.user(t, "bolat", "reviewer:kk")
	terms := []glossary.Term{{Source: "семинар", Target: "семинар", Note: strings.Repeat("ескерту ", 900_000)}}
	var csv bytes.Buffer
	if err := glossary.WriteCSV(&csv, terms); err != nil {
		t.Fatal(err)
	}
	if csv.Len() <= httpx.MaxBodyBytes {
		t.Fatalf("the file is %d bytes; the test needs one over the JSON body limit", csv.Len())
	}
	// A note over the reader's text limit is refused by the reader (400), not by the body limit (413).
	ts.call(t, "POST", "/api/v1/glossary/kk/import?format=csv", reviewer, csv.Bytes()).must(t, http.StatusBadRequest)

	var small bytes.Buffer
	if err := glossary.WriteCSV(&small, []glossary.Term{{Source: "баспасөз қызметі", Target: "пресс-служба"}}); err != nil {
		t.Fatal(err)
	}
	utf16le := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(small.String())) {
		utf16le = append(utf16le, byte(u), byte(u>>8))
	}
	ts.call(t, "POST", "/api/v1/glossary/kk/import?format=csv", reviewer, utf16le).must(t, http.StatusOK)
}
