package store

import (
	"database/sql"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-sqlite3"
	"golang.org/x/text/unicode/norm"
)

// foldFunc is the SQL function every connection of a Store has:
// tilmash_fold(text) is text in NFC and Unicode lower case, NULL for NULL.
// SQLite's own lower() and LIKE fold ASCII letters only.
const foldFunc = "tilmash_fold"

// driverName is the database/sql driver Tilmash opens SQLite with: go-sqlite3
// with foldFunc registered on each new connection.
const driverName = "sqlite3_tilmash"

// registerDriver registers driverName once per process. database/sql keeps
// drivers in a process-wide registry and sql.Register panics on a second
// registration of a name, so this Once is the one piece of package state the
// store needs: every Store opened in the process (tests open many) shares it.
var registerDriver sync.Once

// foldDriver registers the driver on first use and returns its name.
func foldDriver() string {
	registerDriver.Do(func() {
		sql.Register(driverName, &sqlite3.SQLiteDriver{ConnectHook: func(conn *sqlite3.SQLiteConn) error {
			return conn.RegisterFunc(foldFunc, sqlFold, true)
		}})
	})
	return driverName
}

// sqlFold is foldFunc as SQLite calls it: TEXT (or BLOB) folded, anything
// else (NULL) returned as it is.
func sqlFold(v any) any {
	switch s := v.(type) {
	case string:
		return fold(s)
	case []byte:
		return fold(string(s))
	}
	return v
}

// fold is s in NFC and Unicode lower case, so that "В Астане", "в астане"
// and a decomposed "ё" compare equal. Lower-casing comes first: it may
// leave a decomposed letter that NFC then composes.
//
// A concordance search folds every row it reads, so text made only of
// simple runes (Latin and Cyrillic letters, digits, punctuation: see
// simpleRune) is lower-cased rune by rune without the normalizer, and
// returned as it is when nothing changes; anything else takes the full path.
func fold(s string) string {
	changed := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			changed = changed || ('A' <= c && c <= 'Z')
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !simpleRune(r) {
			return norm.NFC.String(strings.ToLower(s))
		}
		changed = changed || lower(r) != r
		i += n
	}
	if !changed {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(lower(r))
	}
	return b.String()
}

// lower is unicode.ToLower with the Russian alphabet and ASCII spelled out:
// most of what fold reads.
func lower(r rune) rune {
	switch {
	case 'А' <= r && r <= 'Я':
		return r + ('а' - 'А')
	case 'а' <= r && r <= 'я', 'a' <= r && r <= 'z', r == ' ':
		return r
	case 'A' <= r && r <= 'Z':
		return r + ('a' - 'A')
	}
	return unicode.ToLower(r)
}

// simpleRune reports whether r is in Latin (up to U+02FF) or Cyrillic
// (U+0400–U+052F without the combining marks U+0483–U+0489): runes that are
// in NFC on their own and never compose with the rune before them, and so are
// their lower cases (TestSimpleRunes checks each). A string of them is in
// NFC, and so is its lower case.
func simpleRune(r rune) bool {
	return r < 0x300 || (0x400 <= r && r < 0x483) || (0x48A <= r && r < 0x530)
}
