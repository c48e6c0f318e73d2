package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

// `motesarkiv-bench load` is issue 7's load run: the query mix with 8
// concurrent clients on an idle server, then the same clients for ten
// minutes while an uploader posts minutes one file at a time. It passes
// with no error on either side and a loaded p99 within 2× the idle p99.
//
// No answer comes from a cache: the server keeps none of results, the
// clients walk the mix's distinct queries in turn, and during the loaded
// phase every upload changes the index, so even the per-epoch
// vocabulary of "menade du" is rebuilt as a user would see it.

// loadConfig is one load run.
type loadConfig struct {
	clients  int
	warmup   time.Duration
	idle     time.Duration
	duration time.Duration
	holdback float64 // share of the meetings kept back as uploads
	maxRatio float64
	pprof    string // serve --pprof, to profile the server while it runs
}

func loadCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	items := fs.Int("items", 10000, "number of agenda items in the corpus")
	seed := fs.Uint64("seed", 42, "corpus seed")
	work := fs.String("dir", "", "work folder (default: a new temporary folder, removed afterwards)")
	corpus := fs.String("corpus", "", "corpus folder to use or create (default: DIR/corpus-N-SEED)")
	speeches := fs.String("speeches", defaultSpeeches, "anforanden.jsonl.gz")
	cfg := loadConfig{maxRatio: 2} // issue 7: loaded p99 within 2× the idle p99
	fs.IntVar(&cfg.clients, "clients", 8, "concurrent search clients")
	fs.DurationVar(&cfg.warmup, "warmup", 10*time.Second, "untimed searches before the idle measurement")
	fs.DurationVar(&cfg.idle, "idle", 60*time.Second, "idle measurement")
	fs.DurationVar(&cfg.duration, "duration", 10*time.Minute, "searches while uploads run")
	fs.Float64Var(&cfg.holdback, "holdback", 0.1, "share of the meetings kept back from the ingest and uploaded")
	fs.StringVar(&cfg.pprof, "pprof", "", "loopback address for the server's pprof (serve --pprof)")
	keep := fs.Bool("keep", false, "keep the work folder")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if cfg.clients < 1 || cfg.idle <= 0 || cfg.duration <= 0 || cfg.holdback <= 0 || cfg.holdback >= 1 {
		return errors.New("load: -clients, -idle and -duration must be positive and -holdback between 0 and 1")
	}
	dir := *work
	var err error
	if dir == "" {
		if dir, err = os.MkdirTemp("", "motesarkiv-load-"); err != nil {
			return err
		}
	}
	if !*keep && *work == "" {
		defer os.RemoveAll(dir)
	}
	if *corpus == "" {
		*corpus = filepath.Join(dir, fmt.Sprintf("corpus-%d-%d", *items, *seed))
	}
	logf := func(format string, a ...any) { fmt.Fprintf(stderr, "load: "+format+"\n", a...) }

	logf("corpus: %d items, seed %d -> %s", *items, *seed, *corpus)
	man, err := generate(ctx, genConfig{items: *items, seed: *seed, out: *corpus, speeches: *speeches})
	if err != nil {
		return err
	}
	bin, err := buildBinary(ctx, dir)
	if err != nil {
		return err
	}
	rep, err := runLoad(ctx, cfg, bin, dir, *corpus, man, logf)
	if err != nil {
		return err
	}
	rep.print(stdout)
	return rep.check()
}

// loadReport is what a load run measured.
type loadReport struct {
	cfg                  loadConfig
	man                  *manifest
	ingested, held       int
	idle, loaded         phaseResult
	uploads              uploadStats
	loadStart, loadEnd   string
	cpus                 int
	idleLoad, loadedLoad string
	serverErrs           string
	indexBytes           int64
}

// phaseResult is one phase's searches.
type phaseResult struct {
	all     []float64            // ms, successful searches
	byClass map[string][]float64 // ms
	errors  int64
	errMsgs []string
	wall    time.Duration
}

type uploadStats struct {
	done, errors               int64
	added, replaced, unchanged int64
	ms                         []float64
	errMsgs                    []string
	rounds                     int64
}

// runLoad ingests most of the corpus, starts the server with a write
// token and runs both phases.
func runLoad(ctx context.Context, cfg loadConfig, bin, dir, corpus string, man *manifest, logf func(string, ...any)) (*loadReport, error) {
	rep := &loadReport{cfg: cfg, man: man, cpus: runtime.NumCPU(), loadStart: loadAverage()}
	ingestRaw := filepath.Join(dir, "load-ingest")
	indexDir := filepath.Join(dir, "load-data", "index")
	for _, d := range []string{ingestRaw, filepath.Join(dir, "load-data")} {
		if err := os.RemoveAll(d); err != nil {
			return nil, err
		}
	}
	uploads, err := splitCorpus(filepath.Join(corpus, "raw"), ingestRaw, cfg.holdback)
	if err != nil {
		return nil, err
	}
	rep.held = len(uploads)
	rep.ingested = man.Meetings - len(uploads)
	logf("ingest %d meetings, %d held back as uploads", rep.ingested, rep.held)
	ing, err := ingestOurs(ctx, bin, indexDir, ingestRaw, nil)
	if err != nil {
		return nil, err
	}
	logf("ingest %.1fs, index %s", ing.wall.Seconds(), mb(ing.indexBytes))

	token := randomToken()
	serveArgs := []string{"--write-token", token}
	if cfg.pprof != "" {
		serveArgs = append(serveArgs, "--pprof", cfg.pprof)
	}
	srv, err := startServer(ctx, bin, indexDir, serveArgs...)
	if err != nil {
		return nil, err
	}
	defer srv.stop()
	srv.client.Timeout = time.Minute // a hung request is an error, not a hung bench
	logf("serving on %s after %s", srv.base, srv.startup.Round(time.Millisecond))

	qs := interleave(buildMix(man))
	logf("warm-up %s, then idle %s with %d clients", cfg.warmup, cfg.idle, cfg.clients)
	if cfg.warmup > 0 {
		searchFor(ctx, srv, qs, cfg.clients, cfg.warmup)
	}
	rep.idle = searchFor(ctx, srv, qs, cfg.clients, cfg.idle)
	rep.idleLoad = loadAverage()
	logf("idle: %d searches, p99 %.1f ms, %d errors, load average %s", len(rep.idle.all), pct(rep.idle.all, 99), rep.idle.errors, rep.idleLoad)
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	logf("loaded: %s with %d clients and 1 uploader", cfg.duration, cfg.clients)
	upCtx, stopUploads := context.WithCancel(ctx)
	var upWG sync.WaitGroup
	up := &rep.uploads
	upWG.Go(func() { uploadLoop(upCtx, srv, token, uploads, up) })
	rep.loaded = searchFor(ctx, srv, qs, cfg.clients, cfg.duration)
	stopUploads()
	upWG.Wait()
	rep.loadedLoad = loadAverage()
	rep.loadEnd = rep.loadedLoad
	logf("loaded: %d searches, p99 %.1f ms, %d errors; %d uploads, %d errors", len(rep.loaded.all), pct(rep.loaded.all, 99), rep.loaded.errors, up.done, up.errors)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// The server must still be running: a crash is an error too.
	select {
	case err := <-srv.done:
		rep.serverErrs = fmt.Sprintf("server exited: %v: %s", err, tail(srv.gc.text(), 500))
		srv.done <- err
	default:
	}
	rep.indexBytes, _ = dirSize(indexDir)
	return rep, nil
}

// splitCorpus links every meeting file of raw into ingestDir, except one
// in 1/share (in sorted order, so the same files for one corpus), whose
// paths it returns.
func splitCorpus(raw, ingestDir string, share float64) ([]string, error) {
	var files []string
	err := filepath.WalkDir(raw, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	every := max(2, int(1/share+0.5))
	var held []string
	for i, f := range files {
		if i%every == every-1 {
			held = append(held, f)
			continue
		}
		rel, err := filepath.Rel(raw, f)
		if err != nil {
			return nil, err
		}
		dst := filepath.Join(ingestDir, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return nil, err
		}
		if err := os.Link(f, dst); err != nil {
			data, rerr := os.ReadFile(f)
			if rerr != nil {
				return nil, rerr
			}
			if err := os.WriteFile(dst, data, 0o644); err != nil {
				return nil, err
			}
		}
	}
	if len(held) == 0 {
		return nil, fmt.Errorf("corpus %s has too few meetings to hold any back", raw)
	}
	return held, nil
}

// interleave puts the classes' queries in one list where no two
// neighbours share a class: common, rare, phrase, part, facets,
// mentions, common, … until every query of every class has had a turn.
func interleave(mix map[string][]query) []query {
	n := 0
	for _, qs := range mix {
		n = max(n, len(qs))
	}
	var out []query
	for i := range n {
		for _, class := range classOrder {
			if qs := mix[class]; len(qs) > 0 {
				out = append(out, qs[i%len(qs)])
			}
		}
	}
	return out
}

// searchFor runs clients concurrent clients over qs for d. Every
// transport error and every answer but 200 counts as an error.
func searchFor(ctx context.Context, srv *server, qs []query, clients int, d time.Duration) phaseResult {
	res := phaseResult{byClass: map[string][]float64{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(d)
	for c := range clients {
		wg.Go(func() {
			for i := c * len(qs) / clients; time.Now().Before(deadline) && ctx.Err() == nil; i++ {
				q := qs[i%len(qs)]
				t0 := time.Now()
				_, err := srv.exec(ctx, q)
				ms := float64(time.Since(t0).Microseconds()) / 1000
				mu.Lock()
				if err != nil {
					if ctx.Err() == nil {
						res.errors++
						if len(res.errMsgs) < 5 {
							res.errMsgs = append(res.errMsgs, err.Error())
						}
					}
				} else {
					res.all = append(res.all, ms)
					res.byClass[q.class] = append(res.byClass[q.class], ms)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	res.wall = time.Since(start)
	return res
}

// uploadLoop posts the files one at a time until ctx ends. The first
// round posts them as they are (added); later rounds add a line naming
// the round, so that every re-post replaces its meeting rather than
// being found unchanged.
func uploadLoop(ctx context.Context, srv *server, token string, files []string, st *uploadStats) {
	for round := 0; ; round++ {
		for _, f := range files {
			if ctx.Err() != nil {
				st.rounds = int64(round)
				return
			}
			data, err := os.ReadFile(f)
			if err == nil && round > 0 {
				data = append(bytes.TrimRight(data, "\n"), fmt.Sprintf("\n\nUppladdning %d av lasttestet.\n", round)...)
			}
			t0 := time.Now()
			var outcome string
			if err == nil {
				outcome, err = srv.upload(ctx, token, filepath.Base(f), data)
			}
			ms := float64(time.Since(t0).Microseconds()) / 1000
			if ctx.Err() != nil {
				st.rounds = int64(round)
				return // cut off by the end of the phase: neither done nor failed
			}
			if err != nil {
				st.errors++
				if len(st.errMsgs) < 5 {
					st.errMsgs = append(st.errMsgs, err.Error())
				}
				continue
			}
			st.done++
			st.ms = append(st.ms, ms)
			switch outcome {
			case "added":
				st.added++
			case "replaced":
				st.replaced++
			default:
				st.unchanged++
			}
		}
	}
}

// upload posts one file to POST /api/v1/documents and returns the
// outcome the server gives its meeting.
func (s *server) upload(ctx context.Context, token, name string, data []byte) (string, error) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		return "", err
	}
	if _, err := fw.Write(data); err != nil {
		return "", err
	}
	if err := mw.Close(); err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.base+"/api/v1/documents", &body)
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := s.client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return "", err
	}
	if resp.StatusCode/100 != 2 {
		return "", fmt.Errorf("upload %s: %s: %s", name, resp.Status, tail(string(raw), 300))
	}
	var ans struct {
		Meetings []struct {
			Outcome string `json:"outcome"`
		} `json:"meetings"`
		Errors []json.RawMessage `json:"errors"`
	}
	if err := json.Unmarshal(raw, &ans); err != nil {
		return "", fmt.Errorf("upload %s: %w", name, err)
	}
	if len(ans.Errors) > 0 || len(ans.Meetings) != 1 {
		return "", fmt.Errorf("upload %s: %s", name, tail(string(raw), 300))
	}
	return ans.Meetings[0].Outcome, nil
}

func randomToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// pct is the p-th percentile of ms, nearest rank as latencies.pct.
func pct(ms []float64, p float64) float64 {
	return latencies{ms: ms}.pct(p)
}

func (r *loadReport) errorCount() int64 {
	n := r.idle.errors + r.loaded.errors + r.uploads.errors
	if r.serverErrs != "" {
		n++
	}
	return n
}

func (r *loadReport) ratio() float64 {
	idle := pct(r.idle.all, 99)
	if idle == 0 {
		return 0
	}
	return pct(r.loaded.all, 99) / idle
}

func (r *loadReport) print(w io.Writer) {
	fmt.Fprintf(w, "Load run: %d items in %d meetings (%d ingested, %d held back as uploads), %d search clients\n",
		r.man.Items, r.man.Meetings, r.ingested, r.held, r.cfg.clients)
	fmt.Fprintf(w, "warm-up %s, idle %s, loaded %s; %d CPUs; load average (1/5/15 min) at start %s, after idle %s, after loaded %s\n\n",
		r.cfg.warmup, r.cfg.idle, r.cfg.duration, r.cpus, r.loadStart, r.idleLoad, r.loadedLoad)
	fmt.Fprintln(w, "| phase | searches | searches/s | errors | p50 ms | p95 ms | p99 ms | max ms |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|")
	for _, ph := range []struct {
		name string
		r    phaseResult
	}{{"idle", r.idle}, {"loaded (uploads running)", r.loaded}} {
		fmt.Fprintf(w, "| %s | %d | %.0f | %d | %.1f | %.1f | %.1f | %.1f |\n", ph.name, len(ph.r.all),
			float64(len(ph.r.all))/ph.r.wall.Seconds(), ph.r.errors,
			pct(ph.r.all, 50), pct(ph.r.all, 95), pct(ph.r.all, 99), pct(ph.r.all, 100))
	}
	fmt.Fprintf(w, "| ratio loaded/idle | | | | %s | %s | %s | |\n",
		ratioCell(r.loaded.all, r.idle.all, 50), ratioCell(r.loaded.all, r.idle.all, 95), ratioCell(r.loaded.all, r.idle.all, 99))
	u := r.uploads
	fmt.Fprintf(w, "\nUploads: %d done (%d added, %d replaced, %d unchanged) in %d rounds of %d files, %d errors, p50 %.1f ms, p99 %.1f ms\n",
		u.done, u.added, u.replaced, u.unchanged, u.rounds+1, r.held, u.errors, pct(u.ms, 50), pct(u.ms, 99))
	fmt.Fprintln(w, "\n| class | idle p50 | idle p99 | loaded p50 | loaded p99 |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|")
	for _, c := range classOrder {
		i, l := r.idle.byClass[c], r.loaded.byClass[c]
		fmt.Fprintf(w, "| %s | %.1f | %.1f | %.1f | %.1f |\n", c, pct(i, 50), pct(i, 99), pct(l, 50), pct(l, 99))
	}
	for _, e := range append(append(append([]string(nil), r.idle.errMsgs...), r.loaded.errMsgs...), u.errMsgs...) {
		fmt.Fprintf(w, "error: %s\n", e)
	}
	if r.serverErrs != "" {
		fmt.Fprintf(w, "error: %s\n", r.serverErrs)
	}
	verdict := "PASS"
	if r.check() != nil {
		verdict = "FAIL"
	}
	fmt.Fprintf(w, "\nerrors %d (limit 0), p99 ratio %.2f (limit %.2f): %s\n", r.errorCount(), r.ratio(), r.cfg.maxRatio, verdict)
}

func ratioCell(a, b []float64, p float64) string {
	if pb := pct(b, p); pb > 0 {
		return fmt.Sprintf("%.2f×", pct(a, p)/pb)
	}
	return "–"
}

func (r *loadReport) check() error {
	var errs []string
	if n := r.errorCount(); n > 0 {
		errs = append(errs, fmt.Sprintf("%d errors", n))
	}
	if len(r.idle.all) == 0 || len(r.loaded.all) == 0 {
		errs = append(errs, "no search answered")
	}
	if r.uploads.done == 0 {
		errs = append(errs, "no upload done")
	}
	if ratio := r.ratio(); ratio > r.cfg.maxRatio {
		errs = append(errs, fmt.Sprintf("loaded p99 is %.2f× the idle p99, more than %.2f×", ratio, r.cfg.maxRatio))
	}
	if len(errs) > 0 {
		return fmt.Errorf("load: %s", strings.Join(errs, "; "))
	}
	return nil
}
