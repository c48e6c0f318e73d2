package index

import (
	"math"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/scorer"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// tfidf is one term's part of a score, as bleve's TF-IDF term scorer
// (scorer.TermQueryScorer) makes it, to the bit. The searchers of our own
// (phrasesearch.go, termsearch.go) replace bleve's inside queries whose
// other parts bleve still scores, so their scores must be bleve's.
type tfidf struct {
	boost  float64
	count  uint64 // items with the term in the field, over the snapshot
	idf    float64
	weight float64 // boost·idf·queryNorm
}

// setCount sets the term's item count and its idf among total items.
func (t *tfidf) setCount(count, total uint64) {
	t.count = count
	t.idf = 1.0 + math.Log(float64(total)/float64(count+1.0))
}

// score is the term's score in a field where it occurs freq times and
// whose norm is norm.
func (t *tfidf) score(freq uint64, norm float64) float64 {
	var tf float64
	if freq < scorer.MaxSqrtCache {
		tf = scorer.SqrtCache[int(freq)]
	} else {
		tf = math.Sqrt(float64(freq))
	}
	sc := tf * norm * t.idf
	if t.weight != 1.0 {
		sc *= t.weight
	}
	return sc
}

// tfidfs are a searcher's terms in bleve's order: rarest first, sorted as
// bleve's conjunction and disjunction sort their searchers, so that
// weights and scores are summed in bleve's order. Embedded in a searcher
// they are its Weight, SetQueryNorm and Count.
type tfidfs []*tfidf

func (ts tfidfs) Weight() float64 {
	var sum float64
	for _, t := range ts {
		x := t.boost * t.idf
		sum += x * x
	}
	return sum
}

func (ts tfidfs) SetQueryNorm(qnorm float64) {
	for _, t := range ts {
		t.weight = t.boost * t.idf * qnorm
	}
}

func (ts tfidfs) Count() uint64 {
	var sum uint64
	for _, t := range ts {
		sum += t.count
	}
	return sum
}

// rarestFirst orders a searcher's terms as bleve's conjunction and
// disjunction order their searchers: sort.Sort by item count, the same
// sort on the same counts, so that scores are summed in bleve's order
// and come out bit for bit the same.
type rarestFirst[T interface{ items() uint64 }] []T

func (r rarestFirst[T]) Len() int           { return len(r) }
func (r rarestFirst[T]) Less(i, j int) bool { return r[i].items() < r[j].items() }
func (r rarestFirst[T]) Swap(i, j int)      { r[i], r[j] = r[j], r[i] }

func (t *tfidf) items() uint64 { return t.count }

// location is a zap location as bleve's term scorer reports it; zap
// reuses its array positions for the next posting, so they are copied.
func location(l segment.Location) search.Location {
	var ap search.ArrayPositions
	if a := l.ArrayPositions(); len(a) > 0 {
		ap = append(ap, a...)
	}
	return search.Location{Pos: l.Pos(), Start: l.Start(), End: l.End(), ArrayPositions: ap}
}
