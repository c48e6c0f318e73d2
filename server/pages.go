package server

import (
	"net/http"
)

// page adapts h for the HTML pages: an error becomes an error page with
// the status from the table in errors.go.
func (s *Server) page(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		status, msg := s.classify(r, err)
		view := errorView{Heading: errorHeading(status), Message: msg}
		if rerr := s.render(w, status, "error", view); rerr != nil {
			s.classify(r, rerr)
			http.Error(w, msg, status)
		}
	})
}

type errorView struct{ Heading, Message string }

func errorHeading(status int) string {
	switch {
	case status == http.StatusNotFound:
		return "Sidan finns inte"
	case status == http.StatusForbidden:
		return "Åtkomst nekad"
	case status < http.StatusInternalServerError:
		return "Det gick inte att visa sidan"
	default:
		return "Något gick fel på servern"
	}
}

// badInput returns the message to show beside a form for an error the
// user can correct (status 400), or ok false for any other error.
func badInput(err error) (msg string, ok bool) {
	status, msg := statusOf(err)
	return msg, status == http.StatusBadRequest
}
