package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"
)

// Writes need the write token; reads need the read token when one is set
// (Config.ReadToken), and the write token grants reads too. A token is
// sent as "Authorization: Bearer TOKEN"; for reads from a browser, which
// cannot add a header to a link, HTTP Basic with the token as password
// works as well.
var (
	errUnauthorized   = errors.New("unauthorized: send the token as Authorization: Bearer TOKEN")
	errWritesDisabled = errors.New("writes are turned off on this server: start serve with --write-token (or MOTESARKIV_WRITE_TOKEN)")
)

// openPaths answer without a read token: probes and the shared assets.
var openPaths = map[string]bool{"/healthz": true, "/readyz": true}

// sameToken compares in constant time. Both sides are hashed first, so
// that not even the token's length leaks through timing.
func sameToken(got, want string) bool {
	g, w := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(g[:], w[:]) == 1
}

// requestToken is the token a request carries, "" when none.
func requestToken(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if scheme, tok, ok := strings.Cut(h, " "); ok && strings.EqualFold(scheme, "Bearer") {
		return strings.TrimSpace(tok)
	}
	if _, pw, ok := r.BasicAuth(); ok {
		return pw
	}
	return ""
}

// canWrite reports whether r carries the write token.
func (s *Server) canWrite(r *http.Request) bool {
	return s.writeToken != "" && sameToken(requestToken(r), s.writeToken)
}

// canRead reports whether r may read: always when no read token is set.
func (s *Server) canRead(r *http.Request) bool {
	if s.readToken == "" || openPaths[r.URL.Path] {
		return true
	}
	tok := requestToken(r)
	return sameToken(tok, s.readToken) || (s.writeToken != "" && sameToken(tok, s.writeToken))
}

// writeAccess lets through only requests with the write token, before
// anything of the body is read.
func (s *Server) writeAccess(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		switch {
		case s.writeToken == "":
			return errWritesDisabled
		case !s.canWrite(r):
			w.Header().Set("WWW-Authenticate", `Bearer realm="motesarkiv"`)
			return errUnauthorized
		}
		return h(w, r)
	}
}

// readAccess guards every route with the read token when one is set.
func (s *Server) readAccess(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.canRead(r) {
			w.Header().Set("WWW-Authenticate", `Basic realm="Mötesarkiv", charset="UTF-8"`)
			s.fail(w, r, errUnauthorized)
			return
		}
		h.ServeHTTP(w, r)
	})
}
