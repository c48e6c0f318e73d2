package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
)

// Occurrence is one item that matches a request, with the places in its
// text where the query matched: what a mention list, keyword-in-context
// view or a highlighted meeting page is built from. Its Hit carries no
// highlights.
type Occurrence struct {
	Hit
	Matches []FieldMatch
}

// FieldMatch is one value of a text field of the item (a field such as
// decisions holds several) and the byte spans in it that matched.
type FieldMatch struct {
	Field string // "title", "body", "decisions", "speakers", "participants"
	Index int    // which value of the field, for fields with several
	Text  string
	Spans []Span // sorted, not overlapping
}

// Span is a half-open byte range [Start, End) of a field's text.
type Span struct{ Start, End int }

// occurrenceFields are the text fields whose matches an Occurrence
// reports, in the order a reader meets them. kind_text and organ_text are
// left out: a match there says what the item is, not what it says.
var occurrenceFields = []string{fieldTitle, fieldBody, fieldDecisions, fieldSpeakers, fieldParticipants}

// occurrenceStored are the stored fields an Occurrence is made of.
var occurrenceStored = append(slices.Clone(hitFields), fieldBody, fieldSpeakers, fieldParticipants)

// walkBatch is how many items one round of Occurrences fetches; a
// variable so that a test can make rounds small. Every round runs the
// query again over all hits, so fewer rounds are faster: the phrase's
// 1,343 mentions in 100k items took 90 ms in rounds of 500, 70 ms in
// rounds of 2,000, 66 ms in rounds of 5,000 (docs/performance.md). A
// round holds its items' texts in memory: at 1M items, eight exports at
// once in rounds of 5,000 took the Go heap to 784 MB, so 2,000.
var walkBatch = 2000

// ErrStop may be returned by the function given to Occurrences to end the
// walk early; Occurrences then returns nil.
var ErrStop = errors.New("stop")

// Occurrences calls fn for every item that matches r, oldest meeting
// first and in agenda order within a meeting, with no cap. r's Sort, Page
// and Size are ignored.
func (ix *Index) Occurrences(ctx context.Context, r Request, fn func(Occurrence) error) error {
	return ix.walk(ctx, r, occurrenceStored, true, func(dm *search.DocumentMatch) error { return fn(newOccurrence(dm)) })
}

// walk calls fn for every item that matches r in date and agenda order,
// with the stored fields named (and the match locations, if asked for).
// Unlike Search, which pages with an offset and stops at a depth, it
// continues each round after the last item of the one before, so it has
// no cap. fn may return ErrStop to end the walk early; walk then returns
// nil.
func (ix *Index) walk(ctx context.Context, r Request, fields []string, locations bool, fn func(*search.DocumentMatch) error) error {
	r, err := walkRequest(r)
	if err != nil {
		return err
	}
	if ok, err := ix.walkOnePass(ctx, r, fields, locations, fn); ok || err != nil {
		return err
	}
	base, err := ix.baseQuery(r)
	if err != nil {
		return err
	}
	q := withFilters(base, filterQueries(r.Filters), "")
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(q, walkBatch, 0, false)
		req.Fields = fields
		req.IncludeLocations = locations
		// _id last makes the order total, which continuing after a hit needs.
		req.SortBy([]string{fieldMeetingDate, fieldMeetingID, fieldPos, "_id"})
		if after != nil {
			req.SetSearchAfter(after)
		}
		res, err := ix.bleve.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("walk %q: %w", r.Query, err)
		}
		for _, dm := range res.Hits {
			if err := fn(dm); err != nil {
				if errors.Is(err, ErrStop) {
					return nil
				}
				return err
			}
		}
		if len(res.Hits) < walkBatch {
			return nil
		}
		after = res.Hits[len(res.Hits)-1].Sort
	}
}

// walkRequest is r as a walk reads it: in date order, not paged.
func walkRequest(r Request) (Request, error) {
	r.Sort, r.Page, r.Size = SortDate, 1, 1
	return normalise(r)
}

func newOccurrence(dm *search.DocumentMatch) Occurrence {
	o := Occurrence{Hit: newHit(dm)}
	for _, field := range occurrenceFields {
		o.Matches = append(o.Matches, fieldMatches(field, strs(dm.Fields[field]), dm.Locations[field])...)
	}
	return o
}

// fieldMatches groups a field's term locations by the value they are in.
// Spans outside the stored text are dropped rather than trusted: the
// text and the locations come from the same document, so none should be.
func fieldMatches(field string, texts []string, locs search.TermLocationMap) []FieldMatch {
	spans := map[int][]Span{}
	for _, ls := range locs {
		for _, l := range ls {
			i := 0
			if len(l.ArrayPositions) > 0 {
				i = int(l.ArrayPositions[0])
			}
			if i < len(texts) && int(l.End) <= len(texts[i]) && l.Start < l.End {
				spans[i] = append(spans[i], Span{int(l.Start), int(l.End)})
			}
		}
	}
	var out []FieldMatch
	for i, text := range texts {
		if s := mergeSpans(spans[i]); len(s) > 0 {
			out = append(out, FieldMatch{Field: field, Index: i, Text: text, Spans: s})
		}
	}
	return out
}

// mergeSpans sorts spans and joins those that overlap, as the words of a
// compound and the compound itself, or a synonym, may cover the same text.
func mergeSpans(s []Span) []Span {
	slices.SortFunc(s, func(a, b Span) int { return cmp.Or(a.Start-b.Start, a.End-b.End) })
	var out []Span
	for _, sp := range s {
		if n := len(out); n > 0 && sp.Start < out[n-1].End {
			out[n-1].End = max(out[n-1].End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}
