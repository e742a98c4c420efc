package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"tilmash/internal/apperr"
	"tilmash/internal/auth"
	"tilmash/internal/workflow"
)

// NewUser describes a user to create.
type NewUser struct {
	Name     string
	Roles    []workflow.Role
	Password string // empty: the user signs in with tokens only
}

// CreateUser creates a user with roles and a first API token, returned in clear once.
func (s *Store) CreateUser(ctx context.Context, nu NewUser) (workflow.Actor, string, error) {
	name := strings.TrimSpace(nu.Name)
	if name == "" {
		return workflow.Actor{}, "", apperr.New(apperr.Invalid, "a user needs a name")
	}
	if len(nu.Roles) == 0 {
		return workflow.Actor{}, "", apperr.New(apperr.Invalid, "user %s needs at least one role", name)
	}
	var hash string
	if nu.Password != "" {
		h, err := auth.HashPassword(nu.Password)
		if err != nil {
			return workflow.Actor{}, "", err
		}
		hash = h
	}
	token, tokenHash, err := auth.NewToken()
	if err != nil {
		return workflow.Actor{}, "", err
	}
	u := User{Name: name, PasswordHash: hash}
	err = s.write(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&User{}).Where("name = ?", name).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return apperr.New(apperr.Conflict, "a user named %s exists already", name)
		}
		if err := tx.Create(&u).Error; err != nil {
			return err
		}
		for _, r := range nu.Roles {
			if err := tx.Create(&UserRole{UserID: u.ID, Role: r.String()}).Error; err != nil {
				return err
			}
		}
		return tx.Create(&Token{UserID: u.ID, Hash: tokenHash}).Error
	})
	if err != nil {
		return workflow.Actor{}, "", fmt.Errorf("create user %s: %w", name, err)
	}
	return workflow.Actor{ID: u.ID, Name: u.Name, Roles: nu.Roles}, token, nil
}

// ActorByToken resolves an API token to its user.
func (s *Store) ActorByToken(ctx context.Context, token string) (workflow.Actor, error) {
	var t Token
	err := s.read(ctx).Where("hash = ?", auth.HashToken(token)).Take(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return workflow.Actor{}, apperr.New(apperr.Unauthorized, "the token is not valid")
	}
	if err != nil {
		return workflow.Actor{}, fmt.Errorf("check token: %w", err)
	}
	return s.Actor(ctx, t.UserID)
}

// ActorByPassword checks a name and password. A name without a user, or a
// user without a password, costs the same bcrypt comparison as a real one,
// so the answer's time does not tell which names exist.
func (s *Store) ActorByPassword(ctx context.Context, name, password string) (workflow.Actor, error) {
	var u User
	err := s.read(ctx).Where("name = ?", strings.TrimSpace(name)).Take(&u).Error
	if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return workflow.Actor{}, fmt.Errorf("check password: %w", err)
	}
	hash := u.PasswordHash
	if hash == "" {
		hash = auth.DecoyHash()
	}
	if !auth.CheckPassword(hash, password) || u.PasswordHash == "" {
		return workflow.Actor{}, apperr.New(apperr.Unauthorized, "the name or password is wrong")
	}
	return s.Actor(ctx, u.ID)
}

// Actor loads a user with roles.
func (s *Store) Actor(ctx context.Context, id int64) (workflow.Actor, error) {
	var u User
	if err := s.read(ctx).Take(&u, id).Error; err != nil {
		return workflow.Actor{}, notFound(err, "user %d not found", id)
	}
	var rows []UserRole
	if err := s.read(ctx).Where("user_id = ?", id).Order("role").Find(&rows).Error; err != nil {
		return workflow.Actor{}, fmt.Errorf("load roles of %s: %w", u.Name, err)
	}
	a := workflow.Actor{ID: u.ID, Name: u.Name}
	for _, r := range rows {
		role, err := workflow.ParseRole(r.Role)
		if err != nil {
			return workflow.Actor{}, fmt.Errorf("user %s has a bad stored role: %w", u.Name, err)
		}
		a.Roles = append(a.Roles, role)
	}
	return a, nil
}

// UserNames maps user ids to names, for showing authors.
func (s *Store) UserNames(ctx context.Context) (map[int64]string, error) {
	var us []User
	if err := s.read(ctx).Select("id, name").Find(&us).Error; err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	m := make(map[int64]string, len(us))
	for _, u := range us {
		m[u.ID] = u.Name
	}
	return m, nil
}

// ResetDemoUser creates the user if needed, replaces its roles, password and
// tokens with fresh ones, and returns the new password and token in clear.
// Only `serve --demo` calls it, so demo credentials never outlive a start.
func (s *Store) ResetDemoUser(ctx context.Context, name string, roles []workflow.Role) (string, string, error) {
	password, err := auth.NewPassword()
	if err != nil {
		return "", "", err
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return "", "", err
	}
	token, tokenHash, err := auth.NewToken()
	if err != nil {
		return "", "", err
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		var u User
		err := tx.Where("name = ?", name).Take(&u).Error
		switch {
		case errors.Is(err, gorm.ErrRecordNotFound):
			u = User{Name: name}
			if err := tx.Create(&u).Error; err != nil {
				return err
			}
		case err != nil:
			return err
		}
		if err := tx.Model(&u).Update("password_hash", hash).Error; err != nil {
			return err
		}
		if err := tx.Where("user_id = ?", u.ID).Delete(&Token{}).Error; err != nil {
			return err
		}
		if err := tx.Where("user_id = ?", u.ID).Delete(&UserRole{}).Error; err != nil {
			return err
		}
		for _, r := range roles {
			if err := tx.Create(&UserRole{UserID: u.ID, Role: r.String()}).Error; err != nil {
				return err
			}
		}
		return tx.Create(&Token{UserID: u.ID, Hash: tokenHash}).Error
	})
	if err != nil {
		return "", "", fmt.Errorf("reset demo user %s: %w", name, err)
	}
	return password, token, nil
}
