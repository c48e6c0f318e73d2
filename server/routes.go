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
	r := s.router()
	return s.middleware(s.metrics.instrument(securityHeaders(s.cors(s.readAccess(s.wellFormedQuery(r))))))
}

// router is the routes without the middleware; the OpenAPI test walks it.
func (s *Server) router() *mux.Router {
	r := mux.NewRouter()
	r.Use(pathValues, routeTemplate)
	get := []string{http.MethodGet, http.MethodHead}

	r.Handle("/api/v1/search", s.api(s.search)).Methods(get...)
	r.Handle("/api/v1/meetings/{id}", s.api(s.meeting)).Methods(get...)
	r.Handle("/api/v1/mentions", s.api(s.mentionsAPI)).Methods(get...)
	r.Handle("/api/v1/mentions.csv", s.api(s.mentionsCSV)).Methods(get...)
	r.Handle("/api/v1/suggest", s.api(s.suggest)).Methods(get...)
	r.Handle("/api/v1/decisions", s.api(s.decisions)).Methods(get...)   // decisions.go
	r.Handle("/api/v1/meetings", s.api(s.meetingsList)).Methods(get...) // meetings_list.go
	r.Handle("/api/v1/openapi.json", s.api(openAPI)).Methods(get...)    // openapi.go
	r.HandleFunc("/healthz", healthz).Methods(get...)
	// Issue 7: writes (documents.go, auth.go), readiness and metrics.
	r.Handle("/api/v1/documents", s.api(s.writeAccess(s.uploadDocuments))).Methods(http.MethodPost)
	r.Handle("/api/v1/meetings/{id}", s.api(s.writeAccess(s.deleteMeeting))).Methods(http.MethodDelete)
	r.Handle("/readyz", s.api(s.readyz)).Methods(get...)
	r.Handle("/metrics", s.metrics.handler()).Methods(get...)

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
	return r
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

// routeTemplate tells the metrics the route a request matched
// ("/m/{id}"), so that request series are counted per route, not per path.
func routeTemplate(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if t, err := mux.CurrentRoute(r).GetPathTemplate(); err == nil {
			setRoute(r, t)
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

// route is one route of the router, as the OpenAPI test sees it: a path
// template ("/m/{id}"), or a prefix ("/static/"), and its methods.
type route struct {
	path    string
	prefix  bool
	methods []string
}

// routes lists the router's routes (mux.Router.Walk).
func (s *Server) routes() ([]route, error) {
	var out []route
	err := s.router().Walk(func(rt *mux.Route, _ *mux.Router, _ []*mux.Route) error {
		path, err := rt.GetPathTemplate()
		if err != nil {
			return err
		}
		methods, _ := rt.GetMethods() // none: every method
		prefix := strings.HasSuffix(path, "/") && path != "/"
		out = append(out, route{path: path, prefix: prefix, methods: methods})
		return nil
	})
	return out, err
}
