package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

// The profiling commands time our two halves in this process, where
// pprof can see them; docs/performance.md quotes their output.

// buildCmd is `motesarkiv-bench build -raw DIR -index DIR`: the ingest
// pipeline (parallel parse, PutAll per 200 files) with a CPU profile.
func buildCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	raw := fs.String("raw", "", "folder of minutes")
	indexDir := fs.String("index", "", "index folder (removed first)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile here")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if *raw == "" || *indexDir == "" {
		return fmt.Errorf("build: -raw and -index are required")
	}
	if err := os.RemoveAll(*indexDir); err != nil {
		return err
	}
	stop, err := startProfile(*cpuprofile)
	if err != nil {
		return err
	}
	start := time.Now()
	ix, err := buildIndex(ctx, *indexDir, *raw, false)
	if err == nil {
		err = ix.Close()
	}
	stop()
	if err != nil {
		return err
	}
	size, _ := dirSize(*indexDir)
	fmt.Fprintf(stdout, "built %s in %.1fs, %s\n", *indexDir, time.Since(start).Seconds(), mb(size))
	return nil
}

// queryCmd is `motesarkiv-bench query -index DIR -q QUERY`: index.Search
// in a loop for a while, with the mean time and a CPU profile.
func queryCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("query", flag.ContinueOnError)
	indexDir := fs.String("index", "", "index folder")
	q := fs.String("q", "", "query, in the query language")
	dur := fs.Duration("for", 5*time.Second, "how long to repeat the search")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile here")
	mentions := fs.Bool("mentions", false, "time index.Mentions (the mention export) instead of Search")
	from := fs.String("from", "", "date range start, YYYY-MM-DD")
	to := fs.String("to", "", "date range end, YYYY-MM-DD")
	kind := fs.String("kind", "", "kind filter")
	organ := fs.String("organ", "", "organ filter")
	noFacets := fs.Bool("nofacets", false, "count no facets (facets=none), as the bench's word and phrase classes")
	noHighlights := fs.Bool("nohighlights", false, "mark no matches (highlight=none)")
	size := fs.Int("size", index.DefaultSize, "hits per page")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	ix, err := index.Open(*indexDir)
	if err != nil {
		return err
	}
	defer ix.Close()
	r := index.Request{Query: *q, SkipFacets: *noFacets, SkipHighlights: *noHighlights, Size: *size}
	for _, d := range []struct {
		s string
		t *time.Time
	}{{*from, &r.From}, {*to, &r.To}} {
		if d.s != "" {
			if *d.t, err = time.Parse(time.DateOnly, d.s); err != nil {
				return err
			}
		}
	}
	if *kind != "" {
		r.Filters.Kind = []string{*kind}
	}
	if *organ != "" {
		r.Filters.Organ = []string{*organ}
	}
	search := func() (int, error) {
		if *mentions {
			return ix.Mentions(ctx, r, func(index.Mention) error { return nil })
		}
		res, err := ix.Search(ctx, r)
		if err != nil {
			return 0, err
		}
		return int(res.Total), nil
	}
	total, err := search() // also fills what is cached once
	if err != nil {
		return err
	}
	stop, err := startProfile(*cpuprofile)
	if err != nil {
		return err
	}
	var lat []float64
	start := time.Now()
	for time.Since(start) < *dur && ctx.Err() == nil {
		t := time.Now()
		if _, err := search(); err != nil {
			stop()
			return err
		}
		lat = append(lat, float64(time.Since(t).Microseconds())/1000)
	}
	stop()
	n := len(lat)
	fmt.Fprintf(stdout, "%q: %d hits (mentions with -mentions), %d searches, %.2f ms each (p50 %.2f, p95 %.2f, p99 %.2f)\n", *q, total, n,
		float64(time.Since(start).Microseconds())/1000/float64(n), interpolated(lat, 50), interpolated(lat, 95), interpolated(lat, 99))
	return nil
}

func startProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// buildIndex ingests raw as `motesarkiv ingest` does: files parsed on
// every core, one PutAll per 200 files. With fileIDs, a meeting is named
// by its file instead of by organ and date.
func buildIndex(ctx context.Context, indexDir, raw string, fileIDs bool) (*index.Index, error) {
	files, errs := ingest.Collect([]string{raw})
	if len(errs) > 0 {
		return nil, fmt.Errorf("collect %s: %v", raw, errs[0])
	}
	ix, err := index.Open(indexDir)
	if err != nil {
		return nil, err
	}
	const chunk = 200
	for start := 0; start < len(files); start += chunk {
		if err := ctx.Err(); err != nil {
			ix.Close()
			return nil, err
		}
		ms, err := parseParallel(files[start:min(start+chunk, len(files))])
		if err == nil && fileIDs {
			for i, m := range ms {
				f := files[start+i]
				m.ID = filepath.Base(f[:len(f)-len(filepath.Ext(f))])
			}
		}
		if err == nil {
			_, err = ix.PutAll(ms)
		}
		if err != nil {
			ix.Close()
			return nil, err
		}
	}
	return ix, nil
}
