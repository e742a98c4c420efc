package limits

import (
	"errors"
	"fmt"

	"tilmash/internal/apperr"
)

// Error is a limit that an input passed. Its chain holds an *apperr.Error:
// code too_large (413) when the file is too big as a whole (bytes, units,
// terms), invalid (400) when one part of it is out of shape (depth, a token,
// an attribute, a text), so that callers answer with the right status
// without knowing the limits.
type Error struct {
	Line int    // 1-based line where the limit was passed; 0 when not tied to a place
	Msg  string // what was passed, with the limit
	Code apperr.Code
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// Unwrap returns the application error with the same message.
func (e *Error) Unwrap() error {
	ae := apperr.New(e.Code, "%s", e.Error())
	if e.Line > 0 {
		ae = ae.With("line", e.Line)
	}
	return ae
}

// As returns the *Error in err's chain.
func As(err error) (*Error, bool) {
	var le *Error
	ok := errors.As(err, &le)
	return le, ok
}

// TooLarge is an Error for a file too big as a whole; line may be 0.
func TooLarge(line int, format string, args ...any) *Error {
	return &Error{Line: line, Msg: fmt.Sprintf(format, args...), Code: apperr.TooLarge}
}

// Invalid is an Error for a part of a file out of shape.
func Invalid(line int, format string, args ...any) *Error {
	return &Error{Line: line, Msg: fmt.Sprintf(format, args...), Code: apperr.Invalid}
}

// Size writes a byte count for people: "32 MiB", "64 KiB", "1000 bytes".
func Size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
