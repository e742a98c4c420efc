package app

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"tilmash/internal/apperr"
	"tilmash/internal/auth"
	"tilmash/internal/record"
	"tilmash/internal/workflow"
)

// Session is a signed-in browser: its cookie token, in clear only here.
type Session struct {
	Actor   workflow.Actor
	Token   string
	Expires time.Time
}

// SignIn checks a name and password and opens a browser session. Each
// attempt is first counted against its name (from any address) and its
// address (for any name) in one transaction; while either must wait, the
// answer is an apperr.Throttled with "retry_after" in seconds and the
// password is not even checked. address is the peer's, never a header a
// guesser could vary.
func (a *App) SignIn(ctx context.Context, name, password, address string) (Session, error) {
	name = strings.TrimSpace(name)
	nameKey, addrKey := auth.NameKey(name), auth.AddressKey(address)
	now := a.now()
	wait, err := a.admitSignin(ctx, []auth.ThrottleKey{nameKey, addrKey}, now)
	if err != nil {
		return Session{}, err
	}
	if wait > 0 {
		a.observer.SigninThrottled()
		secs := int(math.Ceil(wait.Seconds()))
		return Session{}, apperr.New(apperr.Throttled, "too many sign-in attempts; try again in %d s", secs).With("retry_after", secs)
	}
	act, err := a.checkPassword(ctx, name, password)
	if err != nil {
		if apperr.CodeOf(err) == apperr.Unauthorized {
			a.observer.SigninFailed()
		}
		return Session{}, err
	}
	token, hash, err := auth.NewSessionToken()
	if err != nil {
		return Session{}, err
	}
	s := Session{Actor: act, Token: token, Expires: now.Add(auth.SessionLifetime)}
	err = a.db.Write(ctx, func(tx Tx) error {
		// A right password takes back the attempt just counted: the name
		// starts afresh, and the address gets its attempt back (only
		// failures count against an office's shared address).
		if err := tx.ForgetCounter(nameKey.String()); err != nil {
			return err
		}
		if err := tx.GiveBackAttempt(addrKey.String()); err != nil {
			return err
		}
		// Sessions that expired go in the same transaction, so the table never grows without bound.
		if err := tx.DeleteSessionsExpired(now); err != nil {
			return err
		}
		return tx.InsertSession(record.Session{UserID: act.ID, Hash: hash, CreatedAt: now, ExpiresAt: s.Expires})
	})
	if err != nil {
		return Session{}, fmt.Errorf("sign in %s: %w", name, err)
	}
	return s, nil
}

// checkPassword checks a name and password. A name without a user, or a
// user without a password, costs the same bcrypt comparison as a real one,
// so the answer's time does not tell which names exist.
func (a *App) checkPassword(ctx context.Context, name, password string) (workflow.Actor, error) {
	u, _, err := a.db.UserNamed(ctx, name)
	if err != nil {
		return workflow.Actor{}, fmt.Errorf("check password: %w", err)
	}
	hash := u.PasswordHash
	if hash == "" {
		hash = auth.DecoyHash()
	}
	if !auth.CheckPassword(hash, password) || u.PasswordHash == "" {
		return workflow.Actor{}, apperr.New(apperr.Unauthorized, "the name or password is wrong")
	}
	return a.Actor(ctx, u.ID)
}

// admitSignin decides, in one write transaction, whether an attempt under
// keys may go on to the password check. When any key must still wait, it
// returns the longest wait and counts nothing; otherwise it counts the
// attempt against every key before returning, so a burst is counted whole
// before any of it is answered. Counters idle longer than their rule's
// Forget are dropped in the same transaction, which bounds the table
// together with the policy's MaxKeys.
func (a *App) admitSignin(ctx context.Context, keys []auth.ThrottleKey, now time.Time) (time.Duration, error) {
	p := a.throttle
	var wait time.Duration
	err := a.db.Write(ctx, func(tx Tx) error {
		wait = 0
		if err := tx.DeleteCountersIdleSince(now.Add(-max(p.Name.Forget, p.Address.Forget))); err != nil {
			return err
		}
		rows := make([]record.SigninCounter, len(keys))
		for i, k := range keys {
			row, err := a.signinCounter(tx, k)
			if err != nil {
				return err
			}
			rows[i] = row
			wait = max(wait, p.Rule(k).Wait(auth.Counter{Attempts: row.Attempts, Last: row.LastAt}, now))
		}
		if wait > 0 {
			return nil
		}
		for i, k := range keys {
			c := p.Rule(k).Attempt(auth.Counter{Attempts: rows[i].Attempts, Last: rows[i].LastAt}, now)
			rows[i].Attempts, rows[i].LastAt = c.Attempts, c.Last
		}
		return tx.SaveCounters(rows)
	})
	if err != nil {
		return 0, fmt.Errorf("count sign-in attempt: %w", err)
	}
	return wait, nil
}

// signinCounter loads the counter of k, or a new one: under k's own key
// while the table has room, under k's shared overflow key once it is full.
// Nothing is evicted, so a flood of made-up names never frees a locked one.
func (a *App) signinCounter(tx Tx, k auth.ThrottleKey) (record.SigninCounter, error) {
	row, ok, err := tx.Counter(k.String())
	if err != nil || ok {
		return row, err
	}
	n, err := tx.CounterCount()
	if err != nil {
		return row, err
	}
	if n < int64(a.throttle.MaxKeys) {
		return record.SigninCounter{Subject: k.String()}, nil
	}
	over := a.throttle.Overflow(k).String()
	row, ok, err = tx.Counter(over)
	if err != nil || ok {
		return row, err
	}
	return record.SigninCounter{Subject: over}, nil
}
