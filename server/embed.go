package server

import (
	"net/http"
	"strconv"
)

// embedView is the compact search page that an intranet shows in an
// iframe (/embed?q=…): a search box and the best hits, rendered here, so
// that it works without the widget's script.
type embedView struct {
	Query   string
	Hidden  []field // the filters the page was framed with
	Error   string
	Count   string
	Hits    []hitView
	MoreURL string // the whole search in the archive
}

// embedSize is how many hits the framed page shows.
const embedSize = 10

// embedPage serves GET /embed. Its Content-Security-Policy lets the
// allowed origins frame it (headers.go); links open in a new tab, so that
// the intranet page stays.
func (s *Server) embedPage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	v := &embedView{Query: q.Get("q"), Hidden: hiddenFields(q, stateNames[1:]), MoreURL: urlOf("/", searchState(q))}
	if !searched(q) {
		return s.render(w, http.StatusOK, "embed", v)
	}
	next := without(q, "size", "page")
	next.Set("size", strconv.Itoa(embedSize))
	req, res, err := s.runSearch(r.Context(), next)
	if msg, bad := badInput(err); err != nil && bad {
		v.Error = msg
		return s.render(w, http.StatusBadRequest, "embed", v)
	} else if err != nil {
		return err
	}
	v.Count = svCount(res.Total, "träff", "träffar")
	for _, h := range res.Hits {
		v.Hits = append(v.Hits, newHitView(h, req.Query))
	}
	return s.render(w, http.StatusOK, "embed", v)
}
