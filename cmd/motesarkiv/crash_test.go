package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestCrashKeepsAcknowledgedWrites is issue 7's durability test: it
// starts the real binary, streams uploads at it, kills it with SIGKILL at
// a random moment, restarts it, and checks each time that the index
// opens, every meeting whose upload was answered 200 is there, and
// nothing is there twice.
func TestCrashKeepsAcknowledgedWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and kills it 20 times")
	}
	const rounds = 20
	bin := filepath.Join(t.TempDir(), "motesarkiv")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 7))
	c := &crashRun{t: t, bin: bin, index: filepath.Join(t.TempDir(), "data", "index"),
		acked: map[string]bool{}, sent: map[string]bool{}}
	start := time.Now()
	for round := range rounds {
		srv := c.start()
		c.check(srv, round)
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for range 2 {
			wg.Go(func() { c.uploadUntil(srv, stop) })
		}
		time.Sleep(time.Duration(20+rng.IntN(400)) * time.Millisecond)
		srv.cmd.Process.Signal(syscall.SIGKILL)
		srv.cmd.Wait()
		close(stop)
		wg.Wait()
	}
	srv := c.start()
	c.check(srv, rounds)
	srv.cmd.Process.Signal(syscall.SIGTERM)
	srv.cmd.Wait()
	t.Logf("%d kills in %.1f s: %d uploads acknowledged, %d sent", rounds, time.Since(start).Seconds(), len(c.acked), len(c.sent))
	if len(c.acked) < rounds {
		t.Errorf("only %d uploads acknowledged in %d rounds: the test did not exercise the server", len(c.acked), rounds)
	}
}

const crashToken = "kraschnyckel"

type crashRun struct {
	t     *testing.T
	bin   string
	index string

	mu    sync.Mutex
	next  int             // day of the next meeting
	acked map[string]bool // meeting ids answered 200
	sent  map[string]bool // meeting ids sent, answered or not
	base  int             // documents of the bundled examples
}

type crashServer struct {
	cmd *exec.Cmd
	url string
}

var servingAddr = regexp.MustCompile(`"addr":"([^"]+)".*"message":"serving"`)

// start starts the server on a free port and waits until it is ready.
func (c *crashRun) start() crashServer {
	c.t.Helper()
	cmd := exec.Command(c.bin, "serve", "--index", c.index, "--addr", "127.0.0.1:0", "--write-token", crashToken)
	cmd.Env = append(os.Environ(), "MOTESARKIV_LOG_LEVEL=info")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		c.t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		c.t.Fatal(err)
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := servingAddr.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
		close(addr)
	}()
	select {
	case a, ok := <-addr:
		if !ok {
			cmd.Wait()
			c.t.Fatalf("server exited before serving: %v", cmd.ProcessState)
		}
		srv := crashServer{cmd: cmd, url: "http://" + a}
		c.waitReady(srv)
		return srv
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		c.t.Fatal("server did not start within 20 s")
	}
	return crashServer{}
}

func (c *crashRun) waitReady(srv crashServer) {
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if resp, err := http.Get(srv.url + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
	}
	c.t.Fatal("server not ready within 10 s")
}

// check holds the invariants after a restart.
func (c *crashRun) check(srv crashServer, round int) {
	c.t.Helper()
	present := 0
	for id := range c.sent {
		resp, err := http.Get(srv.url + "/api/v1/meetings/" + url.PathEscape(id))
		if err != nil {
			c.t.Fatal(err)
		}
		resp.Body.Close()
		switch {
		case resp.StatusCode == http.StatusOK:
			present++
		case c.acked[id]:
			c.t.Errorf("round %d: acknowledged meeting %s lost (status %d)", round, id, resp.StatusCode)
		}
	}
	docs := scrape(c.t, srv.url, "motesarkiv_index_documents")
	meetings := scrape(c.t, srv.url, "motesarkiv_index_meetings")
	if round == 0 {
		c.base = docs
	}
	if want := c.base + 3*present; docs != want { // a meeting and its two items
		c.t.Errorf("round %d: %d documents, want %d for %d uploaded meetings: duplicated or half-written", round, docs, want, present)
	}
	if want := 2 + present; meetings != want {
		c.t.Errorf("round %d: %d meetings, want %d", round, meetings, want)
	}
	var res struct{ Total int }
	getJSONURL(c.t, srv.url+"/api/v1/search?q=kolibrimötet&facets=none", &res)
	if res.Total != present {
		c.t.Errorf("round %d: search finds %d items, want one a meeting, %d", round, res.Total, present)
	}
}

// uploadUntil sends meetings, one to three a request, until stop.
func (c *crashRun) uploadUntil(srv crashServer, stop <-chan struct{}) {
	client := &http.Client{Timeout: 10 * time.Second}
	for n := 1; ; n = n%3 + 1 {
		select {
		case <-stop:
			return
		default:
		}
		ids, body, ctype := c.batch(n)
		req, _ := http.NewRequest(http.MethodPost, srv.url+"/api/v1/documents", body)
		req.Header.Set("Content-Type", ctype)
		req.Header.Set("Authorization", "Bearer "+crashToken)
		resp, err := client.Do(req)
		if err != nil { // killed under way: not acknowledged
			time.Sleep(5 * time.Millisecond)
			continue
		}
		var ans struct{ Meetings []struct{ ID string } }
		err = json.NewDecoder(resp.Body).Decode(&ans)
		resp.Body.Close()
		if err == nil && resp.StatusCode != http.StatusOK {
			c.t.Errorf("upload answered %d", resp.StatusCode)
		}
		if err != nil || resp.StatusCode != http.StatusOK {
			continue
		}
		c.mu.Lock()
		for _, m := range ans.Meetings {
			c.acked[m.ID] = true
		}
		c.mu.Unlock()
		if len(ans.Meetings) != len(ids) {
			c.t.Errorf("%d meetings acknowledged of %d sent", len(ans.Meetings), len(ids))
		}
	}
}

// batch makes n new meetings, each on a day of its own.
func (c *crashRun) batch(n int) ([]string, io.Reader, string) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	var ids []string
	c.mu.Lock()
	defer c.mu.Unlock()
	for range n {
		day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, c.next)
		c.next++
		date := day.Format(time.DateOnly)
		id := "kraschradet-" + date
		c.sent[id], ids = true, append(ids, id)
		w, _ := mw.CreateFormFile("file", date+".txt")
		fmt.Fprintf(w, "Minnesanteckningar Kraschrådet\n\nDatum: %s\n\n1. Inledning\n\nOrdföranden hälsade välkommen till kolibrimötet.\n\n"+
			"2. Rapport: Läget\n\nProjekten löper enligt plan.\n", date)
	}
	mw.Close()
	return ids, &buf, mw.FormDataContentType()
}

// scrape reads one unlabelled series from /metrics.
func scrape(t *testing.T, base, name string) int {
	t.Helper()
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatal(err)
			}
			return int(f)
		}
	}
	t.Fatalf("/metrics has no %s", name)
	return 0
}

func getJSONURL(t *testing.T, u string, v any) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}
