package server

import (
	"net/http"
	"net/url"
	"slices"
)

// Every state of a page is in its URL, so that a search can be bookmarked
// and shared; the functions here derive one page's URLs from another's.

// urlOf is path with the parameters q; url.Values.Encode sorts them, so
// one state always has one URL.
func urlOf(path string, q url.Values) string {
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// stateNames are the parameters that say what is searched; paging, order
// and page size belong to one view of it.
var stateNames = append([]string{"q", "from", "to"}, filterNames...)

// searchState keeps what q searches for and drops how it is shown, for
// links from one view of a search to another (the mention list, the feed).
func searchState(q url.Values) url.Values {
	out := url.Values{}
	for _, name := range stateNames {
		if vs := values(q, name); len(vs) > 0 {
			out[name] = vs
		}
	}
	return out
}

func cloneValues(q url.Values) url.Values {
	out := make(url.Values, len(q))
	for k, v := range q {
		out[k] = slices.Clone(v)
	}
	return out
}

// without returns q less the parameters named.
func without(q url.Values, names ...string) url.Values {
	out := cloneValues(q)
	for _, n := range names {
		out.Del(n)
	}
	return out
}

// baseURL is the scheme and host the request was made to, for the
// absolute links that feeds, OpenSearch and exports need. A proxy that
// ends TLS says so in X-Forwarded-Proto; only its two values are taken.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
