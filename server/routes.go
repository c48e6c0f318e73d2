package server

import (
	"net/http"
	"strings"

	"github.com/gorilla/mux"
)

// Handler returns the server's routes wrapped in its middleware. This is
// the only file that knows gorilla/mux: handlers read path variables with
// r.PathValue, as they would under net/http's own mux.
func (s *Server) Handler() http.Handler {
	r := mux.NewRouter()
	r.Use(pathValues)
	get := []string{http.MethodGet, http.MethodHead}

	r.Handle("/api/v1/search", s.api(s.search)).Methods(get...)
	r.Handle("/api/v1/meetings/{id}", s.api(s.meeting)).Methods(get...)
	r.Handle("/api/v1/mentions", s.api(s.mentionsAPI)).Methods(get...)
	r.Handle("/api/v1/mentions.csv", s.api(s.mentionsCSV)).Methods(get...)
	r.Handle("/api/v1/suggest", s.api(s.suggest)).Methods(get...)
	r.HandleFunc("/healthz", healthz).Methods(get...)

	r.Handle("/", s.page(s.searchPage)).Methods(get...)
	r.Handle("/forekomster", s.page(s.mentionPage)).Methods(get...)
	r.Handle("/tidslinje", s.page(s.timelinePage)).Methods(get...)
	r.Handle("/m/{id}", s.page(s.meetingPage)).Methods(get...)
	r.Handle("/m/{id}/text", s.page(s.meetingText)).Methods(get...)
	r.Handle("/m/{id}/original", s.page(s.meetingOriginal)).Methods(get...)
	r.Handle("/embed", s.page(s.embedPage)).Methods(get...)
	r.Handle("/feed.atom", s.page(s.feed)).Methods(get...)
	r.Handle("/opensearch.xml", s.page(s.openSearch)).Methods(get...)
	r.Handle("/embed.js", staticFile("embed.js")).Methods(get...)
	r.PathPrefix("/static/").Handler(staticHandler()).Methods(get...)

	r.NotFoundHandler = s.routeError(errNoRoute)
	r.MethodNotAllowedHandler = s.routeError(errBadMethod)
	return s.middleware(securityHeaders(s.cors(r)))
}

// pathValues copies mux's path variables into the request.
func pathValues(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range mux.Vars(r) {
			r.SetPathValue(k, v)
		}
		h.ServeHTTP(w, r)
	})
}

// routeError answers requests the router has no handler for.
func (s *Server) routeError(err error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { s.fail(w, r, err) })
}

// fail answers r with err: JSON under /api/, an HTML page elsewhere.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	h := func(http.ResponseWriter, *http.Request) error { return err }
	if strings.HasPrefix(r.URL.Path, "/api/") {
		s.api(h).ServeHTTP(w, r)
		return
	}
	s.page(h).ServeHTTP(w, r)
}
