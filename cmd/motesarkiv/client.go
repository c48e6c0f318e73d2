package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/rs/zerolog"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

// `ingest --server URL` and `remove --server URL` send their work to a
// running server instead of opening the index, which the server holds.

// uploadBatch is how many files go in one request.
const uploadBatch = 20

// clientTimeout bounds one request to the server, an upload of a batch
// included.
const clientTimeout = 10 * time.Minute

// uploadAnswer is the server's answer to POST /api/v1/documents.
type uploadAnswer struct {
	Meetings []struct {
		File    string `json:"file"`
		ID      string `json:"id"`
		Outcome string `json:"outcome"`
		Items   int    `json:"items"`
	} `json:"meetings"`
	Errors []struct {
		File   string `json:"file"`
		Reason string `json:"reason"`
		Error  string `json:"error"`
	} `json:"errors"`
	Error string `json:"error"`
}

// client talks to a running server.
type client struct {
	base  *url.URL
	token string
	http  *http.Client
}

func newClient(server, token string) (*client, error) {
	u, err := url.Parse(strings.TrimRight(server, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("--server %q: give the server's address, such as http://localhost:8080", server)
	}
	return &client{base: u, token: token, http: &http.Client{Timeout: clientTimeout}}, nil
}

// sendFiles uploads files to the server a batch at a time, logs each
// file's outcome as ingest does, and prints the summary.
func (a *app) sendFiles(ctx context.Context, c *client, files []string, opts ingest.Options, log zerolog.Logger) error {
	t := newTally()
	for start := 0; start < len(files); start += uploadBatch {
		batch := files[start:min(start+uploadBatch, len(files))]
		ans, err := c.upload(ctx, batch, opts)
		if err != nil {
			return err
		}
		for _, m := range ans.Meetings {
			log.Info().Str("file", m.File).Str("meeting", m.ID).Msg(m.Outcome)
			t.countName(m.Outcome, m.ID, m.Items)
		}
		for _, e := range ans.Errors {
			log.Error().Str("file", e.File).Str("reason", e.Reason).Str("cause", e.Error).Msg("could not ingest")
			t.skipped = append(t.skipped, e.File+": "+e.Error)
		}
	}
	t.report(a.stdout, c.base.String())
	if t.ingested() == 0 {
		return errors.New("no file could be ingested")
	}
	return nil
}

// countName counts an outcome the server reported by name.
func (t *tally) countName(outcome, id string, items int) {
	switch outcome {
	case "added":
		t.added++
	case "replaced":
		t.replaced++
	case "unchanged":
		t.unchanged++
	}
	if !t.meetings[id] {
		t.meetings[id] = true
		t.items += items
	}
}

// upload sends one batch as multipart/form-data, streamed from the
// files rather than held in memory.
func (c *client) upload(ctx context.Context, files []string, opts ingest.Options) (*uploadAnswer, error) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() { pw.CloseWithError(writeParts(mw, files, opts)) }()
	req, err := c.request(ctx, http.MethodPost, "/api/v1/documents", pr)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	var ans uploadAnswer
	status, err := c.do(req, &ans)
	if err != nil {
		return nil, err
	}
	if status != http.StatusOK && status != http.StatusUnprocessableEntity {
		return nil, fmt.Errorf("upload to %s: %d %s", c.base, status, ans.Error)
	}
	return &ans, nil
}

func writeParts(mw *multipart.Writer, files []string, opts ingest.Options) error {
	if opts.Date != "" {
		mw.WriteField("date", opts.Date)
	}
	if opts.Region != "" {
		mw.WriteField("organisation", opts.Region)
	}
	for _, f := range files {
		if err := copyPart(mw, f); err != nil {
			return err
		}
	}
	return mw.Close()
}

func copyPart(mw *multipart.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w, err := mw.CreateFormFile("file", filepath.Base(path))
	if err != nil {
		return err
	}
	_, err = io.Copy(w, f)
	return err
}

// remove asks the server to remove a meeting.
func (c *client) remove(ctx context.Context, id string) error {
	req, err := c.request(ctx, http.MethodDelete, "/api/v1/meetings/"+url.PathEscape(id), nil)
	if err != nil {
		return err
	}
	var ans struct {
		Error string `json:"error"`
	}
	status, err := c.do(req, &ans)
	if err != nil {
		return err
	}
	if status != http.StatusOK {
		return fmt.Errorf("remove %s at %s: %d %s", id, c.base, status, ans.Error)
	}
	return nil
}

func (c *client) request(ctx context.Context, method, path string, body io.Reader) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base.String()+path, body)
	if err != nil {
		return nil, err
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	return req, nil
}

// do sends req and decodes the JSON answer into v, whatever its status.
func (c *client) do(req *http.Request, v any) (int, error) {
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, fmt.Errorf("%s %s: %w", req.Method, c.base, err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(io.LimitReader(resp.Body, 16<<20)).Decode(v); err != nil {
		return resp.StatusCode, fmt.Errorf("%s %s: %d, and the answer is not JSON: %w", req.Method, c.base, resp.StatusCode, err)
	}
	return resp.StatusCode, nil
}

// sendTo sends files to the server at srv (ingest --server).
func (a *app) sendTo(ctx context.Context, srv, token string, files []string, opts ingest.Options, log zerolog.Logger) error {
	c, err := newClient(srv, token)
	if err != nil {
		return &usageError{err: err, usage: usageIngest}
	}
	return a.sendFiles(ctx, c, files, opts, log)
}

// lockedError explains an index another process holds, and when it is a
// server (noteServing), how to send it the files instead.
func lockedError(dir string, err error) error {
	note, rerr := os.ReadFile(servingFile(dir))
	if url, _, ok := strings.Cut(string(note), "\n"); rerr == nil && ok && url != "" {
		return fmt.Errorf("index %s is held by the server at %s; send it the files instead: motesarkiv ingest --server %s --write-token T PATH... (remove: motesarkiv remove --server %s ID): %w", dir, url, url, url, err)
	}
	return fmt.Errorf("index %s is in use by another motesarkiv (serve or ingest); stop it, use another --index, or send the files to a running server with motesarkiv ingest --server URL PATH...: %w", dir, err)
}

// heldByServer is the locked-index error, without waiting for the lock,
// when the note of a running server (noteServing) names a live process
// other than this one. A note left by a server that was killed names a
// process that is gone, and is passed over.
func heldByServer(dir string) error {
	note, err := os.ReadFile(servingFile(dir))
	if err != nil {
		return nil
	}
	lines := strings.Split(string(note), "\n")
	if len(lines) < 2 {
		return nil
	}
	pid, err := strconv.Atoi(strings.TrimSpace(lines[1]))
	if err != nil || pid <= 0 || pid == os.Getpid() || !processAlive(pid) {
		return nil
	}
	return lockedError(dir, index.ErrLocked)
}

// processAlive reports whether a process with this id exists (signal 0
// checks without sending; where that is not supported, such as Windows,
// it says no, and the lock's short wait decides instead).
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}
