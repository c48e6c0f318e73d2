package server

import (
	"net/http/httptest"
	"strings"
	"testing"
)

func TestParseOrigin(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"https://intranat.example.se", "https://intranat.example.se", true},
		{"HTTPS://Intranat.Example.se/", "https://intranat.example.se", true},
		{"http://127.0.0.1:8081", "http://127.0.0.1:8081", true},
		{"intranat.example.se", "", false},
		{"https://intranat.example.se/sok", "", false},
		{"ftp://x", "", false},
		{"*", "", false},
	}
	for _, tt := range tests {
		got, err := ParseOrigin(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseOrigin(%q) = %q, %v", tt.in, got, err)
		}
	}
}

// TestCORS: an allowed origin may call the API and frame /embed; any other
// origin is refused; requests without an origin are not affected.
func TestCORS(t *testing.T) {
	const allowed, other = "https://intranat.example.se", "https://annan.example.se"
	h := New(Config{Index: newTestIndex(t), CORSOrigins: []string{allowed}, Logger: testLogger(t)}).Handler()
	do := func(method, target, origin string, header ...string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, "http://arkiv.test"+target, nil)
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	search := "/api/v1/search?" + phrase
	tests := []struct {
		name, method, target, origin string
		header                       []string
		status                       int
		allowOrigin                  string
	}{
		{"allowed", "GET", search, allowed, nil, 200, allowed},
		{"other", "GET", search, other, nil, 403, ""},
		{"no origin", "GET", search, "", nil, 200, ""},
		{"same origin", "GET", search, "http://arkiv.test", nil, 200, ""},
		{"preflight allowed", "OPTIONS", search, allowed, []string{"Access-Control-Request-Method", "GET"}, 204, allowed},
		{"preflight other", "OPTIONS", search, other, []string{"Access-Control-Request-Method", "GET"}, 403, ""},
		{"suggestions", "GET", "/api/v1/suggest?q=mini", allowed, nil, 200, allowed},
		{"page from other", "GET", "/embed?" + phrase, other, nil, 403, ""},
	}
	for _, tt := range tests {
		rec := do(tt.method, tt.target, tt.origin, tt.header...)
		if rec.Code != tt.status || rec.Header().Get("Access-Control-Allow-Origin") != tt.allowOrigin {
			t.Errorf("%s: %d, Allow-Origin %q; want %d, %q", tt.name, rec.Code, rec.Header().Get("Access-Control-Allow-Origin"), tt.status, tt.allowOrigin)
		}
		if !strings.Contains(rec.Header().Get("Vary"), "Origin") {
			t.Errorf("%s: no Vary: Origin", tt.name)
		}
	}
	if rec := do("GET", search, other); !strings.Contains(rec.Body.String(), "not allowed") {
		t.Errorf("refusal says %s", rec.Body)
	}
	if rec := do("OPTIONS", search, allowed, "Access-Control-Request-Method", "GET"); !strings.Contains(rec.Header().Get("Access-Control-Allow-Methods"), "GET") {
		t.Errorf("preflight allows %q", rec.Header().Get("Access-Control-Allow-Methods"))
	}
	csp := do("GET", "/embed?"+phrase, "").Header().Get("Content-Security-Policy")
	if !strings.Contains(csp, "frame-ancestors 'self' "+allowed) {
		t.Errorf("/embed policy %q does not let the allowed origin frame it", csp)
	}
	if csp := do("GET", "/", "").Header().Get("Content-Security-Policy"); !strings.HasSuffix(csp, "frame-ancestors 'self'") {
		t.Errorf("/ policy %q", csp)
	}
}
