package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

// panicky is an Index whose every method panics.
type panicky struct{}

func (panicky) Search(context.Context, index.Request) (*index.Result, error) { panic("boom") }
func (panicky) Meeting(string) (*ingest.Meeting, error)                      { panic("boom") }
func (panicky) MeetingCount() (int, error)                                   { panic("boom") }
func (panicky) Occurrences(context.Context, index.Request, func(index.Occurrence) error) error {
	panic("boom")
}
func (panicky) Neighbours(context.Context, *ingest.Meeting) (index.MeetingRef, index.MeetingRef, error) {
	panic("boom")
}
func (panicky) Suggest(context.Context, string, int) ([]index.Suggestion, error) { panic("boom") }

func httptestDo(h http.Handler, method, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

// TestPanicRecovered: a panicking handler answers 500 with a JSON error,
// and the log has the panic and the access line, both with the request id.
func TestPanicRecovered(t *testing.T) {
	var logs bytes.Buffer
	h := New(Config{Index: panicky{}, Logger: zerolog.New(&logs)}).Handler()
	rec := httptestDo(h, http.MethodGet, "/api/v1/search?q=x")
	if rec.Code != http.StatusInternalServerError || !strings.Contains(rec.Body.String(), internalMessage) {
		t.Errorf("panic: %d %s", rec.Code, rec.Body)
	}
	id := rec.Header().Get(requestIDHeader)
	if id == "" {
		t.Fatal("no request id header")
	}
	lines := logLines(t, &logs)
	if len(lines) != 2 {
		t.Fatalf("log lines %v, want the panic and the access line", lines)
	}
	if lines[0]["panic"] != "boom" || lines[0]["req_id"] != id {
		t.Errorf("panic line %v", lines[0])
	}
	access := lines[1]
	for key, want := range map[string]any{
		"method": "GET", "path": "/api/v1/search", "status": 500.0, "req_id": id, "message": "request",
	} {
		if access[key] != want {
			t.Errorf("access line %s = %v, want %v", key, access[key], want)
		}
	}
	for _, key := range []string{"duration", "remote"} {
		if _, ok := access[key]; !ok {
			t.Errorf("access line has no %s: %v", key, access)
		}
	}
}

func logLines(t *testing.T, logs *bytes.Buffer) []map[string]any {
	t.Helper()
	var lines []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		lines = append(lines, m)
	}
	return lines
}
