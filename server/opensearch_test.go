package server

import (
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestOpenSearch(t *testing.T) {
	h := newTestHandler(t)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://arkiv.test/opensearch.xml", nil))
	if !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/opensearchdescription+xml") {
		t.Errorf("Content-Type %q", rec.Header().Get("Content-Type"))
	}
	var d openSearchDescription
	if err := xml.Unmarshal(rec.Body.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	templates := map[string]string{}
	for _, u := range d.URLs {
		templates[u.Type] = u.Template
	}
	if got := templates["text/html"]; got != "http://arkiv.test/?q={searchTerms}" {
		t.Errorf("search template %q", got)
	}
	if got := templates[suggestionsType]; got != "http://arkiv.test/api/v1/suggest?q={searchTerms}" {
		t.Errorf("suggestions template %q", got)
	}
	if page := get(t, h, "/").Body.String(); !strings.Contains(page, `<link rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml"`) {
		t.Error("pages do not link the description")
	}
}
