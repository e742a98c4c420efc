package store

import (
	"database/sql"
	"sync"
	"tilmash/internal/textfold"

	"github.com/mattn/go-sqlite3"
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
		return textfold.Fold(s)
	case []byte:
		return textfold.Fold(string(s))
	}
	return v
}
