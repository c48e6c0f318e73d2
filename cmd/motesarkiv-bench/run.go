package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// runCmd is `motesarkiv-bench run`: one corpus, both systems, one table.
func runCmd(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	items := fs.Int("items", 10000, "number of agenda items in the corpus")
	seed := fs.Uint64("seed", 42, "corpus seed")
	work := fs.String("dir", "", "work folder for corpus, indexes and the PostgreSQL cluster (default: a new temporary folder, removed afterwards)")
	corpus := fs.String("corpus", "", "corpus folder to use or create (default: DIR/corpus-N-SEED)")
	speeches := fs.String("speeches", defaultSpeeches, "anforanden.jsonl.gz")
	reps := fs.Int("reps", 0, "timed requests per class and concurrency (default by size)")
	clientsFlag := fs.String("clients", "1,8", "concurrent clients, comma-separated")
	withPG := fs.Bool("pg", true, "measure PostgreSQL too")
	keep := fs.Bool("keep", false, "keep the work folder")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	clients, err := parseInts(*clientsFlag)
	if err != nil {
		return fmt.Errorf("run: -clients: %w", err)
	}
	if *reps == 0 {
		*reps = defaultReps(*items)
	}
	dir := *work
	if dir == "" {
		if dir, err = os.MkdirTemp("", "motesarkiv-bench-"); err != nil {
			return err
		}
	}
	// PostgreSQL runs as another user in another working folder, so a
	// relative -dir would name the wrong place for its socket and data.
	if dir, err = filepath.Abs(dir); err != nil {
		return err
	}
	if !*keep && *work == "" {
		defer os.RemoveAll(dir)
	}
	if *corpus == "" {
		*corpus = filepath.Join(dir, fmt.Sprintf("corpus-%d-%d", *items, *seed))
	}
	logf := func(format string, a ...any) { fmt.Fprintf(stderr, "bench: "+format+"\n", a...) }

	logf("corpus: %d items, seed %d -> %s", *items, *seed, *corpus)
	man, err := generate(ctx, genConfig{items: *items, seed: *seed, out: *corpus, speeches: *speeches})
	if err != nil {
		return err
	}
	logf("corpus: %d meetings, %.1f MB raw, phrase in %d items", man.Meetings, float64(man.RawBytes)/1e6, man.PhraseItems)
	rep := &report{man: man, clients: clients, reps: *reps, ours: map[int]map[string]latencies{}, pg: map[int]map[string]latencies{}}
	mix := buildMix(man)

	bin, err := buildBinary(ctx, dir)
	if err != nil {
		return err
	}
	if err := measureOurs(ctx, rep, bin, dir, *corpus, mix, logf); err != nil {
		return err
	}
	if *withPG {
		if err := measurePG(ctx, rep, dir, *corpus, mix, logf); err != nil {
			return err
		}
	}
	rep.print(stdout)
	return rep.check()
}

func defaultReps(items int) int {
	switch {
	case items <= 20000:
		return 120
	case items <= 200000:
		return 60
	}
	return 30
}

func parseInts(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q is not a positive number", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// measureOurs ingests, starts the server and runs the mix.
func measureOurs(ctx context.Context, rep *report, bin, dir, corpus string, mix map[string][]query, logf func(string, ...any)) error {
	indexDir := filepath.Join(dir, "index")
	if err := os.RemoveAll(indexDir); err != nil {
		return err
	}
	logf("ours: ingest %s", filepath.Join(corpus, "raw"))
	ing, err := ingestOurs(ctx, bin, indexDir, filepath.Join(corpus, "raw"), nil)
	if err != nil {
		return err
	}
	rep.ingest = ing
	rep.loadOurs = loadAverage()
	logf("ours: ingest %.1fs, peak RSS %s, index %s", ing.wall.Seconds(), mb(ing.peakRSS), mb(ing.indexBytes))
	srv, err := startServer(ctx, bin, indexDir)
	if err != nil {
		return err
	}
	defer srv.stop()
	rep.startup = srv.startup
	logf("ours: serving after %s", srv.startup.Round(time.Millisecond))
	stopMem := srv.sampleMemory()
	for _, c := range rep.clients {
		rep.ours[c] = map[string]latencies{}
		for _, class := range classOrder {
			l := measure(ctx, srv.exec, mix[class], repsFor(class, rep.reps), c)
			rep.ours[c][class] = l
			logf("ours: %d client(s) %-36s p50 %7.2f ms  p95 %7.2f ms  errors %d", c, class, l.pct(50), l.pct(95), l.errors)
		}
	}
	rep.serveMem = stopMem()
	rep.heapPeak, rep.heapLive, rep.gcs = srv.gc.heap()
	return ctx.Err()
}

// repsFor gives the mention export, which reads every hit, fewer runs.
func repsFor(class string, reps int) int {
	if class == classMentions {
		return max(10, reps/4)
	}
	return reps
}

// measurePG loads the items into a throwaway cluster and runs the mix.
func measurePG(ctx context.Context, rep *report, dir, corpus string, mix map[string][]query, logf func(string, ...any)) error {
	pgDir := filepath.Join(dir, "pg")
	_ = os.RemoveAll(pgDir)
	maxClients := 1
	for _, c := range rep.clients {
		maxClients = max(maxClients, c)
	}
	pg, err := startPG(ctx, pgDir, maxClients)
	if err != nil {
		return fmt.Errorf("postgresql could not be started, and the comparison needs it: %w", err)
	}
	defer os.RemoveAll(pgDir)
	defer pg.stop()
	rep.pgVersion = pg.version
	logf("postgres %s: load %s", pg.version, filepath.Join(corpus, "items.jsonl"))
	load, err := pg.load(ctx, filepath.Join(corpus, "items.jsonl"))
	if err != nil {
		return err
	}
	rep.pgLoad = load
	rep.loadPG = loadAverage()
	logf("postgres: load %.1fs (copy+tsvector %.1f, indexes %.1f, analyze %.1f), GIN %s, total %s",
		load.total.Seconds(), load.copyS, load.indexS, load.analyzeS, mb(load.ginBytes), mb(load.totalBytes))
	for _, c := range rep.clients {
		rep.pg[c] = map[string]latencies{}
		for _, class := range classOrder {
			l := measure(ctx, pg.exec, mix[class], repsFor(class, rep.reps), c)
			rep.pg[c][class] = l
			logf("postgres: %d client(s) %-36s p50 %7.2f ms  p95 %7.2f ms  errors %d", c, class, l.pct(50), l.pct(95), l.errors)
		}
	}
	return ctx.Err()
}

func mb(b int64) string { return fmt.Sprintf("%.1f MB", float64(b)/(1<<20)) }

// report is one run's figures.
type report struct {
	man       *manifest
	clients   []int
	reps      int
	ingest    ingestResult
	startup   time.Duration
	serveMem  memory
	heapPeak  int64 // MB
	heapLive  int64
	gcs       int
	ours, pg  map[int]map[string]latencies
	pgLoad    pgLoad
	pgVersion string
	// the machine's load average when each side was measured: the bench
	// shares two cores with whatever else runs
	loadOurs, loadPG string
}

func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

func (r *report) print(w io.Writer) {
	m := r.man
	fmt.Fprintf(w, "## %s items (%s meetings, %.1f MB of raw minutes), seed %d, %d cores, %s\n\n",
		thousands(m.Items), thousands(m.Meetings), float64(m.RawBytes)/1e6, m.Seed, runtime.NumCPU(), time.Now().Format(time.DateOnly))
	fmt.Fprintf(w, "Ours: `motesarkiv serve` over HTTP on loopback (JSON decoded by the client). PostgreSQL %s: pgx over its Unix socket.\n", r.pgVersion)
	fmt.Fprintf(w, "Phrase %q: %d items (%d mentions) by scanning the generated text.\n", m.Phrase, m.PhraseItems, m.PhraseMentions)
	fmt.Fprintf(w, "Load average (1, 5, 15 min) after our ingest: %s; after PostgreSQL's load: %s.\n\n", r.loadOurs, r.loadPG)

	fmt.Fprintf(w, "| ingest | ours (raw minutes → searchable) | PostgreSQL (pre-parsed items → searchable) | PG/ours |\n|---|---|---|---|\n")
	ours, pg := r.ingest.wall.Seconds(), r.pgLoad.total.Seconds()
	fmt.Fprintf(w, "| wall s | %.1f | %.1f | %s |\n", ours, pg, ratio(pg, ours))
	fmt.Fprintf(w, "| items/s | %s | %s | |\n", thousands(int(float64(m.Items)/ours)), thousands(int(float64(m.Items)/max(pg, 1e-9))))
	fmt.Fprintf(w, "| MB/s (raw) | %.1f | | |\n", float64(m.RawBytes)/1e6/ours)
	fmt.Fprintf(w, "| CPU s (user+sys) | %.1f | | |\n", (r.ingest.user + r.ingest.sys).Seconds())
	fmt.Fprintf(w, "| peak RSS | %s | | |\n", mb(r.ingest.peakRSS))
	fmt.Fprintf(w, "| index bytes | %s | %s GIN, %s table+indexes | |\n", mb(r.ingest.indexBytes), mb(r.pgLoad.ginBytes), mb(r.pgLoad.totalBytes))
	fmt.Fprintf(w, "| PG phases s | | copy+tsvector %.1f, GIN+btree %.1f, vacuum analyze %.1f | |\n\n", r.pgLoad.copyS, r.pgLoad.indexS, r.pgLoad.analyzeS)

	fmt.Fprintf(w, "Serving: start-up on the existing index %s; RSS peak %s (anonymous %s, file-mapped index %s); Go heap peak %d MB, live %d MB after the last of %d GCs.\n\n",
		r.startup.Round(time.Millisecond), mb(r.serveMem.rss), mb(r.serveMem.anon), mb(r.serveMem.file), r.heapPeak, r.heapLive, r.gcs)

	for _, c := range r.clients {
		fmt.Fprintf(w, "| %d client(s): class | ours p50 / p95 / p99 ms | PostgreSQL p50 / p95 / p99 ms | PG/ours p50 | PG/ours p95 | ours req/s | PG req/s | hits ours / PG |\n|---|---|---|---|---|---|---|---|\n", c)
		for _, class := range classOrder {
			o, p := r.ours[c][class], r.pg[c][class]
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %.0f | %.0f | %s |\n", class, pcts(o), pcts(p),
				ratio(p.pct(50), o.pct(50)), ratio(p.pct(95), o.pct(95)), o.qps(), p.qps(), hitsCell(o, p))
		}
		fmt.Fprintln(w)
	}
}

func pcts(l latencies) string {
	if len(l.ms) == 0 {
		if l.lastErr != nil {
			return "error"
		}
		return "–"
	}
	return fmt.Sprintf("%s / %s / %s", ms(l.pct(50)), ms(l.pct(95)), ms(l.pct(99)))
}

func ms(x float64) string {
	if x < 10 {
		return strconv.FormatFloat(x, 'f', 2, 64)
	}
	return strconv.FormatFloat(x, 'f', 1, 64)
}

func ratio(a, b float64) string {
	if a == 0 || b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f×", a/b)
}

// hitsCell sums the totals of a class's queries on each side.
func hitsCell(o, p latencies) string {
	so, sp := 0, 0
	for _, n := range o.hits {
		so += n
	}
	for _, n := range p.hits {
		sp += n
	}
	return thousands(so) + " / " + thousands(sp)
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// check fails the run when a system answered with errors or missed the
// phrase count recorded in the corpus.
func (r *report) check() error {
	var errs []error
	mix := buildMix(r.man)
	for _, side := range []struct {
		name string
		res  map[int]map[string]latencies
	}{{"ours", r.ours}, {"postgres", r.pg}} {
		for c, byClass := range side.res {
			for class, l := range byClass {
				if l.errors > 0 {
					errs = append(errs, fmt.Errorf("%s, %d clients, %s: %d errors, the last: %v", side.name, c, class, l.errors, l.lastErr))
				}
				if err := checkHits(side.name, mix[class], l); err != nil {
					errs = append(errs, err)
				}
			}
		}
	}
	return errors.Join(errs...)
}
