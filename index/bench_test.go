package index

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/registry"

	"motesarkiv/ingest"
)

// The benchmarks run on a fixed small index: the two real Välfärdsrådet
// minutes, put 40 times each under other ids and years (80 meetings,
// about 1,300 items). It is built once per benchmark, outside the timed
// loop; `go test` without -bench does not build it.

func benchMeetings(b testing.TB) []*ingest.Meeting {
	b.Helper()
	files, err := filepath.Glob("../testdata/valfardsradet-*.txt")
	if err != nil || len(files) != 2 {
		b.Fatalf("seed files: %v, %v", files, err)
	}
	var out []*ingest.Meeting
	for _, f := range files {
		m, err := ingest.ReadFile(f, ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		for i := range 40 {
			c := *m
			c.ID = fmt.Sprintf("%s-%02d", m.ID, i)
			if len(c.MeetingDate) == len("2006-01-02") {
				c.MeetingDate = fmt.Sprintf("%d%s", 1990+i, c.MeetingDate[4:])
			}
			c.Source.SHA256 = fmt.Sprintf("%s-%d", m.Source.SHA256, i)
			out = append(out, &c)
		}
	}
	return out
}

func benchIndex(b *testing.B) *Index {
	b.Helper()
	ix, err := Open(filepath.Join(b.TempDir(), "index"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	if _, err := ix.PutAll(benchMeetings(b)); err != nil {
		b.Fatal(err)
	}
	return ix
}

// BenchmarkAnalyze runs the Swedish analysis chain over the bodies of the
// seed minutes.
func BenchmarkAnalyze(b *testing.B) {
	a, err := registry.NewCache().AnalyzerNamed(swedishAnalyzer)
	if err != nil {
		b.Fatal(err)
	}
	var texts [][]byte
	size := 0
	for _, m := range benchMeetings(b)[:1] {
		for _, it := range m.Items {
			texts = append(texts, []byte(it.Title+"\n"+it.Body+"\n"+strings.Join(it.Decisions, "\n")))
			size += len(texts[len(texts)-1])
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	tokens := 0
	for b.Loop() {
		for _, t := range texts {
			tokens += len(a.Analyze(t))
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkSearch is the search API's work for a common word, a phrase,
// and a word under a date range and two filters: hits, every facet
// counted, highlights.
func BenchmarkSearch(b *testing.B) {
	ix := benchIndex(b)
	for _, bc := range []struct {
		name string
		r    Request
	}{
		{"word", Request{Query: "kommunerna"}},
		{"phrase", Request{Query: `"God och Nära vård"`}},
		{"filtered", Request{Query: "vård", From: day("2000-01-01"), To: day("2020-12-31"),
			Filters: Filters{Kind: []string{"Information"}, Organ: []string{"Välfärdsrådet"}}}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			res, err := ix.Search(b.Context(), bc.r)
			if err != nil || res.Total == 0 {
				b.Fatalf("search %+v: %v, %v hits", bc.r, err, res)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ix.Search(b.Context(), bc.r); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "searches/s")
		})
	}
}
