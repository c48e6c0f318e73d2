package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Our side is measured as a user runs it: the motesarkiv binary built
// from this tree, `motesarkiv ingest` over the raw minutes, then
// `motesarkiv serve` answering HTTP on loopback.

// buildBinary builds cmd/motesarkiv into dir.
func buildBinary(ctx context.Context, dir string) (string, error) {
	bin := filepath.Join(dir, "motesarkiv")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/motesarkiv")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("build motesarkiv (run the bench from the repository root): %w", err)
	}
	return bin, nil
}

// ingestResult is what one ingest of the raw minutes cost.
type ingestResult struct {
	wall       time.Duration
	user, sys  time.Duration
	peakRSS    int64 // bytes
	indexBytes int64
}

// ingestOurs runs `motesarkiv ingest` over raw into indexDir.
func ingestOurs(ctx context.Context, bin, indexDir, raw string, extra []string) (ingestResult, error) {
	args := append([]string{"ingest", "--index", indexDir, "--log-level", "warn"}, extra...)
	cmd := exec.CommandContext(ctx, bin, append(args, raw)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	cmd.Stdout = io.Discard
	start := time.Now()
	err := cmd.Run()
	r := ingestResult{wall: time.Since(start)}
	if err != nil {
		return r, fmt.Errorf("motesarkiv ingest: %w\n%s", err, tail(stderr.String(), 2000))
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.peakRSS = ru.Maxrss * 1024
		r.user = time.Duration(ru.Utime.Nano())
		r.sys = time.Duration(ru.Stime.Nano())
	}
	r.indexBytes, err = dirSize(indexDir)
	return r, err
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			n += info.Size()
		}
		return nil
	})
	return n, err
}

// server is a running `motesarkiv serve`.
type server struct {
	cmd     *exec.Cmd
	base    string
	startup time.Duration
	client  *http.Client
	gc      *gcTrace
	done    chan error
}

// startServer starts serve, with any extra flags, on a free loopback port
// and waits until it is ready (/readyz: the index is open and not being
// rebuilt): the time that takes is the start-up on an existing index.
func startServer(ctx context.Context, bin, indexDir string, extra ...string) (*server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	addr := "127.0.0.1:" + strconv.Itoa(port)
	args := append([]string{"serve", "--index", indexDir, "--addr", addr, "--log-level", "warn"}, extra...)
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "GODEBUG=gctrace=1")
	gc := &gcTrace{}
	cmd.Stderr = gc
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start motesarkiv serve: %w", err)
	}
	s := &server{cmd: cmd, base: "http://" + addr, gc: gc, done: make(chan error, 1),
		client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true}}}
	go func() { s.done <- cmd.Wait() }()
	for {
		resp, err := s.client.Get(s.base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				s.startup = time.Since(start)
				return s, nil
			}
		}
		select {
		case err := <-s.done:
			return nil, fmt.Errorf("motesarkiv serve exited: %v\n%s", err, tail(gc.text(), 2000))
		case <-ctx.Done():
			s.stop()
			return nil, ctx.Err()
		case <-time.After(5 * time.Millisecond):
		}
		if time.Since(start) > 5*time.Minute {
			s.stop()
			return nil, errors.New("motesarkiv serve was not ready within 5 minutes")
		}
	}
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// stop ends the server with SIGTERM, as an operator would.
func (s *server) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(15 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
	}
}

// exec runs one query over HTTP and returns the total it reports: the
// search's total, or for the mention export the number of items with a
// mention (the rows are counted from the CSV).
func (s *server) exec(ctx context.Context, q query) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, searchURL(s.base, q), nil)
	if err != nil {
		return 0, err
	}
	if q.class == classMentions {
		req.URL.Path = "/api/v1/mentions.csv"
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 500))
		return 0, fmt.Errorf("%s: %s: %s", req.URL, resp.Status, body)
	}
	if q.class == classMentions {
		items, _, err := countCSVMentions(resp.Body)
		return items, err
	}
	var res struct {
		Total int `json:"total"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return 0, fmt.Errorf("%s: %w", req.URL, err)
	}
	return res.Total, nil
}

// countCSVMentions reads the whole export: the items it names and its
// rows (mentions).
func countCSVMentions(r io.Reader) (items, mentions int, err error) {
	cr := csv.NewReader(bufio.NewReader(r))
	cr.Comma = ';'
	cr.FieldsPerRecord = -1
	seen := map[string]bool{}
	for first := true; ; first = false {
		rec, err := cr.Read()
		if err == io.EOF {
			return len(seen), mentions, nil
		}
		if err != nil {
			return 0, 0, fmt.Errorf("read mentions csv: %w", err)
		}
		if first || len(rec) < 10 {
			continue
		}
		mentions++
		seen[rec[9]+"/"+rec[2]] = true
	}
}

// memory reads the server's resident memory: all of it, the anonymous
// part (Go heap, stacks, runtime) and the file-backed part (the index's
// segments, mapped).
type memory struct {
	rss, anon, file, hwm int64
}

func (s *server) memory() memory {
	var m memory
	status, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	for _, line := range strings.Split(string(status), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmRSS:":
			m.rss = kb * 1024
		case "VmHWM:":
			m.hwm = kb * 1024
		case "RssAnon:":
			m.anon = kb * 1024
		case "RssFile:":
			m.file = kb * 1024
		}
	}
	return m
}

// sampleMemory records the largest resident sizes seen until stop.
func (s *server) sampleMemory() (stop func() memory) {
	var mu sync.Mutex
	var peak memory
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			m := s.memory()
			mu.Lock()
			peak.rss, peak.anon, peak.file = max(peak.rss, m.rss), max(peak.anon, m.anon), max(peak.file, m.file)
			peak.hwm = m.hwm
			mu.Unlock()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() memory {
		close(done)
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}

// gcTrace reads the runtime's gctrace lines on the server's stderr:
// "gc 12 @3.1s 2%: … 45->47->20 MB, 48 MB goal, …". The first number is
// the heap when the collection started, the last the live heap after it.
type gcTrace struct {
	mu       sync.Mutex
	buf      strings.Builder
	peakHeap int64 // MB
	liveHeap int64 // MB, after the last collection
	gcs      int
}

var gcLineRe = regexp.MustCompile(`(\d+)->(\d+)->(\d+) MB`)

func (g *gcTrace) Write(p []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, m := range gcLineRe.FindAllSubmatch(p, -1) {
		start, _ := strconv.ParseInt(string(m[1]), 10, 64)
		live, _ := strconv.ParseInt(string(m[3]), 10, 64)
		g.peakHeap = max(g.peakHeap, start)
		g.liveHeap = live
		g.gcs++
	}
	if g.buf.Len() < 1<<16 {
		g.buf.Write(p)
	}
	return len(p), nil
}

func (g *gcTrace) text() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.buf.String()
}

func (g *gcTrace) heap() (peak, live int64, gcs int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.peakHeap, g.liveHeap, g.gcs
}
