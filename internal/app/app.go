// Package app is Tilmash's application layer: one file per use case. Each
// use case takes a context and the actor, asks workflow whether the actor
// may act, runs the domain rules (segment, qa, glossary, publish …) and
// performs its writes in one transaction through the repositories declared
// here. HTTP handlers and commands call app and render what it returns; they
// decide nothing. internal/store implements the repositories, and
// cmd/tilmash binds the two with store.Bind[app.Tx].
package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"tilmash/internal/auth"
	"tilmash/internal/publish"
	"tilmash/internal/record"
)

// Database is the storage the use cases need: reads outside a transaction
// and writes inside one.
type Database interface {
	Reader
	// Write runs fn in one transaction: all of fn's writes land or none do,
	// and Write returns after the commit. The Tx is bound to ctx.
	Write(ctx context.Context, fn func(Tx) error) error
}

// Reader is every query the use cases make outside a transaction.
type Reader interface {
	LanguageReader
	DocumentReader
	ReleaseReader
	AccountReader
	DeliveryReader
	TranslationReader
	GlossaryReader
	MemoryReader
	CommentReader
	// Ping checks that the database answers.
	Ping(ctx context.Context) error
	// SchemaVersions reads the newest migration the database has applied
	// and the newest the binary knows.
	SchemaVersions(ctx context.Context) (applied, known int64, err error)
}

// Tx is one transaction's repositories.
type Tx interface {
	DocumentWriter
	ReleaseWriter
	AccountWriter
	TranslationWriter
	GlossaryWriter
	XLIFFWriter
	MemoryWriter
	CommentWriter
}

// Observer hears what the use cases committed, for metrics; it is called
// after the commit, never for a change that was rolled back.
type Observer interface {
	Released(lang string)
	Imported(format string)
	SigninFailed()
	SigninThrottled()
	TranslationChanged(action, lang string)
	Conflict(lang string)
	Finding(check, severity string)
	// TMLookup hears how long a suggestions lookup of the memory index took
	// and whether its answer was certified exact.
	TMLookup(d time.Duration, exact bool)
}

// Config is what an App is made of.
type Config struct {
	DB Database
	// Observer, when set, hears of committed changes.
	Observer Observer
	// Webhooks are the URLs notified of release events and their secret;
	// the use cases queue the notifications, a webhook.Dispatcher sends them.
	Webhooks publish.Webhooks
	// Wake, when set, is called after a commit that queued notifications.
	Wake func()
	// Throttle is the sign-in throttle; the zero value means auth.DefaultThrottle().
	Throttle auth.ThrottlePolicy
	// Log hears what goes wrong without failing a request; nil discards it.
	Log *slog.Logger
	// Now is the clock; nil means the UTC wall clock.
	Now func() time.Time
}

// App runs the use cases.
type App struct {
	db       Database
	observer Observer
	throttle auth.ThrottlePolicy
	webhooks publish.Webhooks
	wake     func()
	log      *slog.Logger
	now      func() time.Time
	// glossaries and checks are the caches of the QA gate, following the database.
	glossaries glossaryCache
	checks     checkCache
}

// New builds an App.
func New(cfg Config) *App {
	a := &App{db: cfg.DB, observer: cfg.Observer, throttle: cfg.Throttle, webhooks: cfg.Webhooks,
		wake: cfg.Wake, log: cfg.Log, now: cfg.Now}
	if a.wake == nil {
		a.wake = func() {}
	}
	if a.observer == nil {
		a.observer = nopObserver{}
	}
	if a.throttle == (auth.ThrottlePolicy{}) {
		a.throttle = auth.DefaultThrottle()
	}
	if a.log == nil {
		a.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	a.db.WatchGlossaries(a.glossaries.drop)
	if a.now == nil {
		a.now = record.Now
	}
	return a
}

type nopObserver struct{}

func (nopObserver) Released(string)                   {}
func (nopObserver) Imported(string)                   {}
func (nopObserver) SigninFailed()                     {}
func (nopObserver) SigninThrottled()                  {}
func (nopObserver) TranslationChanged(string, string) {}
func (nopObserver) Conflict(string)                   {}
func (nopObserver) Finding(string, string)            {}
func (nopObserver) TMLookup(time.Duration, bool)      {}

// Throttle is the sign-in throttle policy the App runs with.
func (a *App) Throttle() auth.ThrottlePolicy { return a.throttle }

// Ping checks that the database answers, for health checks.
func (a *App) Ping(ctx context.Context) error { return a.db.Ping(ctx) }

// Ready checks that this process may take requests: the database answers
// and its schema is the one this binary migrates to — neither behind (a
// migration another process has yet to run) nor ahead (a newer tilmash
// migrated it), for load balancers during a rolling upgrade. When it is
// not, reason is a sentence fit to show anyone and err the cause, for the log.
func (a *App) Ready(ctx context.Context) (reason string, err error) {
	if err := a.db.Ping(ctx); err != nil {
		return "the database does not answer", err
	}
	applied, known, err := a.db.SchemaVersions(ctx)
	if err != nil {
		return "the database's schema version cannot be read", err
	}
	switch {
	case applied < known:
		reason = fmt.Sprintf("the database schema is at version %d, this tilmash needs %d: run tilmash migrate", applied, known)
	case applied > known:
		reason = fmt.Sprintf("the database schema is at version %d, newer than this tilmash knows (%d): upgrade tilmash", applied, known)
	default:
		return "", nil
	}
	return reason, errors.New(reason)
}
