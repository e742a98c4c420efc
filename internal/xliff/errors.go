package xliff

import (
	"errors"
	"fmt"
	"strings"

	"tilmash/internal/apperr"
	"tilmash/internal/xmltext"
)

// ErrTooLarge is in the chain of Read's error when the file is bigger than
// the limit.
var ErrTooLarge = errors.New("xliff file too large")

// ErrForeign is in the chain of Read's error when the file holds units of
// another namespace: a well-formed file of something else, code
// unprocessable (422) rather than invalid.
var ErrForeign = errors.New("xliff units in a foreign namespace")

// ParseError explains why Read refused a file. Its chain also holds an
// *apperr.Error (code invalid, or too_large for ErrTooLarge and a file with
// too many units) with the line and unit as details, so the API can answer
// with apperr as usual.
type ParseError struct {
	Line int    // 1-based line of the file; 0 when not tied to a place
	Unit string // id of the unit as written in the file, when inside one
	Msg  string
	Err  error // cause: ErrTooLarge, *xml.SyntaxError, *limits.Error, or nil
}

func (e *ParseError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Unit != "" {
		fmt.Fprintf(&b, "unit %q: ", e.Unit)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the equivalent application error, first, so that it is the
// one apperr.As finds, and the cause.
func (e *ParseError) Unwrap() []error {
	code := apperr.Invalid
	if errors.Is(e.Err, ErrForeign) || xmltext.IsCharError(e.Err) {
		code = apperr.Unprocessable
	}
	if errors.Is(e.Err, ErrTooLarge) || e.Err != nil && apperr.CodeOf(e.Err) == apperr.TooLarge {
		code = apperr.TooLarge
	}
	ae := apperr.New(code, "%s", e.Error())
	if e.Line > 0 {
		ae = ae.With("line", e.Line)
	}
	if e.Unit != "" {
		ae = ae.With("unit", e.Unit)
	}
	if e.Err == nil {
		return []error{ae}
	}
	return []error{ae, e.Err}
}
