package index

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Request is one search: a query in the query language, filters and paging.
// Values of one filter combine with OR, different filters with AND.
type Request struct {
	Query   string
	From    time.Time // zero: no lower bound; inclusive
	To      time.Time // zero: no upper bound; inclusive (the whole day)
	Filters Filters
	Sort    string // SortRelevance, SortDate or SortDateDesc
	Page    int    // from 1
	Size    int    // hits per page; clamped to MaxSize
	// SkipFacets counts no facets, for a client that shows none: counting
	// reads every hit's facet values and is most of a broad search.
	SkipFacets bool
	// SkipHighlights marks no matches in the hits, for a client that
	// shows titles only: highlighting reads the page's whole texts and
	// the places where they match.
	SkipHighlights bool
}

// Filters are facet values the hits must have, by facet name.
type Filters struct {
	Kind     []string
	Speaker  []string
	Organ    []string
	Year     []string // "2026"
	Month    []string // "2026-04"
	Decision []string // "true" / "false"
	Dnr      []string // exact
}

// Sort orders.
const (
	SortRelevance = "relevance"
	SortDate      = "date"
	SortDateDesc  = "-date"
)

// Page sizes.
const (
	DefaultSize = 20
	MaxSize     = 100
)

// Result is one page of hits with facet counts over all hits.
type Result struct {
	Total  uint64                  `json:"total"`
	TookMS float64                 `json:"took_ms"`
	Hits   []Hit                   `json:"hits"`
	Facets map[string][]FacetValue `json:"facets"`
	// DidYouMean is the query with its misspelt words corrected, when the
	// index lacks a word of it and has one near ("menade du").
	DidYouMean string `json:"did_you_mean,omitempty"`
	// Fuzzy says the query as typed found nothing and these hits are of
	// the words near it (didyoumean.go).
	Fuzzy bool `json:"fuzzy"`
}

// Hit is one matching item with its meeting.
type Hit struct {
	MeetingID   string              `json:"meeting_id"`
	MeetingDate string              `json:"meeting_date"`
	Organ       string              `json:"organ"`
	Item        string              `json:"item"` // "6a", or "6"
	Kind        string              `json:"kind"`
	Title       string              `json:"title"`
	Speakers    []string            `json:"speakers"`
	Decisions   []string            `json:"decisions"`
	Score       float64             `json:"score"`
	Highlights  map[string][]string `json:"highlights"` // HTML-escaped, matches in <mark>
	URL         string              `json:"url"`        // /m/{meeting_id}#punkt-{item}
	Fuzzy       bool                `json:"fuzzy"`      // found by the fuzzy fallback, not by the words as typed
}

// FacetValue is one value of a facet and how many hits have it.
type FacetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// maxDepth bounds how far paging may go: bleve collects page*size hits
// to serve the last page, and no person pages that far.
const maxDepth = 10000

// Search runs a request. A malformed query or request is an error that
// wraps ErrBadQuery and says what is wrong.
func (ix *Index) Search(ctx context.Context, r Request) (*Result, error) {
	start := time.Now()
	r, err := normalise(r)
	if err != nil {
		return nil, err
	}
	res, err := ix.search(ctx, r, nil)
	if err != nil || !ix.prof.ours || strings.TrimSpace(r.Query) == "" {
		return res, err
	}
	if res, err = ix.forgiveTypos(ctx, r, res); err != nil {
		return nil, err
	}
	res.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return res, nil
}

// forgiveTypos adds the "menade du" suggestion and, when the query found
// nothing, searches the words near its words instead.
func (ix *Index) forgiveTypos(ctx context.Context, r Request, res *Result) (*Result, error) {
	pq, err := parseQuery(r.Query)
	if err != nil {
		return nil, err
	}
	vocab, err := ix.cachedVocabulary()
	if err != nil {
		return nil, err
	}
	words := queryWords(pq)
	nb := newNeighbourhood(vocab)
	res.DidYouMean = didYouMean(r.Query, words, nb)
	if res.Total > 0 {
		return res, nil
	}
	fuzzy := fuzzyWords(words, nb)
	if len(fuzzy) == 0 {
		return res, nil
	}
	fres, err := ix.search(ctx, r, fuzzy)
	if err != nil || fres.Total == 0 {
		return res, err
	}
	fres.DidYouMean, fres.Fuzzy = res.DidYouMean, true
	for i := range fres.Hits {
		fres.Hits[i].Fuzzy = true
	}
	return fres, nil
}

// search runs a normalised request; fuzzy, when not nil, widens each
// word to the index's words near it.
func (ix *Index) search(ctx context.Context, r Request, fuzzy map[string][]string) (*Result, error) {
	start := time.Now()
	text, err := ix.textQuery(r, fuzzy)
	if err != nil {
		return nil, err
	}
	if res, ok, err := ix.onePass(ctx, r, text); err != nil || ok {
		if res != nil {
			res.TookMS = float64(time.Since(start).Microseconds()) / 1000
		}
		return res, err
	}
	base := withDateRange(r, text)
	filters := filterQueries(r.Filters)
	req := bleve.NewSearchRequestOptions(withFilters(base, filters, ""), r.Size, (r.Page-1)*r.Size, false)
	req.Fields = append(hitFields[:len(hitFields):len(hitFields)], fieldPos)
	if !r.SkipHighlights {
		req.Highlight = bleve.NewHighlightWithStyle(html.Name)
		req.Highlight.Fields = highlightFields
	}
	req.SortBy(sortOrder(r.Sort))
	// Facets are counted in a pass of their own over the hits
	// (facetcount.go), except when no facet is filtered on and the query
	// has a phrase: then bleve counts them while it finds the hits, since
	// a phrase costs more to search again than its facets cost to count.
	inPass := !r.SkipFacets && noFacetFilter(r.Filters) && hasPhrase(base)
	if inPass {
		for _, fc := range facets {
			req.AddFacet(fc.name, bleve.NewFacetRequest(fc.field, fc.size))
		}
	}
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", r.Query, err)
	}
	out := &Result{Total: res.Total, Hits: []Hit{}, Facets: map[string][]FacetValue{}}
	switch {
	case inPass:
		for _, fc := range facets {
			out.Facets[fc.name] = facetValues(fc, res.Facets[fc.name])
		}
	case !r.SkipFacets:
		if out.Facets, err = ix.countFacets(ctx, base, r.Filters); err != nil {
			return nil, err
		}
	}
	if r.Sort == SortRelevance {
		tieBreak(res.Hits)
	}
	for _, dm := range res.Hits {
		out.Hits = append(out.Hits, newHit(dm))
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// baseQuery is the typed query and the date range: what every facet is
// counted over before filters.
func (ix *Index) baseQuery(r Request, fuzzy ...map[string][]string) (query.Query, error) {
	var near map[string][]string
	if len(fuzzy) > 0 {
		near = fuzzy[0]
	}
	text, err := ix.textQuery(r, near)
	if err != nil {
		return nil, err
	}
	return withDateRange(r, text), nil
}

// textQuery is the typed query; fuzzy, when not nil, widens each word to
// the index's words near it.
func (ix *Index) textQuery(r Request, fuzzy map[string][]string) (query.Query, error) {
	pq, err := parseQuery(r.Query)
	if err != nil {
		return nil, err
	}
	c := compiler{prof: ix.prof, analyzer: ix.bleve.Mapping().AnalyzerNamed(ix.prof.analyzer), fuzzy: fuzzy}
	return c.compile(pq)
}

// withDateRange is text within the request's date range, and items only.
func withDateRange(r Request, text query.Query) query.Query {
	qs := []query.Query{text}
	if !r.From.IsZero() || !r.To.IsZero() {
		qs = append(qs, dateRange(r.From, r.To))
	}
	q := bleve.NewConjunctionQuery(qs...)
	if !itemsOnly(q) {
		q.AddQuery(typeQuery(typeItem))
	}
	return q
}

// normalise fills defaults and refuses what cannot be served.
func normalise(r Request) (Request, error) {
	if r.Page == 0 {
		r.Page = 1
	}
	if r.Size == 0 {
		r.Size = DefaultSize
	}
	r.Size = min(r.Size, MaxSize)
	switch {
	case r.Page < 0:
		return r, badQuery("page must be 1 or more, not %d", r.Page)
	case r.Size < 0:
		return r, badQuery("size must be 1 or more, not %d", r.Size)
	case r.Page*r.Size > maxDepth:
		return r, badQuery("page %d is too deep: at most %d hits can be paged through; narrow the search", r.Page, maxDepth)
	case !r.From.IsZero() && !r.To.IsZero() && r.From.After(r.To):
		return r, badQuery("from (%s) is after to (%s)", r.From.Format(time.DateOnly), r.To.Format(time.DateOnly))
	}
	if r.Sort == "" {
		r.Sort = SortRelevance
	}
	if sortOrder(r.Sort) == nil {
		return r, badQuery("sort must be %s, %s or %s, not %q", SortRelevance, SortDate, SortDateDesc, r.Sort)
	}
	return r, nil
}

// sortOrder is bleve's sort for one of ours; items of one meeting keep
// their agenda order, and equal scores put the newer meeting first.
func sortOrder(s string) []string {
	switch s {
	case SortRelevance:
		return relevanceSort // and tieBreak on the page
	case SortDate:
		return []string{fieldMeetingDate, fieldPos}
	case SortDateDesc:
		return []string{"-" + fieldMeetingDate, fieldPos}
	}
	return nil
}
