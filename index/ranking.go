package index

import (
	"sort"

	"github.com/blevesearch/bleve/v2/search"
)

// Relevance is sorted by score in bleve and by meeting date and agenda
// order only among equal scores on the page. Asking bleve for the three
// keys made it read the date and position doc values of every hit, not
// only of the page: for a word in 2,000 of 100,000 items that was 5.6 of
// a search's 14 ms (docs/performance.md). Equal scores are rare and the
// page is what a person sees; across a page boundary, equal scores keep
// bleve's order, which is stable for one state of the index.
var relevanceSort = []string{"-_score"}

// tieBreak orders hits of equal score newest meeting first, then in
// agenda order.
func tieBreak(hits search.DocumentMatchCollection) {
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if da, db := str(a.Fields[fieldMeetingDate]), str(b.Fields[fieldMeetingDate]); da != db {
			return da > db
		}
		pa, _ := a.Fields[fieldPos].(float64)
		pb, _ := b.Fields[fieldPos].(float64)
		return pa < pb
	})
}
