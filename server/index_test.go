package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/rs/zerolog"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

// seeds are the real minutes every handler test searches.
var seeds = []string{
	"valfardsradet-dalarna-2023-10-26.txt",
	"valfardsradet-dalarna-2026-04-09.txt",
}

// newTestIndex builds a real index in a temporary folder from the seeds
// in testdata/ and any extra meetings.
func newTestIndex(t *testing.T, extra ...*ingest.Meeting) *index.Index {
	t.Helper()
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := ix.Close(); err != nil {
			t.Error(err)
		}
	})
	meetings := extra
	for _, name := range seeds {
		m, err := ingest.ReadFile(filepath.Join("..", "testdata", name), ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		meetings = append(meetings, m)
	}
	for _, m := range meetings {
		if _, err := ix.Put(m); err != nil {
			t.Fatalf("put %s: %v", m.ID, err)
		}
	}
	return ix
}

// newTestHandler is the server's handler over the seeds, logging to the
// test's log.
func newTestHandler(t *testing.T, extra ...*ingest.Meeting) http.Handler {
	t.Helper()
	return New(Config{Index: newTestIndex(t, extra...), Logger: testLogger(t)}).Handler()
}

func testLogger(t *testing.T) zerolog.Logger {
	return zerolog.New(zerolog.NewTestWriter(t))
}

// get requests target from h.
func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}

// getJSON requests target, checks the status and decodes the body into v.
func getJSON(t *testing.T, h http.Handler, target string, status int, v any) {
	t.Helper()
	rec := get(t, h, target)
	if rec.Code != status {
		t.Fatalf("GET %s: status %d, want %d; body %s", target, rec.Code, status, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("GET %s: Content-Type %q", target, ct)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
		t.Fatalf("GET %s: %v; body %s", target, err, rec.Body)
	}
}
