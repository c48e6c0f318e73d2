package server

import (
	"net/http"
	"strings"
	"testing"
	"testing/fstest"
)

// TestOriginal: the meeting page links the kept original, which is served
// under the name it was ingested with, in a sandbox; without one, the
// page offers the parsed text and /original is a 404 that says so.
func TestOriginal(t *testing.T) {
	originals := fstest.MapFS{
		meeting2026 + ".pdf":  {Data: []byte("%PDF-1.7 …")},
		meeting2023 + ".html": {Data: []byte("<script>alert(1)</script>")},
	}
	h := New(Config{Index: newTestIndex(t), Originals: originals, Logger: testLogger(t)}).Handler()
	page := get(t, h, "/m/"+meeting2026).Body.String()
	if !strings.Contains(page, `href="/m/`+meeting2026+`/original">valfardsradet-dalarna-2026-04-09.txt</a> (PDF)`) {
		t.Errorf("the meeting page does not link the original")
	}
	tests := []struct {
		id, ctype, disposition string
	}{
		{meeting2026, "application/pdf", "inline"},
		{meeting2023, "text/html", "attachment"}, // never shown on this origin
	}
	for _, tt := range tests {
		rec := get(t, h, "/m/"+tt.id+"/original")
		if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), tt.ctype) ||
			!strings.HasPrefix(rec.Header().Get("Content-Disposition"), tt.disposition+"; filename*=UTF-8''valfardsradet-dalarna-") ||
			rec.Header().Get("Content-Security-Policy") != "sandbox" {
			t.Errorf("%s: %d %v", tt.id, rec.Code, rec.Header())
		}
	}

	bare := newTestHandler(t)
	if page := get(t, bare, "/m/"+meeting2026).Body.String(); strings.Contains(page, "/original") || !strings.Contains(page, "/text") {
		t.Error("without originals the page should offer the text only")
	}
	if rec := get(t, bare, "/m/"+meeting2026+"/original"); rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "text") {
		t.Errorf("no original: %d", rec.Code)
	}
}
