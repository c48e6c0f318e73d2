// Package server is Mötesarkiv's HTTP face: the JSON API under /api/v1/,
// the server-rendered pages, the search for other sites, feeds and
// /healthz.
//
// The server holds an Index (declared here, where it is used) rather than
// a concrete index, so that handlers can be tested over any implementation
// and cmd/motesarkiv decides what backs them; mentions go through a
// Mentioner for the same reason (mentions.go). Handlers return errors; one
// table in errors.go turns them into statuses, so a bad query or parameter
// is always a 400 with a message a person can act on and never a 500.
//
// Routes (routes.go is the only file that knows gorilla/mux):
//
//	GET /api/v1/search          items matching q and filters, with facets (params.go)
//	GET /api/v1/meetings/{id}   one parsed meeting as JSON
//	GET /api/v1/mentions[.csv]  every mention of a search, keyword in context, no cap (export.go)
//	GET /api/v1/suggest         completions as you type, OpenSearch format (suggest.go)
//	GET /healthz                "ok" once the server is up
//	GET /                       the search page (searchpage.go; works without JavaScript)
//	GET /forekomster            every mention, a page at a time (mentionpage.go)
//	GET /tidslinje              a search's items in date order, by meeting (timeline.go)
//	GET /m/{id}                 one meeting, an anchor per item (#punkt-6a), ?q= marks a search
//	GET /m/{id}/original        the file the meeting came from, when one was kept (original.go)
//	GET /m/{id}/text            the meeting as plain text
//	GET /feed.atom              the newest items of a search as Atom (feed.go)
//	GET /embed.js, /embed       the search for an intranet: a web component, an iframe page
//	GET /opensearch.xml         the archive as a browser's search engine
//	GET /static/…               the stylesheet and the search page's script
//
// Every state of a page is in its URL (urls.go). Pages carry a
// Content-Security-Policy without 'unsafe-inline' (headers.go), so the
// templates have no inline script or style and the scripts in static/ are
// files. Requests that a browser marks as coming from another origin are
// refused unless the origin is allowed (cors.go).
//
// Templates, styles and scripts are embedded (assets.go), so the binary
// is the whole deployment.
package server
