package server

import (
	"context"
	"net/http"
	"time"
)

// readyTimeout bounds the index check of /readyz, so that a probe never
// hangs on a stuck index.
const readyTimeout = 2 * time.Second

// readiness is the answer of /readyz.
type readiness struct {
	Ready    bool   `json:"ready"`
	Meetings int    `json:"meetings"`
	Reason   string `json:"reason,omitempty"`
}

// readyz answers whether the server should get traffic: the index is open
// and answers, and it is not being rebuilt (Config.Ready says so). 200
// when ready, 503 with the reason when not.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
	defer cancel()
	ans := readiness{Ready: true}
	if err := s.checkReady(ctx, &ans); err != nil {
		ans.Ready, ans.Reason = false, err.Error()
		return writeJSON(w, http.StatusServiceUnavailable, ans)
	}
	return writeJSON(w, http.StatusOK, ans)
}

func (s *Server) checkReady(ctx context.Context, ans *readiness) error {
	type counted struct {
		n   int
		err error
	}
	c := make(chan counted, 1)
	go func() {
		n, err := s.idx.MeetingCount()
		c <- counted{n, err}
	}()
	select {
	case got := <-c:
		if got.err != nil {
			return got.err
		}
		ans.Meetings = got.n
	case <-ctx.Done():
		return ctx.Err()
	}
	if s.ready != nil {
		return s.ready()
	}
	return nil
}
