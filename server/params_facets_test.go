package server

import (
	"net/url"
	"testing"
)

func TestFacetsNoneParam(t *testing.T) {
	for q, want := range map[string]bool{"q=v": false, "q=v&facets=none": true, "q=v&facets=all": false} {
		v, _ := url.ParseQuery(q)
		r, err := searchParams(v)
		if err != nil {
			t.Fatal(err)
		}
		if r.SkipFacets != want {
			t.Errorf("%s: SkipFacets = %v, want %v", q, r.SkipFacets, want)
		}
	}
}
