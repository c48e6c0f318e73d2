package index

import (
	"context"
	"sort"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// docNumQuery matches the documents with the given numbers in one
// snapshot of the index (global numbers, ascending), scoring nothing:
// the second read of a page (onepass.go) intersects it with the typed
// query to get the page's term locations only.
type docNumQuery struct {
	docs []uint64
}

func newDocNumQuery(docs []uint64) *docNumQuery { return &docNumQuery{docs: docs} }

func (q *docNumQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	return &docNumSearcher{docs: q.docs}, nil
}

type docNumSearcher struct {
	docs []uint64
	next int
}

func (s *docNumSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if s.next >= len(s.docs) {
		return nil, nil
	}
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = index.NewIndexInternalID(dm.IndexInternalID, s.docs[s.next])
	s.next++
	return dm, nil
}

func (s *docNumSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	n := id.Value()
	s.next += sort.Search(len(s.docs)-s.next, func(i int) bool { return s.docs[s.next+i] >= n })
	return s.Next(ctx)
}

func (s *docNumSearcher) Close() error               { return nil }
func (s *docNumSearcher) Weight() float64            { return 0 }
func (s *docNumSearcher) SetQueryNorm(float64)       {}
func (s *docNumSearcher) Count() uint64              { return uint64(len(s.docs)) }
func (s *docNumSearcher) Min() int                   { return 0 }
func (s *docNumSearcher) Size() int                  { return 48 + 8*len(s.docs) }
func (s *docNumSearcher) DocumentMatchPoolSize() int { return 1 }

// onlyDocsKey marks a search that needs only some documents: searchers
// of ours that read a segment at once (phrasesearch.go) read only those.
type onlyDocsKey struct{}

func withOnlyDocs(ctx context.Context, docs []uint64) context.Context {
	return context.WithValue(ctx, onlyDocsKey{}, docs)
}

// onlyDocs are the documents a search needs, ascending; nil: all.
func onlyDocs(ctx context.Context) []uint64 {
	docs, _ := ctx.Value(onlyDocsKey{}).([]uint64)
	return docs
}
