package index

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"motesarkiv/ingest"
)

// TestPhraseSearcherAgreesWithBleve: our phrase searcher must give what
// bleve's PhraseQuery gives, hit for hit, score for score (to the bit)
// and location for location, alone and inside the disjunctions and
// conjunctions the compiler builds (which call Advance), on an index of
// several segments with deleted documents.
func TestPhraseSearcherAgreesWithBleve(t *testing.T) {
	ix := mixedIndex(t)

	phrases := [][]string{
		exactTerms("God och Nära vård"),
		exactTerms("nära vård"),
		exactTerms("och att"),                    // two of the commonest words
		exactTerms("kommunfullmäktige beslutar"), // Göteborg only
		exactTerms("vård och vård"),              // a word twice
		exactTerms("inte finns här alls"),        // no hit
		{"", "vård"},                             // a leading empty slot
		{"nära", "", "vård"},                     // an empty slot inside
		{"=god", "=och", "=nära", "=vårdxyz"},    // a word the index lacks
	}
	build := func(terms []string, field string, ours bool) query.Query {
		if ours {
			return newPhraseQuery(terms, field)
		}
		return bleve.NewPhraseQuery(terms, field)
	}
	shapes := map[string]func(terms []string, ours bool) query.Query{
		"body": func(terms []string, ours bool) query.Query { return build(terms, fieldBody, ours) },
		"every field, boosted": func(terms []string, ours bool) query.Query {
			var qs []query.Query
			for _, f := range textFields {
				q := build(terms, f.name, ours).(query.BoostableQuery)
				q.SetBoost(f.boost)
				qs = append(qs, q.(query.Query))
			}
			return bleve.NewDisjunctionQuery(qs...)
		},
		"and a word": func(terms []string, ours bool) query.Query {
			return bleve.NewConjunctionQuery(build(terms, fieldBody, ours), termIn("kommun", fieldBody))
		},
		"and a rare word": func(terms []string, ours bool) query.Query {
			return bleve.NewConjunctionQuery(termIn("hemsjukvård", fieldBody), build(terms, fieldBody, ours))
		},
	}
	hitsTotal := 0
	for name, shape := range shapes {
		for _, terms := range phrases {
			t.Run(fmt.Sprintf("%s/%v", name, terms), func(t *testing.T) {
				hitsTotal += sameHits(t, everyHit(t, ix, shape(terms, true)), everyHit(t, ix, shape(terms, false)))
			})
		}
	}
	if hitsTotal < 100 {
		t.Fatalf("only %d hits over all cases: the comparison says little", hitsTotal)
	}
}

// mixedIndex is the seeds' 80 copies and four Göteborg protocols in
// three batches, with a meeting replaced: several segments and deleted
// documents.
func mixedIndex(t *testing.T) *Index {
	t.Helper()
	ix, err := Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	ms := benchMeetings(t)
	for _, f := range []string{"kf-2023-02-23.txt", "kf-2023-10-12.txt", "kf-2024-09-12.txt", "kf-2026-02-26.txt"} {
		m, err := ingest.ReadFile(filepath.Join("..", "testdata", f), ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	for _, part := range [][]*ingest.Meeting{ms[:30], ms[30:55], ms[55:]} {
		if _, err := ix.PutAll(part); err != nil {
			t.Fatal(err)
		}
	}
	changed := *ms[3]
	changed.Source.SHA256 += "-changed"
	changed.Items = changed.Items[2:]
	if out, err := ix.Put(&changed); err != nil || out != Replaced {
		t.Fatalf("Put = %v, %v", out, err)
	}
	// A merge renumbers documents, and among equal scores the order of
	// hits is the documents' order: two searches compared must see one
	// state of the index.
	if err := ix.Settle(t.Context(), time.Second); err != nil {
		t.Fatal(err)
	}
	return ix
}

// sameHits fails t unless ours are bleve's, hit for hit, and returns
// how many there were.
func sameHits(t *testing.T, ours, bleve []phraseHit) int {
	t.Helper()
	if len(ours) != len(bleve) {
		t.Fatalf("%d hits, bleve %d", len(ours), len(bleve))
	}
	for i := range bleve {
		if !reflect.DeepEqual(ours[i], bleve[i]) {
			t.Fatalf("hit %d:\n ours  %+v\n bleve %+v", i, ours[i], bleve[i])
		}
	}
	return len(bleve)
}

type phraseHit struct {
	ID    string
	Score float64
	Locs  []string
}

// everyHit is every hit of q in id order with its score and locations.
func everyHit(t *testing.T, ix *Index, q query.Query) []phraseHit {
	t.Helper()
	req := bleve.NewSearchRequestOptions(q, 10000, 0, false)
	req.IncludeLocations = true
	res, err := ix.bleve.SearchInContext(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	var out []phraseHit
	for _, h := range res.Hits {
		ph := phraseHit{ID: h.ID, Score: h.Score}
		for field, terms := range h.Locations {
			for term, locs := range terms {
				for _, l := range locs {
					ph.Locs = append(ph.Locs, locString(field, term, l))
				}
			}
		}
		sort.Strings(ph.Locs)
		out = append(out, ph)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func locString(field, term string, l *search.Location) string {
	return fmt.Sprintf("%s:%s@%d[%d:%d]%v", field, term, l.Pos, l.Start, l.End, l.ArrayPositions)
}

// TestPairsFindWhatWordsFind: a phrase searched by its common-word pairs
// finds the items and marks the text that the same phrase searched word
// by word does.
func TestPairsFindWhatWordsFind(t *testing.T) {
	ix, err := Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ms := benchMeetings(t)[:6]
	for _, f := range []string{"kf-2023-02-23.txt", "kf-2024-09-12.txt"} {
		m, err := ingest.ReadFile(filepath.Join("..", "testdata", f), ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	if _, err := ix.PutAll(ms); err != nil {
		t.Fatal(err)
	}
	hits := 0
	for _, p := range []string{"God och Nära vård", "vård och omsorg", "och att", "det är", "kommunfullmäktige beslutar att", "hälso- och sjukvård", "i Dalarna", "vård och och"} {
		pairs, words := phraseTerms(p), exactTerms(p)
		if p == "God och Nära vård" && slices.Equal(pairs, words) {
			t.Fatalf("%q: no pair in %v", p, pairs)
		}
		for _, f := range textFields {
			got := spans(everyHit(t, ix, newPhraseQuery(pairs, f.name)))
			want := spans(everyHit(t, ix, bleve.NewPhraseQuery(words, f.name)))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q in %s: by pairs %v\nby words %v", p, f.name, got, want)
			}
			hits += len(want)
		}
	}
	if hits < 50 {
		t.Fatalf("only %d hits: the comparison says little", hits)
	}
}

// spans are each hit's marked text, without the terms that marked it.
func spans(hs []phraseHit) map[string][]string {
	out := map[string][]string{}
	for _, h := range hs {
		for _, l := range h.Locs {
			_, rest, _ := strings.Cut(l, "@")
			out[h.ID] = append(out[h.ID], rest)
		}
		sort.Strings(out[h.ID])
	}
	return out
}

func TestWantedSegments(t *testing.T) {
	starts := []uint64{0, 10, 25, 40}
	for _, c := range []struct {
		only []uint64
		want []bool
	}{
		{nil, nil},
		{[]uint64{}, []bool{false, false, false, false}},
		{[]uint64{0}, []bool{true, false, false, false}},
		{[]uint64{9, 10}, []bool{true, true, false, false}},
		{[]uint64{24, 41, 1000}, []bool{false, true, false, true}},
	} {
		if got := wantedSegments(starts, c.only); !slices.Equal(got, c.want) {
			t.Errorf("wantedSegments(%v, %v) = %v, want %v", starts, c.only, got, c.want)
		}
	}
}
