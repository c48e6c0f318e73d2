package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

// peerCmd is the adapter for the side-by-side harness in ../shared/peers
// (its README, "Adding a system"): called as
//
//	motesarkiv-bench peer CORPUS.jsonl RESULT.json --reps R
//
// it builds our index from the raw minutes beside the corpus, runs the
// harness's query set through index.Search in this process (library
// level, as the harness measures Bluge and Xapian) and writes the result
// JSON the harness's table reads.
func peerCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) < 2 {
		return errors.New("peer: usage: motesarkiv-bench peer CORPUS.jsonl RESULT.json [--reps R] [--harness DIR] [--workdir DIR [--reuse]]")
	}
	corpus, result := args[0], args[1]
	fs := flag.NewFlagSet("peer", flag.ContinueOnError)
	reps := fs.Int("reps", 10, "timed runs of each query")
	harness := fs.String("harness", "../shared/peers", "the harness folder (for lib/bench.py)")
	work := fs.String("workdir", "", "index folder's parent (default: a temporary folder, removed afterwards)")
	reuse := fs.Bool("reuse", false, "with -workdir: search the index built there by an earlier run instead of building it again")
	if err := parseFlags(fs, args[2:], stdout); err != nil {
		return err
	}
	qs, err := harnessQueries(ctx, *harness, corpus)
	if err != nil {
		return err
	}
	dir := *work
	if dir == "" {
		if dir, err = os.MkdirTemp("", "motesarkiv-peer-"); err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	}
	indexDir := filepath.Join(dir, "index")
	start := time.Now()
	var ix *index.Index
	if *reuse && *work != "" {
		ix, err = index.Open(indexDir)
	} else {
		_ = os.RemoveAll(indexDir)
		// The harness's generator gives two meetings of one organ on one
		// day, which our ids (organ and date) would make one meeting: here
		// a meeting is named by its file ("M0000046"), as the harness
		// names it.
		ix, err = buildIndex(ctx, indexDir, filepath.Join(filepath.Dir(corpus), "raw"), true)
	}
	if err != nil {
		return err
	}
	defer ix.Close()
	// The build is over when scorch's background merges are: the other
	// peers' builds end with their index complete (Xapian compacts it).
	if err := ix.Settle(ctx, time.Second); err != nil {
		return err
	}
	build := time.Since(start).Seconds()
	size, err := dirSize(indexDir)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "[motesarkiv] build %.1fs; index %.1f MB\n", build, float64(size)/(1<<20))
	res := map[string]any{"peer": "motesarkiv", "items": qs.NItems, "version": "motesarkiv (bleve v2 scorch, index.Search in process)",
		"phrase_truth": qs.PhraseTruth, "build_s": build, "index_mb": float64(size) / (1 << 20), "total_mb": float64(size) / (1 << 20)}
	stats := map[string]any{}
	hits := map[string]int{}
	for _, class := range qs.Classes {
		var lat []float64
		for _, q := range qs.Queries[class] {
			n, err := peerSearch(ctx, ix, q)
			if err != nil {
				return err
			}
			hits[strings.Join(q, " ")] = n
			for range *reps {
				t := time.Now()
				if _, err := peerSearch(ctx, ix, q); err != nil {
					return err
				}
				lat = append(lat, float64(time.Since(t).Nanoseconds())/1e6)
			}
		}
		p50, p95 := interpolated(lat, 50), interpolated(lat, 95)
		stats[class] = map[string]any{"p50_ms": p50, "p95_ms": p95, "n": len(lat)}
		fmt.Fprintf(stderr, "[motesarkiv] %-8s p50=%.2fms p95=%.2fms n=%d\n", class, p50, p95, len(lat))
	}
	res["queries"], res["hits"] = stats, hits
	res["phrase_hits"] = hits["phrase "+qs.Phrase]
	tp, fp, fn, err := phraseTruth(ctx, ix, corpus, qs.Phrase)
	if err != nil {
		return err
	}
	res["phrase_tp"], res["phrase_fp"], res["phrase_fn"] = tp, fp, fn
	if err := writeJSONFile(result, res); err != nil {
		return err
	}
	data, _ := json.Marshal(res)
	fmt.Fprintln(stdout, string(data))
	return nil
}

// harnessSet is the query set as lib/bench.py prints it.
type harnessSet struct {
	Classes     []string              `json:"classes"`
	Phrase      string                `json:"phrase"`
	NItems      int                   `json:"n_items"`
	PhraseTruth int                   `json:"phrase_truth"`
	Queries     map[string][][]string `json:"queries"`
}

func harnessQueries(ctx context.Context, harness, corpus string) (*harnessSet, error) {
	out, err := exec.CommandContext(ctx, "python3", filepath.Join(harness, "lib", "bench.py"), "queries", corpus).Output()
	if err != nil {
		return nil, fmt.Errorf("peer: query set from %s/lib/bench.py: %w", harness, err)
	}
	var qs harnessSet
	return &qs, json.Unmarshal(out, &qs)
}

func parseParallel(files []string) ([]*ingest.Meeting, error) {
	ms := make([]*ingest.Meeting, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				ms[i], errs[i] = ingest.ReadFile(files[i], ingest.Options{})
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return ms, errors.Join(errs...)
}

// peerSearch runs one query of the harness's set as our search API would
// and returns the exact total. Each class does what lib/bench.py asks of
// it, as the other peers do: the snippet class highlights its ten hits,
// the others return them with their stored fields and no marks
// (highlight=none); the facet class counts all six of our facets (the
// harness asks for three), the others none (facets=none).
func peerSearch(ctx context.Context, ix *index.Index, q []string) (int, error) {
	r := index.Request{Query: q[1], Size: 10, SkipFacets: q[0] != "facet", SkipHighlights: q[0] != "snippet"}
	switch q[0] {
	case "phrase":
		r.Query = `"` + q[1] + `"`
	case "date":
		from, err1 := time.Parse(time.DateOnly, q[2])
		to, err2 := time.Parse(time.DateOnly, q[3])
		if err := errors.Join(err1, err2); err != nil {
			return 0, err
		}
		r.From, r.To = from, to
	}
	res, err := ix.Search(ctx, r)
	if err != nil {
		return 0, fmt.Errorf("search %q: %w", q, err)
	}
	return int(res.Total), nil
}

// phraseTruth compares every item the phrase finds with the ids the
// harness recorded.
func phraseTruth(ctx context.Context, ix *index.Index, corpus, phrase string) (tp, fp, fn int, err error) {
	data, err := os.ReadFile(corpus + ".truth-ids")
	if err != nil {
		return 0, 0, 0, err
	}
	truth := map[string]bool{}
	for _, id := range strings.Fields(string(data)) {
		truth[id] = true
	}
	got := map[string]bool{}
	err = ix.Occurrences(ctx, index.Request{Query: `"` + phrase + `"`}, func(o index.Occurrence) error {
		got[fmt.Sprintf("%s-%02s", o.Hit.MeetingID, o.Hit.Item)] = true
		return nil
	})
	for id := range got {
		if truth[id] {
			tp++
		} else {
			fp++
		}
	}
	return tp, fp, len(truth) - tp, err
}

// interpolated is lib/bench.py's percentile.
func interpolated(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	k := float64(len(s)-1) * p / 100
	lo := int(k)
	hi := min(lo+1, len(s)-1)
	return s[lo] + (s[hi]-s[lo])*(k-float64(lo))
}
