package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// openAPIDoc is what the tests read of openapi.json.
type openAPIDoc struct {
	OpenAPI string                                `json:"openapi"`
	Paths   map[string]map[string]json.RawMessage `json:"paths"`
}

func loadOpenAPI(t *testing.T) openAPIDoc {
	t.Helper()
	var doc openAPIDoc
	if err := json.Unmarshal(openAPISpec, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") || len(doc.Paths) == 0 {
		t.Fatalf("openapi.json: version %q, %d paths", doc.OpenAPI, len(doc.Paths))
	}
	return doc
}

// specPath is the path of the description that covers a route: the same
// template, or for a prefix route a path under it.
func specPath(doc openAPIDoc, rt route) (string, bool) {
	if _, ok := doc.Paths[rt.path]; ok {
		return rt.path, true
	}
	for p := range doc.Paths {
		if rt.prefix && strings.HasPrefix(p, rt.path) {
			return p, true
		}
	}
	return "", false
}

// TestOpenAPIDescribesEveryRoute walks the router: every route and
// method it serves must be in openapi.json (HEAD goes with GET).
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	doc := loadOpenAPI(t)
	s := New(Config{Index: newTestIndex(t), Logger: testLogger(t)})
	routes, err := s.routes()
	if err != nil {
		t.Fatal(err)
	}
	for _, rt := range routes {
		p, ok := specPath(doc, rt)
		if !ok {
			t.Errorf("route %s %v is not described in openapi.json", rt.path, rt.methods)
			continue
		}
		for _, m := range rt.methods {
			if _, ok := doc.Paths[p][strings.ToLower(m)]; !ok && m != http.MethodHead {
				t.Errorf("route %s %s is not described (under %s)", m, rt.path, p)
			}
		}
	}
}

// examplePath fills a described path's parameters with values the test
// index has.
var examplePath = strings.NewReplacer("{id}", "valfardsradet-2026-04-09", "{file}", "sok.js")

// TestOpenAPIRoutesAnswer sends every described operation to the server:
// none may be unknown to it (404) or have the wrong method (405). Writes
// answer 403 here, as the server has no write token.
func TestOpenAPIRoutesAnswer(t *testing.T) {
	doc := loadOpenAPI(t)
	originals := fstest.MapFS{"valfardsradet-2026-04-09.txt": {Data: []byte("Minnesanteckningar")}}
	h := New(Config{Index: newTestIndex(t), Originals: originals, Logger: testLogger(t)}).Handler()
	paths := make([]string, 0, len(doc.Paths))
	for p := range doc.Paths {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		for method := range doc.Paths[p] {
			if method == "parameters" {
				continue
			}
			m := strings.ToUpper(method)
			target := examplePath.Replace(p) + "?q=v%C3%A5rd"
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(m, target, nil))
			if rec.Code == http.StatusNotFound || rec.Code == http.StatusMethodNotAllowed {
				t.Errorf("%s %s: status %d; body %.200s", m, target, rec.Code, rec.Body)
			}
		}
	}
}

func TestOpenAPIServed(t *testing.T) {
	h := newTestHandler(t)
	rec := get(t, h, "/api/v1/openapi.json")
	if rec.Code != http.StatusOK || !json.Valid(rec.Body.Bytes()) {
		t.Fatalf("status %d, valid JSON %v", rec.Code, json.Valid(rec.Body.Bytes()))
	}
}
