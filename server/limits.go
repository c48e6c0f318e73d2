package server

import (
	"net/http"
	"net/url"
	"unicode/utf8"
)

// Limits on a search request, beyond the index's own (at most 64 terms
// and 8 levels of parentheses in a query, page depth, page size): a
// request over them is answered 400 rather than searched slowly.
const (
	maxQueryLen     = 1000 // characters of q
	maxFilterValues = 50   // values of all filters together
)

// checkLimits refuses a request that asks for more than a search should.
func checkLimits(v url.Values) error {
	if n := utf8.RuneCountInString(v.Get("q")); n > maxQueryLen {
		return badParam("q", "Sökfrågan är för lång. Korta den till högst 1000 tecken.",
			"the query is %d characters long, at most %d", n, maxQueryLen)
	}
	n := 0
	for _, name := range filterNames {
		n += len(v[name])
	}
	if n > maxFilterValues {
		return badParam("filters", "Sökningen har för många filter. Välj högst 50.",
			"%d filter values, at most %d", n, maxFilterValues)
	}
	return nil
}

// wellFormedQuery refuses a request whose query string does not parse
// ("q=%zz"). net/url drops such a pair silently, so the handler would
// answer a search with no query — every item — as if that were asked.
func (s *Server) wellFormedQuery(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := url.ParseQuery(r.URL.RawQuery); err != nil {
			s.fail(w, r, badParam("query string",
				"Adressens parametrar är trasiga (ett % som inte följs av två hexadecimala tecken).",
				"the query string does not parse: %v", err))
			return
		}
		h.ServeHTTP(w, r)
	})
}
