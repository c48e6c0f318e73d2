package index

import "github.com/blevesearch/bleve/v2/search/query"

// itemsOnly reports whether q can match item documents only. Only items
// have indexed text and a meeting date, so any word, phrase or date range
// does; what matches everything is a match-all query, alone or as the
// required part of a boolean (a search of only -excluded words). When q
// is items-only, the type filter, a term every item has, need not be
// intersected with it: that intersection walks the postings of every item
// in the archive, and was an eighth of a search's time (see
// docs/performance.md).
func itemsOnly(q query.Query) bool {
	switch q := q.(type) {
	case *query.MatchAllQuery, *query.MatchNoneQuery:
		return false
	case *query.BooleanQuery:
		return q.Must != nil && itemsOnly(q.Must)
	case *query.ConjunctionQuery:
		for _, c := range q.Conjuncts {
			if itemsOnly(c) {
				return true
			}
		}
		return false
	case *query.DisjunctionQuery:
		for _, d := range q.Disjuncts {
			if !itemsOnly(d) {
				return false
			}
		}
		return len(q.Disjuncts) > 0
	}
	return true
}
