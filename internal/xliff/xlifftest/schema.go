// Package xlifftest validates XLIFF files against the OASIS schemas with xmllint, for tests of
// every package that writes XLIFF. The schemas live beside the project, not in it: in
// ../shared/schemas of the checkout (or the directory TILMASH_SCHEMAS names).
package xlifftest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// schemaFiles are the schemas under the schema directory, by XLIFF version.
var schemaFiles = map[string]string{
	"2.1": filepath.Join("xliff-2.1", "xliff_core_2.0.xsd"),
	"1.2": filepath.Join("xliff-1.2", "xliff-core-1.2-transitional.xsd"),
}

// Schema returns xmllint and the schema of version ("2.1" or "1.2"). When either is missing the
// test skips with a message, or fails when TILMASH_SCHEMA_TESTS=required (CI).
func Schema(tb testing.TB, version string) (xmllint, schema string) {
	tb.Helper()
	missing := func(what string) {
		tb.Helper()
		if os.Getenv("TILMASH_SCHEMA_TESTS") == "required" {
			tb.Fatalf("%s, and TILMASH_SCHEMA_TESTS=required", what)
		}
		tb.Skipf("%s: skipping schema validation (install libxml2-utils; set TILMASH_SCHEMA_TESTS=required to make this a failure)", what)
	}
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		missing("xmllint not found")
	}
	file, ok := schemaFiles[version]
	if !ok {
		tb.Fatalf("no schema for XLIFF %q", version)
	}
	schema = filepath.Join(schemaDir(), file)
	if _, err := os.Stat(schema); err != nil {
		missing("schema " + schema + " not found")
	}
	return xmllint, schema
}

// schemaDir is TILMASH_SCHEMAS, or shared/schemas in the first parent directory of the working
// directory that has one (tests run in their package's directory).
func schemaDir() string {
	if dir := os.Getenv("TILMASH_SCHEMAS"); dir != "" {
		return dir
	}
	dir, err := os.Getwd()
	if err != nil {
		return filepath.Join("..", "shared", "schemas")
	}
	for {
		candidate := filepath.Join(dir, "shared", "schemas")
		if _, err := os.Stat(candidate); err == nil {
			return candidate
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return filepath.Join("..", "shared", "schemas")
		}
		dir = parent
	}
}

// Validate checks that every file validates against the schema of version.
func Validate(tb testing.TB, version string, files ...string) {
	tb.Helper()
	xmllint, schema := Schema(tb, version)
	args := append([]string{"--noout", "--nonet", "--schema", schema}, files...)
	out, err := exec.Command(xmllint, args...).CombinedOutput()
	if err != nil {
		tb.Errorf("xmllint, XLIFF %s: %v\n%s", version, err, out)
		return
	}
	if n := strings.Count(string(out), " validates"); n != len(files) {
		tb.Errorf("xmllint, XLIFF %s: %d of %d files validate:\n%s", version, n, len(files), out)
	}
}

// Rejects reports whether xmllint refuses file under the schema of version, with its output.
func Rejects(tb testing.TB, version, file string) (bool, string) {
	tb.Helper()
	xmllint, schema := Schema(tb, version)
	out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", schema, file).CombinedOutput()
	return err != nil, string(out)
}
