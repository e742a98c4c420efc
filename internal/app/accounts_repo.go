package app

import (
	"context"
	"time"

	"tilmash/internal/record"
)

// AccountReader reads users, tokens and sessions outside a transaction.
type AccountReader interface {
	// UserNamed finds a user by name.
	UserNamed(ctx context.Context, name string) (record.User, bool, error)
	// UserWithRoles loads a user and the strings of its roles; a missing
	// one is an apperr.NotFound.
	UserWithRoles(ctx context.Context, id int64) (record.User, []string, error)
	// TokenUser finds the user of a token by the token's hash, with the
	// strings of its roles.
	TokenUser(ctx context.Context, hash string) (record.User, []string, bool, error)
	// SessionByHash finds a session by the hash of its cookie token.
	SessionByHash(ctx context.Context, hash string) (record.Session, bool, error)
	// TokenCount is the number of API tokens a user holds.
	TokenCount(ctx context.Context, userID int64) (int64, error)
}

// AccountWriter writes users, tokens, sessions and sign-in counters inside a transaction.
type AccountWriter interface {
	// UserByName finds a user by name.
	UserByName(name string) (record.User, bool, error)
	// UserExists reports whether a user id is taken.
	UserExists(id int64) (bool, error)
	InsertUser(u *record.User) error
	// SetPassword replaces a user's password hash; false when there is no such user.
	SetPassword(userID int64, hash string) (bool, error)
	// SetRoles replaces a user's roles.
	SetRoles(userID int64, roles []string) error
	InsertToken(userID int64, hash string) error
	// DeleteTokens revokes every API token of a user.
	DeleteTokens(userID int64) error

	InsertSession(s record.Session) error
	// DeleteSessionsExpired drops the sessions that expired before t.
	DeleteSessionsExpired(t time.Time) error
	SetSessionExpiry(hash string, expires time.Time) error
	DeleteSession(hash string) error

	// DeleteCountersIdleSince drops the sign-in counters last used before t.
	DeleteCountersIdleSince(t time.Time) error
	// Counter loads one sign-in counter.
	Counter(subject string) (record.SigninCounter, bool, error)
	// CounterCount is the number of sign-in counters.
	CounterCount() (int64, error)
	// SaveCounters writes counters, replacing those with the same subject.
	SaveCounters(cs []record.SigninCounter) error
	// ForgetCounter drops one counter.
	ForgetCounter(subject string) error
	// GiveBackAttempt takes one attempt off a counter that has any.
	GiveBackAttempt(subject string) error
}
