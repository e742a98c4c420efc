package loadtest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"tilmash/internal/pgtest"
)

func TestParsePhases(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []Phase
		err  string
	}{
		{"w1", []Phase{{Writers: 1}}, ""},
		{"w16+r16, s4", []Phase{{Writers: 16, Readers: 16}, {SignIns: 4}}, ""},
		{"r2+w3+s1", []Phase{{Writers: 3, Readers: 2, SignIns: 1}}, ""},
		{"", nil, "no phases"},
		{"w0", nil, "needs a count from 1 to 256"},
		{"w257", nil, "needs a count from 1 to 256"},
		{"x3", nil, "is not w<N>"},
		{"w2+w3", nil, "names w twice"},
		{"w", nil, "is not w<N>"},
	} {
		got, err := ParsePhases(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParsePhases(%q) = %v, %v; want an error with %q", tc.in, got, err, tc.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParsePhases(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	if s := (Phase{Writers: 16, Readers: 16, SignIns: 2}).String(); s != "w16+r16+s2" {
		t.Errorf("String = %q", s)
	}
}

func TestCheckLoopback(t *testing.T) {
	for addr, ok := range map[string]bool{
		"127.0.0.1:8080":       true,
		"127.3.2.1:1":          true,
		"[::1]:8080":           true,
		"localhost:8080":       false, // names are refused: a resolver could send it anywhere
		"10.0.0.1:8080":        false,
		"192.168.1.10:80":      false,
		"[2001:db8::1]:80":     false,
		"0.0.0.0:8080":         false,
		"example.org:80":       false,
		"127.0.0.1":            false, // no port
		"127.0.0.1:99999":      false,
		"[::ffff:10.0.0.1]:80": false,
	} {
		if err := CheckLoopback(addr); (err == nil) != ok {
			t.Errorf("CheckLoopback(%q) = %v, want ok %v", addr, err, ok)
		}
	}
}

// TestClientRefusesOtherHosts: the client's dialer refuses any address that
// is not loopback, whatever URL it is given.
func TestClientRefusesOtherHosts(t *testing.T) {
	c := newClient("192.0.2.1:80", 1) // TEST-NET-1: never reached
	defer c.close()
	_, err := c.do(context.Background(), "GET", "/healthz", "", nil, nil)
	if err == nil || !strings.Contains(err.Error(), "not a loopback address") {
		t.Errorf("request to 192.0.2.1: %v, want a refusal", err)
	}
}

// buildTilmash builds the tilmash binary once for the tests that run it.
func buildTilmash(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the tilmash binary")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is needed to build tilmash")
	}
	exe := filepath.Join(t.TempDir(), "tilmash")
	cmd := exec.Command(goTool, "build", "-o", exe, "tilmash/cmd/tilmash")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return exe
}

// TestRunSmall: a tiny bounded run against a real `tilmash serve` on a
// temporary database: 2 writers × 20 saves, readers, a sign-in, no errors,
// and every acknowledged save in the history.
func TestRunSmall(t *testing.T) {
	exe := buildTilmash(t)
	var out bytes.Buffer
	cfg := Config{Exe: exe, Duration: 30 * time.Second, Requests: 40, Segments: 20, Out: &out,
		Phases: []Phase{{Writers: 2}, {Writers: 2, Readers: 2}, {SignIns: 1}}}
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	if res.Failed() {
		t.Fatalf("the run failed:\n%s", out.String())
	}
	if got := res.Phases[0].Op(opSave).Count; got != 40 {
		t.Errorf("phase w2: %d saves, want 40 (the request budget)", got)
	}
	// Each of the two phases with a document translated its 20 segments first.
	if res.Acknowledged != 2*20+40+res.Phases[1].Op(opSave).Count || len(res.Missing) != 0 {
		t.Errorf("acknowledged %d, missing %v", res.Acknowledged, res.Missing)
	}
	for _, op := range []string{opList, opSuggestions, opHistory, opXLIFF} {
		if res.Phases[1].Op(op).Count == 0 {
			t.Errorf("phase w2+r2 made no %s request", op)
		}
	}
	if res.Phases[2].Op(opSignIn).Count == 0 {
		t.Errorf("the sign-in phase signed in no one:\n%s", out.String())
	}
	for _, want := range []string{"phase w2 ", "phase w2+r2 ", "phase s1 ", "history check: all"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, out.String())
		}
	}
}

// TestRunRefusesOtherHosts: a run given a non-loopback service fails
// before it sends anything.
func TestRunRefusesOtherHosts(t *testing.T) {
	_, err := Run(context.Background(), Config{Exe: os.Args[0], Addr: "10.1.2.3:8080", DB: "x.db"})
	if err == nil || !strings.Contains(err.Error(), "only talks to loopback") {
		t.Errorf("Run against 10.1.2.3: %v", err)
	}
}

// TestConfigReplicas: several replicas are started services on one
// PostgreSQL database, never a running service or a SQLite file.
func TestConfigReplicas(t *testing.T) {
	pg := "postgres://u@127.0.0.1:5432/load?sslmode=disable"
	for _, tc := range []struct {
		cfg  Config
		want string // "" for no error
	}{
		{Config{Exe: "x"}, ""},
		{Config{Exe: "x", Replicas: 2, DB: pg}, ""},
		{Config{Exe: "x", Replicas: 2, DB: "postgresql://u@127.0.0.1/load"}, ""},
		{Config{Exe: "x", Replicas: 2}, "give a postgres:// URL"},
		{Config{Exe: "x", Replicas: 2, DB: "load.db"}, "give a postgres:// URL"},
		{Config{Exe: "x", Replicas: 2, DB: pg, Addr: "127.0.0.1:8080"}, "not with a running service"},
		{Config{Exe: "x", Replicas: 9, DB: pg}, "at most 8 replicas"},
	} {
		err := tc.cfg.check()
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("check(%+v) = %v, want %q", tc.cfg, err, tc.want)
		}
	}
}

// TestRunTwoReplicasOnPostgres: the tool starts two services on one
// PostgreSQL database, spreads its writers over both, and finds every
// acknowledged save in the history read from the first.
func TestRunTwoReplicasOnPostgres(t *testing.T) {
	db := pgtest.URL(t)
	exe := buildTilmash(t)
	var out bytes.Buffer
	cfg := Config{Exe: exe, DB: db, Replicas: 2, Duration: 30 * time.Second, Requests: 40, Segments: 20, Out: &out,
		Phases: []Phase{{Writers: 4}}}
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	if res.Failed() || res.Acknowledged != 20+40 {
		t.Fatalf("the run failed or acknowledged %d saves, want 60:\n%s", res.Acknowledged, out.String())
	}
	if !strings.Contains(out.String(), "2 replicas started on PostgreSQL") {
		t.Errorf("the report does not name the replicas:\n%s", out.String())
	}
}

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
