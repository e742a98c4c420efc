package publish

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"tilmash/internal/apperr"
	"tilmash/internal/limits"
)

// SourceLang is the language a waived segment is shown in.
const SourceLang = "ru"

// HistoryWaived is the history action recorded on each segment a partial
// release shows in the source language; its comment is the waiver's reason.
const HistoryWaived = "publish_partial"

// Candidate is one segment of the current revision with its translation in
// the language being published.
type Candidate struct {
	SegmentID int64
	Paragraph int
	Position  int
	Source    string
	Text      string
	Approved  bool
	Version   int
}

// Taken is one segment as a release takes it: the approved text, or the
// source (Lang "ru", Version 0) where a partial release waives it.
type Taken struct {
	SegmentID int64
	Paragraph int
	Position  int
	Source    string
	Text      string
	Lang      string
	Version   int
}

// Ready says whether a language with approved of total segments approved can
// be released: in full when every segment is, and partially (with a waiver)
// when at least one is.
func Ready(approved, total int) (full, partial bool) {
	return total > 0 && approved == total, approved > 0
}

// Take decides what a release of lang takes from the candidates, by Ready:
// in full, or with allowPartial partially, the others showing their source. When it is not ready,
// ok is false and missing lists the segments that block it. When it is,
// missing lists the segments shown in the source (empty for a full release).
func Take(lang string, cs []Candidate, allowPartial bool) (taken []Taken, missing []int64, ok bool) {
	approved := 0
	for _, c := range cs {
		if c.Approved {
			approved++
		} else {
			missing = append(missing, c.SegmentID)
		}
	}
	if full, partial := Ready(approved, len(cs)); !full && !(allowPartial && partial) {
		return nil, missing, false
	}
	taken = make([]Taken, len(cs))
	for i, c := range cs {
		t := Taken{SegmentID: c.SegmentID, Paragraph: c.Paragraph, Position: c.Position, Source: c.Source,
			Text: c.Text, Lang: lang, Version: c.Version}
		if !c.Approved {
			t.Text, t.Lang, t.Version = c.Source, SourceLang, 0
		}
		taken[i] = t
	}
	return taken, missing, true
}

// Same reports whether two releases show exactly the same text in the same
// places, so that publishing again would add nothing.
func Same(a, b []Taken) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.SegmentID != y.SegmentID || x.Paragraph != y.Paragraph || x.Position != y.Position ||
			x.Text != y.Text || x.Lang != y.Lang {
			return false
		}
	}
	return true
}

// Waiver checks a request's waiver: a partial release needs a reason, and a
// reason only belongs to a partial release. It returns the reason cleaned
// (NFC, trimmed ends).
func Waiver(allowPartial bool, reason string) (string, error) {
	reason = norm.NFC.String(strings.TrimSpace(reason))
	switch {
	case allowPartial && reason == "":
		return "", apperr.New(apperr.Invalid, `a partial release needs a "reason": say why it cannot wait for every translation`)
	case !allowPartial && reason != "":
		return "", apperr.New(apperr.Invalid, `"reason" is only for a partial release; send "allow_partial": true with it`)
	}
	return reason, CheckReason(reason)
}

// CheckReason refuses a reason longer than limits.ReasonRunes characters.
func CheckReason(reason string) error {
	if n := utf8.RuneCountInString(reason); n > limits.ReasonRunes {
		return apperr.New(apperr.Invalid, `"reason" is %d characters long; at most %d are allowed`, n, limits.ReasonRunes)
	}
	return nil
}

// WithdrawalReason checks and cleans the reason for withdrawing a release.
func WithdrawalReason(reason string) (string, error) {
	reason = norm.NFC.String(strings.TrimSpace(reason))
	if reason == "" {
		return "", apperr.New(apperr.Invalid, `"reason" is required: readers of the withdrawn release will see it`)
	}
	return reason, CheckReason(reason)
}
