package main

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

// TestLoadtestRefusals: the load tool refuses, before doing anything, a
// service that is not on a loopback address and phases it cannot read.
func TestLoadtestRefusals(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--addr", "10.0.0.1:8080", "--db", "x.db"}, "only talks to loopback"},
		{[]string{"--addr", "localhost:8080", "--db", "x.db"}, "only talks to loopback"},
		{[]string{"--addr", "127.0.0.1:8080", "--db", "x.db", "--sqlite-sync", "normal"}, "not to --addr"},
		{[]string{"--phases", "w16+q3"}, "is not w<N>"},
		{[]string{"extra"}, "takes no arguments"},
	} {
		err := run(context.Background(), append([]string{"loadtest"}, tc.args...), strings.NewReader(""), io.Discard, io.Discard)
		var u usageError
		if !errors.As(err, &u) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("loadtest %v: %v, want a usage error with %q", tc.args, err, tc.want)
		}
	}
}
