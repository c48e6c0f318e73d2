package server

import (
	"net/http"
	"net/url"
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
	case status < http.StatusInternalServerError:
		return "Det gick inte att visa sidan"
	default:
		return "Något gick fel på servern"
	}
}

// searchPage serves GET /. Without search parameters it shows the empty
// form. A query or parameter the index cannot use is shown on the page
// itself, with status 400, so that the user can correct it in place.
func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	view := newSearchView(q)
	if !searched(q) {
		n, err := s.idx.MeetingCount()
		if err != nil {
			return err
		}
		view.Meetings = n
		return s.render(w, http.StatusOK, "search", view)
	}
	req, res, err := s.runSearch(r.Context(), q)
	if err != nil {
		status, msg := statusOf(err)
		if status != http.StatusBadRequest {
			return err
		}
		view.Error = msg
		return s.render(w, status, "search", view)
	}
	view.setResult(req, res)
	return s.render(w, http.StatusOK, "search", view)
}

// searched reports whether q asks for a search rather than the bare form.
func searched(q url.Values) bool {
	for _, name := range append([]string{"q", "from", "to", "sort", "page", "size"}, filterNames...) {
		if len(values(q, name)) > 0 {
			return true
		}
	}
	return false
}

// meetingPage serves GET /m/{id}: the whole meeting, an anchor per item.
func (s *Server) meetingPage(w http.ResponseWriter, r *http.Request) error {
	m, err := s.idx.Meeting(r.PathValue("id"))
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "meeting", m)
}
