package index

import (
	"context"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
)

// TestSearchStoredAgreesWithBleve: hits with the fields and highlights
// storedIndex loads are bleve's own, value for value.
func TestSearchStoredAgreesWithBleve(t *testing.T) {
	ix := mixedIndex(t) // several segments, deleted documents
	occurrence := append(append([]string{}, hitFields...), fieldBody, fieldSpeakers, fieldParticipants)
	for _, tc := range []struct {
		query     string
		size      int
		fields    []string
		highlight bool
		locations bool
		sort      []string
	}{
		{query: "vård", size: 20, fields: append(hitFields, fieldPos), highlight: true},
		{query: `"God och Nära vård"`, size: 100, fields: hitFields, highlight: true},
		{query: "avtal", size: 50, fields: occurrence, locations: true, sort: []string{fieldMeetingDate, fieldMeetingID, fieldPos, "_id"}},
		{query: "att", size: 2000, fields: append([]string{fieldPos}, decisionFields...), sort: []string{fieldMeetingDate, fieldMeetingID, fieldPos, "_id"}},
		{query: "vård", size: 10, highlight: true},
		{query: "nomatchwordatall", size: 10, fields: hitFields, highlight: true},
	} {
		r, err := normalise(Request{Query: tc.query})
		if err != nil {
			t.Fatal(err)
		}
		q, err := ix.baseQuery(r)
		if err != nil {
			t.Fatal(err)
		}
		req := func() *bleve.SearchRequest {
			req := bleve.NewSearchRequestOptions(q, tc.size, 0, false)
			req.Fields = tc.fields
			req.IncludeLocations = tc.locations
			if tc.highlight {
				req.Highlight = bleve.NewHighlightWithStyle(html.Name)
				req.Highlight.Fields = highlightFields
			}
			if tc.sort != nil {
				req.SortBy(tc.sort)
			}
			return req
		}
		want, err := ix.bleve.(storedIndex).bleveIndex.SearchInContext(context.Background(), req())
		if err != nil {
			t.Fatal(err)
		}
		got, err := ix.bleve.SearchInContext(context.Background(), req())
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
			t.Fatalf("%q: %d hits of %d, want %d of %d", tc.query, len(got.Hits), got.Total, len(want.Hits), want.Total)
		}
		for i, g := range got.Hits {
			w := want.Hits[i]
			if g.ID != w.ID || g.Score != w.Score || !reflect.DeepEqual(g.Sort, w.Sort) ||
				!reflect.DeepEqual(g.Fields, w.Fields) || !reflect.DeepEqual(g.Fragments, w.Fragments) ||
				!reflect.DeepEqual(g.Locations, w.Locations) {
				t.Errorf("%q, hit %d:\n got %s %v %v %v\nwant %s %v %v %v", tc.query, i,
					g.ID, g.Fields, g.Fragments, g.Sort, w.ID, w.Fields, w.Fragments, w.Sort)
			}
		}
	}
}

// TestSearchStoredWhileWriting: while batches replace meetings, a hit's
// stored fields are still its own document's (the snapshot check).
func TestSearchStoredWhileWriting(t *testing.T) {
	if testing.Short() {
		t.Skip("writes for a while")
	}
	ix := mixedIndex(t) // several segments, deleted documents
	ms := benchMeetings(t)
	stop, written := make(chan struct{}), make(chan error)
	go func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				written <- nil
				return
			default:
			}
			part := ms[i%8*10 : i%8*10+10]
			for _, m := range part {
				m.Source.SHA256 += "-again"
			}
			if _, err := ix.PutAll(part); err != nil {
				written <- err
				return
			}
		}
	}()
	for range 300 {
		err := ix.walk(context.Background(), Request{Query: "vård"}, hitFields, true, func(dm *search.DocumentMatch) error {
			if id := itemID(str(dm.Fields[fieldMeetingID]), str(dm.Fields[fieldItem])); id != dm.ID {
				t.Errorf("hit %s has the fields of %s", dm.ID, id)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	if err := <-written; err != nil {
		t.Fatal(err)
	}
}
