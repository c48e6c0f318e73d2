package index

import (
	"fmt"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// TestFieldsTermSearcherAgreesWithBleve: one term in several fields must
// give what bleve's disjunction of term queries gives, hit for hit,
// score for score (to the bit) and location for location, alone and
// where a conjunction advances it, on an index of several segments with
// deleted documents.
func TestFieldsTermSearcherAgreesWithBleve(t *testing.T) {
	ix := mixedIndex(t)
	terms := []string{
		"vård",         // in most items, in several fields
		"kommun",       // common in the Göteborg protocols
		"hemsjukvård",  // in a few
		"schmitt",      // a speaker: speakers and participants only
		"=nära",        // an exact term
		"inteettordxy", // in none
	}
	fieldSets := map[string][]textFieldBoost{
		"text fields": textFields,
		"two":         {{fieldBody, 1}, {fieldTitle, 3}},
	}
	shapes := map[string]func(q query.Query) query.Query{
		"alone":      func(q query.Query) query.Query { return q },
		"and a word": func(q query.Query) query.Query { return bleve.NewConjunctionQuery(q, termIn("avtal", fieldBody)) },
		"after a phrase": func(q query.Query) query.Query {
			return bleve.NewConjunctionQuery(bleve.NewPhraseQuery([]string{"=nära", "=vård"}, fieldBody), q)
		},
		"or another word": func(q query.Query) query.Query { return bleve.NewDisjunctionQuery(q, termIn("budget", fieldBody)) },
	}
	hits := 0
	for fname, fields := range fieldSets {
		for sname, shape := range shapes {
			for _, term := range terms {
				t.Run(fmt.Sprintf("%s/%s/%s", fname, sname, term), func(t *testing.T) {
					q := &fieldsTermQuery{term: term, fields: fields}
					hits += sameHits(t, everyHit(t, ix, shape(q)), everyHit(t, ix, shape(q.bleveQuery())))
				})
			}
		}
	}
	if hits < 500 {
		t.Fatalf("only %d hits over all cases: the comparison says little", hits)
	}
}
