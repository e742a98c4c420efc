package server

import (
	"net/http"
	"testing"
)

// TestHealth: 200 while the database answers, 503 once it does not.
func TestHealth(t *testing.T) {
	ts := startServer(t)
	if r := ts.call(t, "GET", "/healthz", "", nil).must(t, http.StatusOK); r.Body["status"] != "ok" {
		t.Errorf("healthz = %s", r.Raw)
	}
	ts.Store.Close()
	if r := ts.call(t, "GET", "/healthz", "", nil).must(t, http.StatusServiceUnavailable); r.Body["status"] != "unavailable" {
		t.Errorf("healthz with the database closed = %s", r.Raw)
	}
}
