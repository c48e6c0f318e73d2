package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"motesarkiv/index"
	"motesarkiv/ingest"
	"motesarkiv/server"
)

// The flags that make serve a service (issue 7): writes, access, a
// watched folder and profiling.
const (
	envWriteToken = "MOTESARKIV_WRITE_TOKEN"
	envReadToken  = "MOTESARKIV_READ_TOKEN"
	envWatch      = "MOTESARKIV_WATCH"
	envPprof      = "MOTESARKIV_PPROF"
	envServer     = "MOTESARKIV_SERVER"
)

// readTimeout bounds reading a whole request, an upload included: 100 MB
// at well under 1 MB/s still fits.
const readTimeout = 5 * time.Minute

// maxHeaderBytes bounds a request's headers and URL: a query string of
// megabytes is refused (431) before any handler sees it.
const maxHeaderBytes = 64 << 10

type serviceFlags struct {
	writeToken, readToken, watch, pprof *string
	maxSize                             *int
}

func (a *app) serviceFlags(fs *flag.FlagSet) serviceFlags {
	return serviceFlags{
		writeToken: a.writeTokenFlag(fs),
		readToken:  fs.String("read-token", a.env(envReadToken, ""), ""),
		watch:      fs.String("watch", a.env(envWatch, ""), ""),
		pprof:      fs.String("pprof", a.env(envPprof, ""), ""),
		maxSize:    a.maxSizeFlag(fs),
	}
}

func (a *app) writeTokenFlag(fs *flag.FlagSet) *string {
	return fs.String("write-token", a.env(envWriteToken, ""), "")
}

// service is what serve runs beside the HTTP server: the writer, the
// metrics, the watched folder and the profiler.
type service struct {
	w       writer
	metrics *server.Metrics
	flags   serviceFlags
	dir     string
	ix      store
	wg      sync.WaitGroup
}

// startService starts the folder watcher and the profiler, which end
// with ctx; wait waits for them.
func (a *app) startService(ctx context.Context, f serviceFlags, ix store, dir string, log zerolog.Logger) (*service, error) {
	if *f.maxSize <= 0 {
		return nil, usageErrorf(usageServe, "--max-size %d: give a size in MB above 0", *f.maxSize)
	}
	s := &service{
		w:       writer{ix: ix, originals: originalsDir(dir), log: log},
		metrics: server.NewMetrics(),
		flags:   f, dir: dir, ix: ix,
	}
	if *f.writeToken == "" {
		log.Info().Msg("no --write-token: uploads and removals are turned off")
	}
	if rb, ok := ix.(interface{ Rebuilding() *index.Rebuild }); ok {
		s.metrics.WatchRebuild(func() (bool, int, int) {
			done, total := rb.Rebuilding().Progress()
			return rb.Rebuilding().Running(), done, total
		})
	}
	if *f.watch != "" {
		opts := ingest.Options{MaxSize: int64(*f.maxSize) << 20}
		s.wg.Go(func() { watchFolder(ctx, *f.watch, s.w, s.metrics, opts, log) })
	}
	if *f.pprof != "" {
		if err := s.startPprof(ctx, *f.pprof, log); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s *service) wait() { s.wg.Wait() }

// configure adds the service's parts to the server's configuration.
func (s *service) configure(cfg *server.Config) {
	cfg.Writer = s.w
	cfg.WriteToken, cfg.ReadToken = *s.flags.writeToken, *s.flags.readToken
	cfg.Uploads = filepath.Join(filepath.Dir(filepath.Clean(s.dir)), "uploads")
	cfg.MaxUpload = int64(*s.flags.maxSize) << 20
	cfg.Metrics = s.metrics
	if rb, ok := s.ix.(interface{ Rebuilding() *index.Rebuild }); ok {
		cfg.Ready = func() error {
			if r := rb.Rebuilding(); r.Running() {
				done, total := r.Progress()
				return fmt.Errorf("rebuilding the index: %d of %d meetings", done, total)
			}
			return nil
		}
	}
}

// startPprof serves net/http/pprof on its own address, which should be
// a loopback one: profiles show what the process is doing to whoever
// can reach them.
func (s *service) startPprof(ctx context.Context, addr string, log zerolog.Logger) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("pprof: listen on %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: readHeaderTimeout, IdleTimeout: idleTimeout}
	log.Info().Str("addr", ln.Addr().String()).Msg("serving pprof")
	s.wg.Go(func() {
		go func() { <-ctx.Done(); srv.Close() }()
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			log.Error().Err(err).Msg("pprof stopped")
		}
	})
	return nil
}

// servingFile is where serve notes the address it answers on, beside
// the index, so that an ingest that finds the index in use can say
// where to send its files.
func servingFile(dir string) string {
	return filepath.Join(filepath.Dir(filepath.Clean(dir)), "serving")
}

// noteServing writes the address and the process id; the returned
// function removes the note.
func noteServing(dir string, addr net.Addr) func() {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return func() {}
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	note := "http://" + net.JoinHostPort(host, port) + "\n" + strconv.Itoa(os.Getpid()) + "\n"
	p := servingFile(dir)
	if err := os.WriteFile(p, []byte(note), 0o644); err != nil {
		return func() {}
	}
	return func() { os.Remove(p) }
}

// usageService is the part of serve's usage about running it as a
// service.
const usageService = `
Running as a service: POST /api/v1/documents (multipart, one or more
parts named file) ingests minutes while serving, as ingest does, and
DELETE /api/v1/meetings/ID removes one; both need the write token as
"Authorization: Bearer T". /readyz says whether the index answers and is
not being rebuilt; /metrics has Prometheus series. A unit file for
systemd is in docs/motesarkiv.service.

  --write-token T    the token writes need (env MOTESARKIV_WRITE_TOKEN);
                     without one, writes are turned off
  --read-token T     when set, everything but /healthz and /readyz needs
                     this token or the write token, as a Bearer token or
                     the password of HTTP Basic (env MOTESARKIV_READ_TOKEN)
  --watch DIR        ingest minutes dropped into or changed in DIR
                     (env MOTESARKIV_WATCH)
  --max-size MB      the largest upload a request may carry, and file
                     (env MOTESARKIV_MAX_SIZE; default 100)
  --pprof ADDR       serve Go's profiles at http://ADDR/debug/pprof/; give
                     a loopback address such as 127.0.0.1:6060 (env
                     MOTESARKIV_PPROF; default off)
`
