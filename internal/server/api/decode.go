package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
	"tilmash/internal/server/httpx"
)

// readBody reads the whole request body, refusing more than httpx.MaxBodyBytes and invalid UTF-8.
func readBody(c *gin.Context) ([]byte, error) {
	b, err := readRawBody(c, httpx.MaxBodyBytes)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(b) {
		return nil, apperr.New(apperr.Invalid, "the request body is not valid UTF-8 (at byte %d)", invalidAt(b))
	}
	return b, nil
}

// readRawBody reads the whole request body, refusing more than limit bytes;
// for files whose reader decodes them itself (a UTF-16 or windows-1251 glossary).
func readRawBody(c *gin.Context, limit int64) ([]byte, error) {
	r := http.MaxBytesReader(c.Writer, c.Request.Body, limit)
	b, err := io.ReadAll(r)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, apperr.New(apperr.TooLarge, "the request body is larger than %d MiB", limit>>20)
		}
		return nil, apperr.New(apperr.Invalid, "could not read the request body: %v", err)
	}
	return b, nil
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// decodeJSON reads a JSON object body into v.
func decodeJSON(c *gin.Context, v any) error {
	b, err := readBody(c)
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return apperr.New(apperr.Invalid, "the request body is empty; a JSON object is expected")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(v); err != nil {
		return apperr.New(apperr.Invalid, "the request body is not the JSON expected: %s", jsonProblem(err))
	}
	if dec.More() {
		return apperr.New(apperr.Invalid, "the request body has data after the JSON object")
	}
	return nil
}

func jsonProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("%v (at byte %d)", syn, syn.Offset)
	case errors.As(err, &typ):
		if typ.Field != "" {
			return fmt.Sprintf("field %q must be a %s, not a %s", typ.Field, typ.Type, typ.Value)
		}
		return fmt.Sprintf("expected a %s, got a %s", typ.Type, typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "it ends too early"
	}
	return err.Error()
}

// requireVersion reports a missing version field.
func requireVersion(v *int) (int, error) {
	if v == nil {
		return 0, apperr.New(apperr.Invalid, `"version" is required: send the version you read (0 for an untranslated segment)`)
	}
	if *v < 0 {
		return 0, apperr.New(apperr.Invalid, `"version" cannot be negative`)
	}
	return *v, nil
}

// refuseFormUpload explains a file sent as a multipart form (curl -F) where
// the API takes the file itself as the body: otherwise the parser meets the
// form's boundary lines and reports "text before the root element". (curl
// --data-binary labels a raw body as a urlencoded form; that one is fine.)
func refuseFormUpload(c *gin.Context, what string) error {
	if c.ContentType() == "multipart/form-data" {
		return apperr.New(apperr.Invalid, "send the %s file itself as the request body (curl --data-binary @FILE), not as a multipart form upload (curl -F)", what)
	}
	return nil
}
