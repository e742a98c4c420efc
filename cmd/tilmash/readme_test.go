package main

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestREADMEWalkThrough runs every ```sh block of the README, as written, against
// `tilmash serve --demo` on a fresh database, with the export lines the demo prints:
// what a new user does after `make run`.
func TestREADMEWalkThrough(t *testing.T) {
	for _, tool := range []string{"bash", "curl"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("TILMASH_README_TESTS") == "required" {
				t.Fatalf("%s is needed to run the README's examples: %v", tool, err)
			}
			t.Skipf("%s is missing; the README's examples need it", tool)
		}
	}
	script := readmeShellBlocks(t, filepath.Join("..", "..", "README.md"))

	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "tilmash.db"), "--demo"},
			strings.NewReader(""), pw, io.Discard)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	env := demoExports(t, pr)

	cmd := exec.Command("bash", "-euo", "pipefail", "-c", script)
	cmd.Env = append(os.Environ(), env...)
	cmd.Dir = t.TempDir() // the examples may write files (kk.xlf)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("README examples failed: %v\n%s", err, out)
	}
	got := string(out)
	for _, want := range []string{
		`"name":"aigerim"`,       // me
		`"code":"forbidden"`,     // approving one's own text
		`"code":"conflict"`,      // the stale save
		`"code":"checks_failed"`, // the dropped number
		`"unapproved":[`,         // the refused release
		`"number":1`,             // the release
		`Алматыда білім беру мекемелері`, // the public page
		`<html lang="kk"`,           // ... in Kazakh
		`"comment":"«более десяти»`, // the rejection in history
		`"score":100`,               // the memory suggestion
		`"current_revision":2`,      // the stale revision
		`"source":"Выступил д-р Дж. Смит из Лондона."`, // the corrected source
	} {
		if !strings.Contains(got, want) {
			t.Errorf("README output lacks %s\n--- output ---\n%s", want, got)
		}
	}
}

// readmeShellBlocks joins the ```sh blocks of the README into one script.
func readmeShellBlocks(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var script []string
	// Only ```sh blocks run; ```shell marks an operator's commands for
	// another machine (installing PostgreSQL, starting replicas).
	for _, m := range regexp.MustCompile("(?s)```sh\n(.*?)```").FindAllStringSubmatch(string(b), -1) {
		block := m[1]
		if strings.Contains(block, "make run") {
			continue // the commands that start everything; the test starts the server itself
		}
		script = append(script, block, "echo")
	}
	if len(script) == 0 {
		t.Fatal("the README has no sh blocks")
	}
	return strings.Join(script, "\n")
}

// demoExports reads the demo's output up to the listening line and returns its export lines
// as environment entries; the rest of the output is drained in the background.
func demoExports(t *testing.T, r io.Reader) []string {
	t.Helper()
	return demoExportsAnd(t, r, func(string) {})
}

// demoExportsAnd is demoExports that also shows every line before the listening one to see.
func demoExportsAnd(t *testing.T, r io.Reader, see func(line string)) []string {
	t.Helper()
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var env []string
	timeout := time.After(30 * time.Second)
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatal("the server stopped before it listened")
			}
			see(line)
			if v, found := strings.CutPrefix(strings.TrimSpace(line), "export "); found {
				env = append(env, v)
			}
			if strings.HasPrefix(line, "Tilmash is listening") {
				go func() {
					for range lines {
					}
				}()
				return env
			}
		case <-timeout:
			t.Fatal("the server did not start within 30 s")
		}
	}
}
