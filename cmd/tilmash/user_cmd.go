package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"tilmash/internal/app"

	"tilmash/internal/store"
	"tilmash/internal/workflow"
)

func cmdUserAdd(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := newFlags("user add")
	db := dbFlag(fs)
	name := fs.String("name", "", "user name")
	var roles listFlag
	fs.Var(&roles, "role", "role: admin, publisher, translator:LANG or reviewer:LANG (repeatable)")
	pwStdin := fs.Bool("password-stdin", false, "read a sign-in password from the first line of stdin")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *name == "" || len(roles) == 0 {
		return usageError{"user add needs --name and at least one --role"}
	}
	nu := app.NewUser{Name: *name}
	for _, r := range roles {
		role, err := workflow.ParseRole(r)
		if err != nil {
			return fmt.Errorf("user add: %w", err)
		}
		nu.Roles = append(nu.Roles, role)
	}
	if *pwStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && err != io.EOF {
			return fmt.Errorf("user add: read password: %w", err)
		}
		nu.Password = strings.TrimRight(line, "\r\n")
		if nu.Password == "" {
			return fmt.Errorf("user add: the password on stdin is empty")
		}
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := openApp(ctx, st, app.Config{})
	if err != nil {
		return err
	}
	actor, token, err := a.CreateUser(ctx, nu)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created user %s (id %d) with roles %s\nAPI token (shown once):\n%s\n", actor.Name, actor.ID, roles.String(), token)
	return nil
}
