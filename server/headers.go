package server

import "net/http"

// contentPolicy is the Content-Security-Policy of every page: scripts,
// styles and fetches from this server only, and no inline script or style
// at all, so that text from a minutes file can never run as code even if
// escaping failed. Pages may be framed only by this server; /embed by the
// allowed origins as well (frameAncestors).
const contentPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors "

// securityHeaders are set on every response.
func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.ServeHTTP(w, r)
	})
}

// pagePolicy is the policy of the page named.
func (s *Server) pagePolicy(page string) string {
	if page == "embed" {
		return contentPolicy + s.frameAncestors()
	}
	return contentPolicy + "'self'"
}
