package server

import (
	"net/url"
	"testing"
)

func TestFacetsAndHighlightNoneParams(t *testing.T) {
	for _, c := range []struct {
		q                     string
		noFacets, noHighlight bool
	}{
		{"q=v", false, false},
		{"q=v&facets=none", true, false},
		{"q=v&facets=all", false, false},
		{"q=v&highlight=none", false, true},
		{"q=v&highlight=none&facets=none", true, true},
		{"q=v&highlight=yes", false, false},
	} {
		v, _ := url.ParseQuery(c.q)
		r, err := searchParams(v)
		if err != nil {
			t.Fatal(err)
		}
		if r.SkipFacets != c.noFacets || r.SkipHighlights != c.noHighlight {
			t.Errorf("%s: SkipFacets, SkipHighlights = %v, %v, want %v, %v", c.q, r.SkipFacets, r.SkipHighlights, c.noFacets, c.noHighlight)
		}
	}
}
