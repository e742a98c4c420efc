package main

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"tilmash/internal/app"

	"tilmash/internal/store"
	"tilmash/internal/workflow"
)

//go:embed demo/announcement.ru.txt
var demoAnnouncement string

const demoTitle = "Семинар в Алматы: институты госуправления и ЦУР"

// demoUser is one person of the demo team.
type demoUser struct {
	name  string
	roles []string
	env   string // the shell variable the README's walk-through uses
}

func demoTeam() []demoUser {
	return []demoUser{
		{"admin", []string{"admin"}, "ADMIN_TOKEN"},
		{"publisher", []string{"publisher"}, "PUBLISHER_TOKEN"},
		{"aigerim", []string{"translator:kk"}, "KK_TRANSLATOR_TOKEN"},
		{"bolat", []string{"reviewer:kk"}, "KK_REVIEWER_TOKEN"},
		{"emma", []string{"translator:en"}, "EN_TRANSLATOR_TOKEN"},
		{"daniel", []string{"reviewer:en"}, "EN_REVIEWER_TOKEN"},
	}
}

// loadDemo imports the announcement into an empty database and gives every
// demo user a fresh random password and token, printed once. On a database
// that has the demo already, it only renews the credentials: nothing fixed,
// nothing stored in clear.
func loadDemo(ctx context.Context, st *store.Store, a *app.App, url string, out io.Writer) error {
	docs, err := a.Documents(ctx)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		admin := workflow.Actor{Name: "demo", Roles: []workflow.Role{{Kind: workflow.Admin}}}
		doc, err := a.CreateDocument(ctx, admin, demoTitle, demoAnnouncement)
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		fmt.Fprintf(out, "Demo: imported the announcement as document %d (%d segments)\n", doc.ID, len(doc.Segments))
	}
	var b strings.Builder
	b.WriteString("Demo users (passwords and tokens are new on every start; run the lines below that set variables in your shell):\n")
	for _, u := range demoTeam() {
		var roles []workflow.Role
		for _, r := range u.roles {
			role, err := workflow.ParseRole(r)
			if err != nil {
				return err
			}
			roles = append(roles, role)
		}
		password, token, err := a.ResetDemoUser(ctx, u.name, roles)
		if err != nil {
			return fmt.Errorf("demo user %s: %w", u.name, err)
		}
		fmt.Fprintf(&b, "  %-10s %-14s password %s\n", u.name, strings.Join(u.roles, ","), password)
		fmt.Fprintf(&b, "  export %s=%s\n", u.env, token)
	}
	fmt.Fprintf(&b, "  export TILMASH=%s\n", url)
	_, err = io.WriteString(out, b.String())
	return err
}
