package loadtest

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"time"
)

// service is the Tilmash service a run talks to.
type service struct {
	addr string // host:port, loopback
	db   string
	cmd  *exec.Cmd // nil for a service the tool did not start
	done chan error
}

// startService runs `exe serve` on 127.0.0.1:0 with the database db and
// waits for the line that names its address.
func startService(ctx context.Context, exe, db string, args []string, log io.Writer) (*service, error) {
	cmd := exec.Command(exe, append([]string{"serve", "--addr", "127.0.0.1:0", "--db", db}, args...)...)
	cmd.Stderr = log // nil: /dev/null; the service logs a line per request
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("start service: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s serve: %w", exe, err)
	}
	s := &service{db: db, cmd: cmd, done: make(chan error, 1)}
	lines := bufio.NewScanner(out)
	found := make(chan string, 1)
	go func() {
		for lines.Scan() {
			if _, rest, ok := strings.Cut(lines.Text(), "listening on "); ok {
				select {
				case found <- strings.Fields(rest)[0]:
				default:
				}
			}
		}
		io.Copy(io.Discard, out)
		s.done <- cmd.Wait()
	}()
	select {
	case u := <-found:
		pu, err := url.Parse(u)
		if err != nil {
			s.stop()
			return nil, fmt.Errorf("the service announced a bad address %q: %w", u, err)
		}
		s.addr = pu.Host
		return s, nil
	case err := <-s.done:
		return nil, fmt.Errorf("the service stopped before listening: %v", err)
	case <-time.After(30 * time.Second):
		s.stop()
		return nil, fmt.Errorf("the service did not start listening within 30s")
	case <-ctx.Done():
		s.stop()
		return nil, ctx.Err()
	}
}

// stop ends a service the tool started: an interrupt, as a person would
// send, then a kill if it has not stopped within 15 s.
func (s *service) stop() {
	if s.cmd == nil {
		return
	}
	_ = s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.done:
	case <-time.After(15 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
	}
	s.cmd = nil
}

// user is a user made for a run.
type user struct {
	Name, Password, Token string
}

// addUser runs `exe user add` on the database, as an operator would, and
// returns the user's first API token; password, when set, allows signing in.
func addUser(ctx context.Context, exe, db, name, password string, roles ...string) (user, error) {
	args := []string{"user", "add", "--db", db, "--name", name}
	for _, r := range roles {
		args = append(args, "--role", r)
	}
	if password != "" {
		args = append(args, "--password-stdin")
	}
	cmd := exec.CommandContext(ctx, exe, args...)
	cmd.Stdin = strings.NewReader(password + "\n")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return user{}, fmt.Errorf("add user %s: %v: %s", name, err, strings.TrimSpace(stderr.String()))
	}
	fields := strings.Fields(stdout.String())
	if len(fields) == 0 {
		return user{}, fmt.Errorf("add user %s: no token in the output", name)
	}
	return user{Name: name, Password: password, Token: fields[len(fields)-1]}, nil
}

// randomHex is n random bytes in hex: run names and passwords.
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return hex.EncodeToString(b)
}
