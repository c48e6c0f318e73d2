package main

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"sync"
	"time"
)

// The query mix: what a user of the archive asks, as classes of distinct
// queries. Each system turns a query into its own request; a class's
// queries are run in turn, so that no two requests in a row are alike.
// Neither system keeps a cache of results: our index has none, and
// PostgreSQL caches pages, not answers.

// query is one request of the mix.
type query struct {
	class    string
	text     string   // in the query language both systems read ("words", "a phrase")
	from, to string   // date range, facet class only
	kind     string   // facet filter, facet class only
	organ    string   // facet filter, facet class only
	wantHits int      // when > 0, the exact total both systems must return
	_        struct{} // keep keyed literals
}

// Class names, in the order of the table.
const (
	classCommon   = "common word"
	classRare     = "rare word"
	classPhrase   = "phrase"
	classPart     = "compound part"
	classFacets   = "date+2 filters, facets, highlights"
	classMentions = "mention export (phrase)"
)

var classOrder = []string{classCommon, classRare, classPhrase, classPart, classFacets, classMentions}

// buildMix makes the classes' queries from the manifest.
func buildMix(m *manifest) map[string][]query {
	mix := map[string][]query{}
	for _, w := range m.Common {
		mix[classCommon] = append(mix[classCommon], query{class: classCommon, text: w})
	}
	for _, w := range m.Rare {
		mix[classRare] = append(mix[classRare], query{class: classRare, text: w})
	}
	phrase := `"` + m.Phrase + `"`
	mix[classPhrase] = []query{{class: classPhrase, text: phrase, wantHits: m.PhraseItems}}
	for _, w := range m.Parts {
		mix[classPart] = append(mix[classPart], query{class: classPart, text: w})
	}
	spans := [][2]string{{"2010-01-01", "2017-12-31"}, {"2014-01-01", "2021-12-31"}, {"2008-06-01", "2019-05-31"}}
	for i, w := range m.Common {
		s := spans[i%len(spans)]
		mix[classFacets] = append(mix[classFacets], query{class: classFacets, text: w, from: s[0], to: s[1],
			kind: "Information", organ: m.TopOrgans[i%min(2, len(m.TopOrgans))]})
	}
	mix[classMentions] = []query{{class: classMentions, text: phrase, wantHits: m.PhraseItems}}
	return mix
}

// searchURL is our API's request for q.
func searchURL(base string, q query) string {
	v := url.Values{"q": {q.text}}
	if q.from != "" {
		v.Set("from", q.from)
		v.Set("to", q.to)
	}
	if q.kind != "" {
		v.Set("kind", q.kind)
	}
	if q.organ != "" {
		v.Set("organ", q.organ)
	}
	path := "/api/v1/search?"
	if q.class != classFacets && q.class != classMentions {
		v.Set("facets", "none") // as PostgreSQL's word queries count none
	}
	if q.class == classMentions {
		path = "/api/v1/mentions?"
		v.Set("format", "csv")
	}
	return base + path + v.Encode()
}

// executor runs one query and returns the total hits it reports.
type executor func(ctx context.Context, q query) (int, error)

// latencies are one class's timings at one concurrency.
type latencies struct {
	ms      []float64
	wall    time.Duration
	hits    map[string]int // total by query text
	errors  int
	lastErr error
}

func (l latencies) pct(p float64) float64 {
	if len(l.ms) == 0 {
		return 0
	}
	s := append([]float64(nil), l.ms...)
	sort.Float64s(s)
	k := int(float64(len(s)-1)*p/100 + 0.5)
	return s[k]
}

func (l latencies) qps() float64 {
	if l.wall == 0 {
		return 0
	}
	return float64(len(l.ms)) / l.wall.Seconds()
}

// measure runs the class's queries n times in all (one warm-up round of
// each query first, untimed), spread over clients concurrent clients.
func measure(ctx context.Context, exec executor, qs []query, n, clients int) latencies {
	out := latencies{hits: map[string]int{}}
	for _, q := range qs {
		hits, err := exec(ctx, q)
		if err != nil {
			out.errors++
			out.lastErr = err
			continue
		}
		out.hits[q.text] = hits
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; i < n; i += clients {
				if ctx.Err() != nil {
					return
				}
				q := qs[i%len(qs)]
				t0 := time.Now()
				_, err := exec(ctx, q)
				d := time.Since(t0)
				mu.Lock()
				if err != nil {
					out.errors++
					out.lastErr = err
				} else {
					out.ms = append(out.ms, float64(d.Microseconds())/1000)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	out.wall = time.Since(start)
	return out
}

// checkHits reports queries whose total is not the one recorded.
func checkHits(system string, qs []query, l latencies) error {
	for _, q := range qs {
		if q.wantHits > 0 && l.hits[q.text] != q.wantHits {
			return fmt.Errorf("%s: %s %s: %d hits, the corpus holds %d", system, q.class, q.text, l.hits[q.text], q.wantHits)
		}
	}
	return nil
}
