package server

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

const writeToken = "skrivnyckel-7"

// indexWriter is the Writer of these tests: the index itself, fed by
// ingest.ReadFile as cmd/motesarkiv's writer feeds it.
type indexWriter struct{ ix *index.Index }

func (w indexWriter) Ingest(_ context.Context, files []string, opts ingest.Options) []FileResult {
	var out []FileResult
	for _, f := range files {
		m, err := ingest.ReadFile(f, opts)
		if err != nil {
			out = append(out, FileResult{Path: f, Err: err})
			continue
		}
		o, err := w.ix.Put(m)
		out = append(out, FileResult{Path: f, Meeting: m, Outcome: o, Err: err})
	}
	return out
}

func (w indexWriter) Remove(id string) error { return w.ix.Remove(id) }

// minutes is a small minutes file of a meeting on date, with word in
// its first item.
func minutes(date, word string) []byte {
	return fmt.Appendf(nil, "Minnesanteckningar Styrgruppen för e-hälsa\n\nDatum: %s\n\n"+
		"1. Inledning\n\nOrdföranden hälsade välkommen till %s.\n\n"+
		"2. Rapport: Läget i projekten\n\nProjekten löper enligt plan.\n", date, word)
}

const newID = "styrgruppen-for-e-halsa-2025-11-18"

type writeServer struct {
	h  http.Handler
	ix *index.Index
}

func newWriteServer(t *testing.T, cfg Config) writeServer {
	t.Helper()
	ix := newTestIndex(t)
	cfg.Index, cfg.Writer, cfg.Logger = ix, indexWriter{ix}, testLogger(t)
	if cfg.WriteToken == "" {
		cfg.WriteToken = writeToken
	}
	cfg.Uploads = filepath.Join(t.TempDir(), "uploads")
	return writeServer{New(cfg).Handler(), ix}
}

// part is one part of a multipart upload.
type part struct {
	field, name string
	data        []byte
}

func multipartBody(t *testing.T, parts ...part) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, p := range parts {
		var w io.Writer
		var err error
		if p.name != "" {
			w, err = mw.CreateFormFile(p.field, p.name)
		} else {
			w, err = mw.CreateFormField(p.field)
		}
		if err != nil {
			t.Fatal(err)
		}
		w.Write(p.data)
	}
	mw.Close()
	return &buf, mw.FormDataContentType()
}

func (s writeServer) do(t *testing.T, method, target, token string, body io.Reader, ctype string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	return rec
}

func (s writeServer) upload(t *testing.T, token string, parts ...part) *httptest.ResponseRecorder {
	body, ctype := multipartBody(t, parts...)
	return s.do(t, http.MethodPost, "/api/v1/documents", token, body, ctype)
}

func meetingCount(t *testing.T, ix *index.Index) int {
	t.Helper()
	n, err := ix.MeetingCount()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestWritesNeedToken(t *testing.T) {
	s := newWriteServer(t, Config{})
	file := part{"file", "m.txt", minutes("2025-11-18", "zebrafinkmötet")}
	before := meetingCount(t, s.ix)
	tests := []struct {
		name, token string
		delete      bool
	}{
		{"upload without token", "", false},
		{"upload with wrong token", "fel", false},
		{"upload with token as prefix", writeToken[:5], false},
		{"delete without token", "", true},
		{"delete with wrong token", writeToken + "x", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec *httptest.ResponseRecorder
			if tt.delete {
				rec = s.do(t, http.MethodDelete, "/api/v1/meetings/valfardsradet-2026-04-09", tt.token, nil, "")
			} else {
				rec = s.upload(t, tt.token, file)
			}
			if rec.Code != http.StatusUnauthorized {
				t.Errorf("status %d, want 401; body %s", rec.Code, rec.Body)
			}
			if n := meetingCount(t, s.ix); n != before {
				t.Errorf("%d meetings after a refused write, %d before", n, before)
			}
		})
	}
}

func TestWritesOffWithoutServerToken(t *testing.T) {
	ix := newTestIndex(t)
	h := New(Config{Index: ix, Writer: indexWriter{ix}, Logger: testLogger(t)}).Handler()
	s := writeServer{h, ix}
	if rec := s.upload(t, "", part{"file", "m.txt", minutes("2025-11-18", "x")}); rec.Code != http.StatusForbidden {
		t.Errorf("status %d, want 403; body %s", rec.Code, rec.Body)
	}
}

func TestUploadThenSearch(t *testing.T) {
	s := newWriteServer(t, Config{})
	rec := s.upload(t, writeToken,
		part{"file", "protokoll.pdf", minutes("2025-11-18", "zebrafinkmötet")}, // text named .pdf: read by content
		part{"file", "tom.txt", nil})
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d; body %s", rec.Code, rec.Body)
	}
	for _, want := range []string{`"id":"` + newID + `"`, `"outcome":"added"`, `"file":"tom.txt"`, `"reason":"empty file"`} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("answer lacks %s: %s", want, rec.Body)
		}
	}
	if strings.Contains(rec.Body.String(), "upload-") {
		t.Errorf("answer shows a server path: %s", rec.Body)
	}
	var res index.Result
	getJSON(t, s.h, "/api/v1/search?q=zebrafinkmötet", http.StatusOK, &res)
	if res.Total != 1 || res.Hits[0].MeetingID != newID {
		t.Errorf("search after upload: %+v", res)
	}
	rec = s.upload(t, writeToken, part{"file", "igen.txt", minutes("2025-11-18", "zebrafinkmötet")})
	if !strings.Contains(rec.Body.String(), `"outcome":"unchanged"`) {
		t.Errorf("same file again: %s", rec.Body)
	}
}

func TestUploadRefused(t *testing.T) {
	s := newWriteServer(t, Config{MaxUpload: 1 << 10})
	big := bytes.Repeat([]byte("Minnesanteckningar "), 200)
	tests := []struct {
		name   string
		parts  []part
		status int
	}{
		{"over the limit", []part{{"file", "stor.txt", big}}, http.StatusRequestEntityTooLarge},
		{"no file", []part{{"date", "", []byte("2025-11-18")}}, http.StatusBadRequest},
		{"unknown field", []part{{"fil", "m.txt", []byte("x")}}, http.StatusBadRequest},
		{"bad date", []part{{"date", "", []byte("18/11")}, {"file", "m.txt", []byte("x")}}, http.StatusBadRequest},
		{"only bad files", []part{{"file", "bin.txt", []byte{0, 1, 2, 3, 0, 0, 0xff}}}, http.StatusUnprocessableEntity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if rec := s.upload(t, writeToken, tt.parts...); rec.Code != tt.status {
				t.Errorf("status %d, want %d; body %s", rec.Code, tt.status, rec.Body)
			}
		})
	}
	if rec := s.do(t, http.MethodPost, "/api/v1/documents", writeToken, strings.NewReader("{}"), "application/json"); rec.Code != http.StatusBadRequest {
		t.Errorf("JSON body: status %d, want 400", rec.Code)
	}
}

func TestHostileFileNames(t *testing.T) {
	tests := []struct{ in, want string }{
		{"../../etc/passwd", "passwd"},
		{`..\..\windows\system.ini`, "system.ini"},
		{"/absolute/path.txt", "path.txt"},
		{"..", "upload"},
		{"", "upload"},
		{".hidden", "hidden"},
		{"a\x00b\nc.txt", "a_b_c.txt"},
		{"protokoll 2026-04-09 (slutlig).pdf", "protokoll 2026-04-09 _slutlig_.pdf"},
		{"sammanträde §12.docx", "sammanträde _12.docx"},
		{strings.Repeat("å", 200), strings.Repeat("å", 60)},
	}
	for _, tt := range tests {
		if got := safeName(tt.in); got != tt.want {
			t.Errorf("safeName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Through the handler: every file is spooled inside the upload folder.
	ix := newTestIndex(t)
	uploads := filepath.Join(t.TempDir(), "uploads")
	var paths []string
	w := recordingWriter{indexWriter{ix}, &paths}
	h := New(Config{Index: ix, Writer: w, WriteToken: writeToken, Uploads: uploads, Logger: testLogger(t)}).Handler()
	s := writeServer{h, ix}
	var parts []part
	for _, tt := range tests {
		if !strings.ContainsAny(tt.in, "\x00\n") { // a header cannot carry them
			parts = append(parts, part{"file", tt.in, minutes("2025-11-18", "x")})
		}
	}
	if rec := s.upload(t, writeToken, parts...); rec.Code != http.StatusOK {
		t.Fatalf("status %d; body %s", rec.Code, rec.Body)
	}
	if len(paths) != len(parts) {
		t.Fatalf("%d files ingested, %d sent", len(paths), len(parts))
	}
	for _, p := range paths {
		if rel, err := filepath.Rel(uploads, p); err != nil || !filepath.IsLocal(rel) {
			t.Errorf("spooled at %s, outside %s", p, uploads)
		}
	}
	if entries, _ := os.ReadDir(uploads); len(entries) != 0 {
		t.Errorf("spool left behind: %v", entries)
	}
}

// recordingWriter notes the paths it is given.
type recordingWriter struct {
	indexWriter
	paths *[]string
}

func (w recordingWriter) Ingest(ctx context.Context, files []string, opts ingest.Options) []FileResult {
	*w.paths = append(*w.paths, files...)
	return w.indexWriter.Ingest(ctx, files, opts)
}

func TestDeleteMeeting(t *testing.T) {
	s := newWriteServer(t, Config{})
	const id = "valfardsradet-2026-04-09"
	if rec := s.do(t, http.MethodDelete, "/api/v1/meetings/"+id, writeToken, nil, ""); rec.Code != http.StatusOK {
		t.Fatalf("delete: status %d; body %s", rec.Code, rec.Body)
	}
	for _, target := range []string{"/api/v1/meetings/" + id, "/m/" + id} {
		if rec := get(t, s.h, target); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s after delete: %d", target, rec.Code)
		}
	}
	var res index.Result
	getJSON(t, s.h, "/api/v1/search?"+phrase, http.StatusOK, &res)
	for _, h := range res.Hits {
		if h.MeetingID == id {
			t.Errorf("search still finds %s", h.Item)
		}
	}
	for _, fv := range res.Facets["year"] {
		if fv.Value == "2026" {
			t.Errorf("year facet still counts 2026: %+v", fv)
		}
	}
	for _, target := range []string{"/api/v1/mentions?" + phrase, "/feed.atom?" + phrase} {
		if body := get(t, s.h, target).Body.String(); strings.Contains(body, id) || strings.Contains(body, "2026-04-09") {
			t.Errorf("%s still shows the meeting", target)
		}
	}
	if rec := s.do(t, http.MethodDelete, "/api/v1/meetings/"+id, writeToken, nil, ""); rec.Code != http.StatusNotFound {
		t.Errorf("second delete: status %d, want 404", rec.Code)
	}
}

func TestReadToken(t *testing.T) {
	s := newWriteServer(t, Config{ReadToken: "läsnyckel"})
	tests := []struct {
		target, token string
		status        int
	}{
		{"/api/v1/search?q=vård", "", http.StatusUnauthorized},
		{"/", "", http.StatusUnauthorized},
		{"/api/v1/search?q=vård", "läsnyckel", http.StatusOK},
		{"/api/v1/search?q=vård", writeToken, http.StatusOK},
		{"/healthz", "", http.StatusOK},
		{"/readyz", "", http.StatusOK},
	}
	for _, tt := range tests {
		if rec := s.do(t, http.MethodGet, tt.target, tt.token, nil, ""); rec.Code != tt.status {
			t.Errorf("GET %s with %q: %d, want %d", tt.target, tt.token, rec.Code, tt.status)
		}
	}
}

func TestQueryLimits(t *testing.T) {
	h := newTestHandler(t)
	tests := []struct {
		name, query string
		status      int
	}{
		{"long query", "q=" + strings.Repeat("vård+", 300), http.StatusBadRequest},
		{"many terms", "q=" + strings.Repeat("a+", 70), http.StatusBadRequest},
		{"many filters", strings.Repeat("speaker=x&", 60), http.StatusBadRequest},
		{"deep nesting", "q=" + strings.Repeat("(", 20) + "vård" + strings.Repeat(")", 20), http.StatusBadRequest},
		{"huge size is clamped", "q=vård&size=100000000000000000000", http.StatusOK},
		{"page too deep", "q=vård&page=99999999", http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if rec := get(t, h, "/api/v1/search?"+tt.query); rec.Code != tt.status {
				t.Errorf("status %d, want %d; body %.200s", rec.Code, tt.status, rec.Body)
			}
		})
	}
}

func TestSecurityHeaders(t *testing.T) {
	h := newTestHandler(t)
	rec := get(t, h, "/")
	csp := rec.Header().Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	for k, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin"} {
		if got := rec.Header().Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
}

func TestMetrics(t *testing.T) {
	s := newWriteServer(t, Config{})
	s.upload(t, writeToken, part{"file", "m.txt", minutes("2025-11-18", "zebrafinkmötet")}, part{"file", "tom.txt", nil})
	get(t, s.h, "/api/v1/search?q=vård")
	get(t, s.h, "/m/valfardsradet-2026-04-09")
	body := get(t, s.h, "/metrics").Body.String()
	for _, want := range []string{
		`motesarkiv_http_request_duration_seconds_count{method="GET",route="/api/v1/search",status="200"} 1`,
		`motesarkiv_http_request_duration_seconds_count{method="GET",route="/m/{id}",status="200"} 1`,
		`motesarkiv_http_request_duration_seconds_count{method="POST",route="/api/v1/documents",status="200"} 1`,
		"motesarkiv_search_duration_seconds_count 1",
		"motesarkiv_index_meetings 3",
		"motesarkiv_index_documents ",
		`motesarkiv_ingests_total{outcome="added"} 1`,
		`motesarkiv_ingest_failures_total{reason="empty file"} 1`,
		"motesarkiv_rebuild_running 0",
		"motesarkiv_rebuild_done 0",
		"go_goroutines ",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

func TestReadyz(t *testing.T) {
	ix := newTestIndex(t)
	rebuilding := false
	h := New(Config{Index: ix, Logger: testLogger(t), Ready: func() error {
		if rebuilding {
			return fmt.Errorf("rebuilding the index: 3 of 10 meetings")
		}
		return nil
	}}).Handler()
	var ans readiness
	getJSON(t, h, "/readyz", http.StatusOK, &ans)
	if !ans.Ready || ans.Meetings != 2 {
		t.Errorf("ready: %+v", ans)
	}
	rebuilding = true
	getJSON(t, h, "/readyz", http.StatusServiceUnavailable, &ans)
	if ans.Ready || !strings.Contains(ans.Reason, "rebuilding") {
		t.Errorf("while rebuilding: %+v", ans)
	}
}
