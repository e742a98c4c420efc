package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// binary builds the tilmash command once per test run, for tests that need a
// real process to kill.
var binary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "tilmash-bin-")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "tilmash")
	out, err := exec.Command("go", "build", "-o", path, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return path, nil
})

func tilmashBinary(t *testing.T) string {
	t.Helper()
	path, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// serveProcess is a `tilmash serve` child process.
type serveProcess struct {
	cmd *exec.Cmd
	URL string
}

// startServe starts `tilmash serve` on db at a free loopback port and waits until it listens.
func startServe(t *testing.T, db string, extra ...string) *serveProcess {
	t.Helper()
	cmd := exec.Command(tilmashBinary(t), append([]string{"serve", "--addr", "127.0.0.1:0", "--db", db}, extra...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &serveProcess{cmd: cmd}
	t.Cleanup(func() { p.kill() })
	sc := bufio.NewScanner(out)
	deadline := time.AfterFunc(30*time.Second, func() { p.kill() })
	defer deadline.Stop()
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "Tilmash is listening on "); ok {
			p.URL, _, _ = strings.Cut(rest, " ")
			go io.Copy(io.Discard, out)
			return p
		}
	}
	t.Fatalf("serve did not start: %s", stderr.String())
	return nil
}

// kill ends the process at once (SIGKILL: no shutdown, no flush) and reaps it.
func (p *serveProcess) kill() {
	if p.cmd.ProcessState == nil {
		p.cmd.Process.Signal(syscall.SIGKILL)
		p.cmd.Wait()
	}
}

// call sends one API request and decodes a JSON answer into out (when not nil).
func (p *serveProcess) call(method, path, token, body string, out any) (int, error) {
	req, err := http.NewRequest(method, p.URL+path, strings.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	if out != nil && res.StatusCode < 300 {
		if err := json.NewDecoder(res.Body).Decode(out); err != nil {
			return res.StatusCode, err
		}
	}
	return res.StatusCode, nil
}

// waitFor polls until n saves are acknowledged; a minute is far more than
// any machine needs, so reaching it means the writers stopped.
func waitFor(t *testing.T, acked *atomic.Int64, n int64) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for acked.Load() < n {
		if time.Now().After(deadline) {
			t.Fatalf("only %d of %d saves acknowledged: the writers stopped", acked.Load(), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
