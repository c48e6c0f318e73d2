package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/rs/zerolog/hlog"

	"motesarkiv/index"
)

// handlerFunc is a handler that returns its error instead of writing it,
// so that one adapter decides how every error looks.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// api adapts h for the JSON API: an error becomes {"error": "…"} with the
// status from the table in errors.go.
func (s *Server) api(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			status, msg := s.classify(r, err)
			_ = writeJSON(w, status, map[string]string{"error": msg})
		}
	})
}

// classify returns err's status and message, and logs the errors a
// client cannot act on.
func (s *Server) classify(r *http.Request, err error) (int, string) {
	status, msg := statusOf(err)
	if status >= http.StatusInternalServerError {
		hlog.FromRequest(r).Error().Err(err).Msg("request failed")
	}
	return status, msg
}

// writeJSON encodes v before writing anything, so that an encoding error
// can still become a proper error response. Since the whole body is at
// hand, it is sent with its length: a chunked answer of a search (15 kB)
// took net/http three writes to the socket instead of two, and on
// loopback each write costs the reader a wake-up (p50 of a rare word over
// HTTP 0.85 → 0.72–0.76 ms, docs/performance.md, change 16).
func writeJSON(w http.ResponseWriter, status int, v any) error {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		return fmt.Errorf("encode response: %w", err)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// search answers GET /api/v1/search with an index.Result.
func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	_, res, err := s.runSearch(r.Context(), r.URL.Query())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res)
}

// runSearch parses the parameters and searches. Empty lists are made
// non-nil so that clients see [] rather than null.
func (s *Server) runSearch(ctx context.Context, q url.Values) (index.Request, *index.Result, error) {
	defer s.metrics.observeSearch(time.Now())
	req, err := searchParams(q)
	if err != nil {
		return req, nil, err
	}
	// The index's error is returned as it is: for a bad query its message
	// is the one the user needs, and the access log has the query.
	res, err := s.idx.Search(ctx, req)
	if err != nil {
		return req, nil, err
	}
	if res.Hits == nil {
		res.Hits = []index.Hit{}
	}
	if res.Facets == nil {
		res.Facets = map[string][]index.FacetValue{}
	}
	return req, res, nil
}

// meeting answers GET /api/v1/meetings/{id} with the parsed meeting.
func (s *Server) meeting(w http.ResponseWriter, r *http.Request) error {
	m, err := s.idx.Meeting(r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, m)
}

// healthz says the process is up and serving. It does not touch the
// index: readiness is a separate question (a later /readyz).
func healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok"))
}
