package server

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
)

// Cross-origin requests: an intranet page on an allowed origin may call
// the API from a script (the embed widget does) and frame /embed; a
// request that a browser marks as coming from any other origin is refused
// with 403, so that the refusal is plain in the widget and in the log.
// Requests without an Origin header (plain links, forms, script tags,
// curl) are not cross-origin calls and pass.

// errOrigin marks a request from an origin that is not allowed.
var errOrigin = fmt.Errorf("origin not allowed")

// ParseOrigin checks and normalises an allowed origin as a browser sends
// it in the Origin header: scheme and host, with a port when not the
// default, and nothing else ("https://intranat.example.se").
func ParseOrigin(s string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	switch {
	case err != nil:
		return "", fmt.Errorf("origin %q: %w", s, err)
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("origin %q: write it as https://host or http://host:port", s)
	case u.Host == "" || u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "":
		return "", fmt.Errorf("origin %q: only a scheme and a host, with no path, as in https://intranat.example.se", s)
	}
	return strings.ToLower(u.Scheme + "://" + u.Host), nil
}

// cors answers preflight requests and refuses, or marks as allowed, the
// requests that come from another origin.
func (s *Server) cors(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Origin")
		origin := r.Header.Get("Origin")
		if origin == "" || sameOrigin(origin, r) {
			h.ServeHTTP(w, r)
			return
		}
		if !s.origins[strings.ToLower(origin)] {
			s.fail(w, r, fmt.Errorf("%w: %s may not use this archive; the server's --cors-origin flag lists the origins that may", errOrigin, origin))
			return
		}
		w.Header().Set("Access-Control-Allow-Origin", origin)
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			preflight(w)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// preflight allows what the widget and other readers need: GET with the
// headers of a plain fetch.
func preflight(w http.ResponseWriter) {
	w.Header().Set("Access-Control-Allow-Methods", "GET, HEAD")
	w.Header().Set("Access-Control-Allow-Headers", "Accept, Accept-Language, Content-Language")
	w.Header().Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
}

// sameOrigin: a browser sends Origin on some requests to the page's own
// server too (a POST, a module script); those are not cross-origin.
func sameOrigin(origin string, r *http.Request) bool {
	u, err := url.Parse(origin)
	return err == nil && strings.EqualFold(u.Host, r.Host)
}

// frameAncestors is the CSP source list of the pages that may frame /embed.
func (s *Server) frameAncestors() string {
	list := []string{"'self'"}
	origins := make([]string, 0, len(s.origins))
	for o := range s.origins {
		origins = append(origins, o)
	}
	sort.Strings(origins)
	return strings.Join(slices.Concat(list, origins), " ")
}
