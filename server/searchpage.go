package server

import (
	"net/http"
	"net/url"
)

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
		msg, ok := badInput(err)
		if !ok {
			return err
		}
		view.Error = msg
		return s.render(w, http.StatusBadRequest, "search", view)
	}
	view.setResult(q, req, res)
	return s.render(w, http.StatusOK, "search", view)
}

// searched reports whether q asks for a search rather than the bare form.
func searched(q url.Values) bool {
	for _, name := range append([]string{"sort", "page", "size"}, stateNames...) {
		if len(values(q, name)) > 0 {
			return true
		}
	}
	return false
}
