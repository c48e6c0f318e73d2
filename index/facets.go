package index

import (
	"slices"
	"sort"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// facet is a keyword field people narrow a search by. Every search counts
// every facet; Filters holds the values chosen.
type facet struct {
	name   string // key in Result.Facets and the filter's parameter name
	field  string
	size   int // the most values counted
	chosen func(Filters) []string
	order  func([]FacetValue) []FacetValue
}

var facets = []facet{
	{"kind", fieldKind, 50, func(f Filters) []string { return f.Kind }, byCount},
	{"speaker", fieldSpeaker, 500, func(f Filters) []string { return f.Speaker }, byCount},
	{"organ", fieldOrgan, 200, func(f Filters) []string { return f.Organ }, byCount},
	{"year", fieldYear, 500, func(f Filters) []string { return f.Year }, byValue},
	{"month", fieldMonth, 6000, func(f Filters) []string { return f.Month }, monthSpan},
	{"decision", fieldDecision, 2, func(f Filters) []string { return f.Decision }, byCount},
}

// filterQueries are the queries of the chosen facet values, by facet
// name, and the dnr filter, which is not a facet.
func filterQueries(f Filters) map[string]query.Query {
	out := map[string]query.Query{}
	for _, fc := range facets {
		if vs := fc.chosen(f); len(vs) > 0 {
			out[fc.name] = keywordQuery(fc.field, vs)
		}
	}
	if len(f.Dnr) > 0 {
		out["dnr"] = keywordQuery(fieldDnr, f.Dnr)
	}
	return out
}

// withFilters is base AND every filter but the one named except, so
// that a facet is counted as if its own values were not chosen: after
// choosing one speaker, the others still show what choosing them would
// give (disjunctive faceting).
func withFilters(base query.Query, filters map[string]query.Query, except string) query.Query {
	qs := []query.Query{base}
	for name, q := range filters {
		if name != except {
			qs = append(qs, q)
		}
	}
	return bleve.NewConjunctionQuery(qs...)
}

// noFacetFilter reports whether no facet value is chosen.
func noFacetFilter(f Filters) bool {
	for _, fc := range facets {
		if len(fc.chosen(f)) > 0 {
			return false
		}
	}
	return true
}

// facetValues are the values of a facet bleve counted.
func facetValues(fc facet, fr *search.FacetResult) []FacetValue {
	out := []FacetValue{}
	if fr != nil && fr.Terms != nil {
		for _, t := range fr.Terms.Terms() {
			out = append(out, FacetValue{Value: t.Term, Count: t.Count})
		}
	}
	return fc.order(out)
}

// hasPhrase reports whether q searches a phrase anywhere.
func hasPhrase(q query.Query) bool {
	switch q := q.(type) {
	case *phraseQuery, *query.PhraseQuery, *query.MultiPhraseQuery, *query.MatchPhraseQuery:
		return true
	case *query.BooleanQuery:
		return hasPhrase(q.Must) || hasPhrase(q.Should) || hasPhrase(q.MustNot)
	case *query.ConjunctionQuery:
		return slices.ContainsFunc(q.Conjuncts, hasPhrase)
	case *query.DisjunctionQuery:
		return slices.ContainsFunc(q.Disjuncts, hasPhrase)
	}
	return false
}

func byCount(vs []FacetValue) []FacetValue {
	sort.SliceStable(vs, func(i, j int) bool {
		if vs[i].Count != vs[j].Count {
			return vs[i].Count > vs[j].Count
		}
		return vs[i].Value < vs[j].Value
	})
	return vs
}

func byValue(vs []FacetValue) []FacetValue {
	sort.Slice(vs, func(i, j int) bool { return vs[i].Value < vs[j].Value })
	return vs
}

// monthSpan sorts the month counts and fills the months between the
// first and the last hit with zeros, so the histogram shows the gaps.
func monthSpan(vs []FacetValue) []FacetValue {
	byValue(vs)
	if len(vs) < 2 {
		return vs
	}
	first, err1 := time.Parse(monthLayout, vs[0].Value)
	last, err2 := time.Parse(monthLayout, vs[len(vs)-1].Value)
	if err1 != nil || err2 != nil {
		return vs
	}
	counts := map[string]int{}
	for _, v := range vs {
		counts[v.Value] = v.Count
	}
	var filled []FacetValue
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		key := m.Format(monthLayout)
		filled = append(filled, FacetValue{Value: key, Count: counts[key]})
	}
	return filled
}

const monthLayout = "2006-01"
