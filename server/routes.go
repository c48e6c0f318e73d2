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
	r.HandleFunc("/healthz", healthz).Methods(get...)
	r.Handle("/", s.page(s.searchPage)).Methods(get...)
	r.Handle("/m/{id}", s.page(s.meetingPage)).Methods(get...)
	r.PathPrefix("/static/").Handler(staticHandler()).Methods(get...)

	r.NotFoundHandler = s.routeError(errNoRoute)
	r.MethodNotAllowedHandler = s.routeError(errBadMethod)
	return s.middleware(r)
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

// routeError answers requests the router has no handler for: JSON under
// /api/, an HTML page elsewhere.
func (s *Server) routeError(err error) http.Handler {
	fail := func(http.ResponseWriter, *http.Request) error { return err }
	api, page := s.api(fail), s.page(fail)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			api.ServeHTTP(w, r)
			return
		}
		page.ServeHTTP(w, r)
	})
}
