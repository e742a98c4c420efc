// Package apperr is the one application error type of Tilmash. Domain packages
// return it with a code; the HTTP adapter maps codes to statuses in one place.
package apperr

import (
	"errors"
	"fmt"
)

// Code classifies an error for callers; its string is the API's "code" field.
type Code string

// The codes, each mapped to one HTTP status by the server.
const (
	Invalid      Code = "invalid"       // 400: the request itself is wrong
	Unauthorized Code = "unauthorized"  // 401: no valid credentials
	Forbidden    Code = "forbidden"     // 403: valid credentials, wrong role
	NotFound     Code = "not_found"     // 404
	Conflict     Code = "conflict"      // 409: stale version or a state that forbids the action
	Gone         Code = "gone"          // 410: withdrawn
	TooLarge     Code = "too_large"     // 413
	ChecksFailed Code = "checks_failed" // 422: quality checks block the action
	// BadCut is 422: a split or join the document's segments cannot take; "reason" says why.
	BadCut Code = "bad_cut"
	// Unprocessable is 422: a well-formed input the action cannot use, such
	// as a TMX file without the language pair asked for.
	Unprocessable Code = "unprocessable"
	Throttled     Code = "throttled" // 429: too many attempts; "retry_after" says how many seconds to wait
	Internal      Code = "internal"  // 500
)

// Error is an application error: a code, a human sentence, and optional
// details that the API adds to the error body (e.g. the current version on a conflict).
type Error struct {
	Code    Code
	Message string
	Details map[string]any
}

func (e *Error) Error() string { return e.Message }

// New returns an error with a code and a formatted message.
func New(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// With returns a copy of e with one more detail.
func (e *Error) With(key string, value any) *Error {
	d := make(map[string]any, len(e.Details)+1)
	for k, v := range e.Details {
		d[k] = v
	}
	d[key] = value
	return &Error{Code: e.Code, Message: e.Message, Details: d}
}

// CodeOf returns the code of the first *Error in err's chain, or Internal.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// As returns the first *Error in err's chain.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}
