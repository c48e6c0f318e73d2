// Package server is Mötesarkiv's HTTP face: the JSON API under /api/v1/,
// the server-rendered search and meeting pages, and /healthz.
//
// The server holds an Index (declared here, where it is used) rather than
// a concrete index, so that handlers can be tested over any implementation
// and cmd/motesarkiv decides what backs them. Handlers return errors; one
// table in errors.go turns them into statuses, so a bad query or parameter
// is always a 400 with a message a person can act on and never a 500.
//
// Routes (routes.go is the only file that knows gorilla/mux):
//
//	GET /api/v1/search          items matching q and filters, with facets (params.go)
//	GET /api/v1/meetings/{id}   one parsed meeting as JSON
//	GET /healthz                "ok" once the server is up
//	GET /                       the search page (works without JavaScript)
//	GET /m/{id}                 one meeting, an anchor per item (#punkt-6a)
//	GET /static/…               the page's stylesheet
//
// Templates and styles are embedded (assets.go), so the binary is the
// whole deployment.
package server
