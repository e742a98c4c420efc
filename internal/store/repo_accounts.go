package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"tilmash/internal/apperr"
	"tilmash/internal/record"
)

func userRecord(u User) record.User {
	return record.User{ID: u.ID, Name: u.Name, PasswordHash: u.PasswordHash, CreatedAt: u.CreatedAt}
}

func userNamed(db *gorm.DB, name string) (record.User, bool, error) {
	var us []User
	if err := db.Where("name = ?", name).Limit(1).Find(&us).Error; err != nil {
		return record.User{}, false, fmt.Errorf("find user %s: %w", name, err)
	}
	if len(us) == 0 {
		return record.User{}, false, nil
	}
	return userRecord(us[0]), true, nil
}

// UserNamed finds a user by name.
func (s *Store) UserNamed(ctx context.Context, name string) (record.User, bool, error) {
	return userNamed(s.read(ctx), name)
}

// userWithRolesWhere reads the user that one join condition selects, with
// its roles in order, in one query: it runs for every request (on
// PostgreSQL, a round trip each).
func userWithRolesWhere(db *gorm.DB, from, where string, arg any) (record.User, []string, bool, error) {
	rows, err := db.Raw(`SELECT u.id, u.name, u.password_hash, u.created_at, r.role
		FROM `+from+` LEFT JOIN user_roles r ON r.user_id = u.id WHERE `+where+` ORDER BY r.role`, arg).Rows()
	if err != nil {
		return record.User{}, nil, false, err
	}
	defer rows.Close()
	var u User
	var roles []string
	found := false
	for rows.Next() {
		var hash, role sql.NullString
		if err := rows.Scan(&u.ID, &u.Name, &hash, &u.CreatedAt, &role); err != nil {
			return record.User{}, nil, false, err
		}
		found, u.PasswordHash = true, hash.String
		if role.Valid {
			roles = append(roles, role.String)
		}
	}
	if err := rows.Err(); err != nil {
		return record.User{}, nil, false, err
	}
	return userRecord(u), roles, found, nil
}

// UserWithRoles loads a user and the strings of its roles, in order.
func (s *Store) UserWithRoles(ctx context.Context, id int64) (record.User, []string, error) {
	u, roles, ok, err := userWithRolesWhere(s.read(ctx), "users u", "u.id = ?", id)
	if err != nil {
		return record.User{}, nil, fmt.Errorf("load user %d: %w", id, err)
	}
	if !ok {
		return record.User{}, nil, apperr.New(apperr.NotFound, "user %d not found", id)
	}
	return u, roles, nil
}

// TokenUser finds the user of a token by the token's hash, with its roles.
func (s *Store) TokenUser(ctx context.Context, hash string) (record.User, []string, bool, error) {
	u, roles, ok, err := userWithRolesWhere(s.read(ctx), "tokens t JOIN users u ON u.id = t.user_id", "t.hash = ?", hash)
	if err != nil {
		return record.User{}, nil, false, fmt.Errorf("check token: %w", err)
	}
	return u, roles, ok, nil
}

// SessionByHash finds a session by the hash of its cookie token.
func (s *Store) SessionByHash(ctx context.Context, hash string) (record.Session, bool, error) {
	var sess Session
	err := s.read(ctx).Where("hash = ?", hash).Take(&sess).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return record.Session{}, false, nil
	}
	if err != nil {
		return record.Session{}, false, err
	}
	return record.Session{UserID: sess.UserID, Hash: sess.Hash, CreatedAt: sess.CreatedAt, ExpiresAt: sess.ExpiresAt}, true, nil
}

// TokenCount is the number of API tokens a user holds.
func (s *Store) TokenCount(ctx context.Context, userID int64) (int64, error) {
	var n int64
	if err := s.read(ctx).Model(&Token{}).Where("user_id = ?", userID).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count tokens of user %d: %w", userID, err)
	}
	return n, nil
}

// UserByName finds a user by name.
func (t *Tx) UserByName(name string) (record.User, bool, error) { return userNamed(t.db, name) }

// UserExists reports whether a user id is taken.
func (t *Tx) UserExists(id int64) (bool, error) {
	var n int64
	if err := t.db.Model(&User{}).Where("id = ?", id).Count(&n).Error; err != nil {
		return false, fmt.Errorf("find user %d: %w", id, err)
	}
	return n > 0, nil
}

// InsertUser writes a user and sets its id.
func (t *Tx) InsertUser(u *record.User) error {
	row := User{Name: u.Name, PasswordHash: u.PasswordHash, CreatedAt: u.CreatedAt}
	if err := t.db.Create(&row).Error; err != nil {
		return fmt.Errorf("create user %s: %w", u.Name, err)
	}
	u.ID = row.ID
	return nil
}

// SetPassword replaces a user's password hash; false when there is no such user.
func (t *Tx) SetPassword(userID int64, hash string) (bool, error) {
	res := t.db.Model(&User{}).Where("id = ?", userID).Update("password_hash", hash)
	return res.RowsAffected > 0, res.Error
}

// SetRoles replaces a user's roles.
func (t *Tx) SetRoles(userID int64, roles []string) error {
	if err := t.db.Where("user_id = ?", userID).Delete(&UserRole{}).Error; err != nil {
		return err
	}
	for _, r := range roles {
		if err := t.db.Create(&UserRole{UserID: userID, Role: r}).Error; err != nil {
			return err
		}
	}
	return nil
}

// InsertToken stores the hash of a new API token.
func (t *Tx) InsertToken(userID int64, hash string) error {
	return t.db.Create(&Token{UserID: userID, Hash: hash}).Error
}

// DeleteTokens revokes every API token of a user.
func (t *Tx) DeleteTokens(userID int64) error {
	return t.db.Where("user_id = ?", userID).Delete(&Token{}).Error
}

// InsertSession stores a session.
func (t *Tx) InsertSession(s record.Session) error {
	return t.db.Create(&Session{UserID: s.UserID, Hash: s.Hash, CreatedAt: s.CreatedAt.UTC(), ExpiresAt: s.ExpiresAt.UTC()}).Error
}

// DeleteSessionsExpired drops the sessions that expired before at.
func (t *Tx) DeleteSessionsExpired(at time.Time) error {
	return t.db.Where("expires_at < ?", at.UTC()).Delete(&Session{}).Error
}

// SetSessionExpiry moves a session's expiry.
func (t *Tx) SetSessionExpiry(hash string, expires time.Time) error {
	return t.db.Model(&Session{}).Where("hash = ?", hash).Update("expires_at", expires.UTC()).Error
}

// DeleteSession ends a session.
func (t *Tx) DeleteSession(hash string) error {
	return t.db.Where("hash = ?", hash).Delete(&Session{}).Error
}

// DeleteCountersIdleSince drops the sign-in counters last used before at.
func (t *Tx) DeleteCountersIdleSince(at time.Time) error {
	db, err := t.counters()
	if err != nil {
		return err
	}
	return db.Where("last_at < ?", at.UTC()).Delete(&SigninCounter{}).Error
}

// Counter loads one sign-in counter.
func (t *Tx) Counter(subject string) (record.SigninCounter, bool, error) {
	db, err := t.counters()
	if err != nil {
		return record.SigninCounter{}, false, err
	}
	var rows []SigninCounter
	if err := db.Where("subject = ?", subject).Limit(1).Find(&rows).Error; err != nil {
		return record.SigninCounter{}, false, err
	}
	if len(rows) == 0 {
		return record.SigninCounter{}, false, nil
	}
	return record.SigninCounter(rows[0]), true, nil
}

// CounterCount is the number of sign-in counters.
func (t *Tx) CounterCount() (int64, error) {
	db, err := t.counters()
	if err != nil {
		return 0, err
	}
	var n int64
	err = db.Model(&SigninCounter{}).Count(&n).Error
	return n, err
}

// SaveCounters writes counters, replacing those with the same subject.
func (t *Tx) SaveCounters(cs []record.SigninCounter) error {
	db, err := t.counters()
	if err != nil {
		return err
	}
	rows := make([]SigninCounter, len(cs))
	for i, c := range cs {
		rows[i] = SigninCounter{Subject: c.Subject, Attempts: c.Attempts, LastAt: c.LastAt.UTC()}
	}
	return db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "subject"}},
		DoUpdates: clause.AssignmentColumns([]string{"attempts", "last_at"})}).Create(&rows).Error
}

// ForgetCounter drops one counter.
func (t *Tx) ForgetCounter(subject string) error {
	db, err := t.counters()
	if err != nil {
		return err
	}
	return db.Where("subject = ?", subject).Delete(&SigninCounter{}).Error
}

// GiveBackAttempt takes one attempt off a counter that has any.
func (t *Tx) GiveBackAttempt(subject string) error {
	db, err := t.counters()
	if err != nil {
		return err
	}
	return db.Model(&SigninCounter{}).Where("subject = ? AND attempts > 0", subject).
		UpdateColumn("attempts", gorm.Expr("attempts - 1")).Error
}

// counters is the transaction after it has taken the sign-in counters'
// lock (lockSignin, held to its end; taking it again is free). On
// PostgreSQL two sign-ins would otherwise both read a counter at 3 and
// both write 4, and a burst of wrong passwords get more tries than the
// policy allows; SQLite's one writer already runs them one at a time.
func (t *Tx) counters() (*gorm.DB, error) {
	if err := xactLock(t.db, lockSignin); err != nil {
		return nil, fmt.Errorf("sign-in counters: %w", err)
	}
	return t.db, nil
}
