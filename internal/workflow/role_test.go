package workflow

import (
	"testing"

	"tilmash/internal/apperr"
)

func TestParseRole(t *testing.T) {
	tests := []struct {
		in, want string
		code     apperr.Code
	}{
		{"admin", "admin", ""},
		{"publisher", "publisher", ""},
		{"translator:kk", "translator:kk", ""},
		{"reviewer:FA-af", "reviewer:fa-AF", ""},
		{" reviewer:en ", "reviewer:en", ""},
		{"translator", "", apperr.Invalid},
		{"admin:kk", "", apperr.Invalid},
		{"translator:not a tag", "", apperr.Invalid},
		{"owner", "", apperr.Invalid},
		{"", "", apperr.Invalid},
	}
	for _, tt := range tests {
		r, err := ParseRole(tt.in)
		if tt.code != "" {
			if apperr.CodeOf(err) != tt.code {
				t.Errorf("ParseRole(%q) error = %v, want code %s", tt.in, err, tt.code)
			}
			continue
		}
		if err != nil || r.String() != tt.want {
			t.Errorf("ParseRole(%q) = %q, %v; want %q", tt.in, r, err, tt.want)
		}
	}
}

func TestPermissions(t *testing.T) {
	tests := []struct {
		actor                             Actor
		translateKK, reviewKK, reviewEN   bool
		publish, manageDocuments, isAdmin bool
	}{
		{kkTranslator, true, false, false, false, false, false},
		{kkReviewer, true, true, false, false, false, false},
		{enReviewer, false, false, true, false, false, false},
		{publisher, false, false, false, true, true, false},
		{admin, true, true, true, true, true, true},
		{Actor{Name: "nobody"}, false, false, false, false, false, false},
	}
	for _, tt := range tests {
		a := tt.actor
		got := [6]bool{a.CanTranslate("kk"), a.CanReview("kk"), a.CanReview("en"), a.CanPublish(), a.CanManageDocuments(), a.IsAdmin()}
		want := [6]bool{tt.translateKK, tt.reviewKK, tt.reviewEN, tt.publish, tt.manageDocuments, tt.isAdmin}
		if got != want {
			t.Errorf("%s: got %v, want %v", a.Name, got, want)
		}
	}
}
