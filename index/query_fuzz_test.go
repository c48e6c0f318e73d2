package index

import (
	"errors"
	"testing"
)

// FuzzParseQuery: any text a person types either parses or is a bad
// query; it never panics, and what parses has terms within the bound.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{`"God och Nära vård"`, "lpo OR rss -avtal", "(a OR (b -c)) datum:2024..2025", ")(", `talare:"Annika Schmitt" datum:2026`, `"`, "OR", "-", "typ:", "”x“"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		pq, err := parseQuery(q)
		if err != nil {
			if !errors.Is(err, ErrBadQuery) {
				t.Fatalf("parseQuery(%q): %v is not ErrBadQuery", q, err)
			}
			return
		}
		n := 0
		pq.terms(func(term) { n++ })
		if n > maxTerms {
			t.Fatalf("parseQuery(%q): %d terms", q, n)
		}
	})
}
