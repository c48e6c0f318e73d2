package server

import (
	"errors"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/rs/zerolog"
	"github.com/rs/zerolog/hlog"
)

// requestIDHeader carries the request id back to the client, so that a
// user's report can be matched to the log.
const requestIDHeader = "X-Request-Id"

// middleware wraps h, outermost first: a logger in the request context, a
// request id, the access log, then recovery, so that a panic is logged as
// a 500 like any other failed request.
func (s *Server) middleware(h http.Handler) http.Handler {
	h = recoverPanics(h)
	h = hlog.AccessHandler(accessLog)(h)
	h = hlog.RequestIDHandler("req_id", requestIDHeader)(h)
	return hlog.NewHandler(s.log)(h)
}

// accessLog writes one line per request.
func accessLog(r *http.Request, status, size int, d time.Duration) {
	if status == 0 { // nothing written: net/http sends 200
		status = http.StatusOK
	}
	level := zerolog.InfoLevel
	if status >= http.StatusInternalServerError {
		level = zerolog.ErrorLevel
	}
	hlog.FromRequest(r).WithLevel(level).
		Str("method", r.Method).
		Str("path", r.URL.Path).
		Int("status", status).
		Int("size", size).
		Dur("duration", d).
		Str("remote", r.RemoteAddr).
		Msg("request")
}

// recoverPanics turns a panicking handler into a logged 500 instead of a
// dropped connection. http.ErrAbortHandler is net/http's way to abort a
// response on purpose, so it goes on up.
func recoverPanics(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			p := recover()
			if p == nil {
				return
			}
			if err, ok := p.(error); ok && errors.Is(err, http.ErrAbortHandler) {
				panic(p)
			}
			hlog.FromRequest(r).Error().
				Interface("panic", p).
				Bytes("stack", debug.Stack()).
				Msg("handler panicked")
			_ = writeJSON(w, http.StatusInternalServerError, map[string]string{"error": internalMessage})
		}()
		h.ServeHTTP(w, r)
	})
}
