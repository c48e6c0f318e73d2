package main

import (
	"context"
	"errors"
	"fmt"
	stdlog "log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/rs/zerolog"

	"motesarkiv/server"
)

// shutdownTimeout is how long requests under way get to finish after
// SIGINT or SIGTERM; searches take milliseconds, so this is generous.
const shutdownTimeout = 10 * time.Second

// HTTP server timeouts, against clients that hold connections open.
const (
	readHeaderTimeout = 10 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 2 * time.Minute
)

// serve answers HTTP until ctx is cancelled, then shuts down and closes
// the index.
func (a *app) serve(ctx context.Context, args []string) (err error) {
	fs := flagSet("serve")
	dir, addr, level := a.indexFlag(fs), a.addrFlag(fs), a.logLevelFlag(fs)
	svc := a.serviceFlags(fs) // service.go
	origins, err := a.corsFlag(fs)
	if err != nil {
		return usageErrorf(usageServe, "%s: %v", envCORSOrigins, err)
	}
	if err := a.parseFlags(fs, args, usageServe); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErrorf(usageServe, "serve takes no arguments, got %q", fs.Args())
	}
	log, err := newLogger(a.stderr, *level)
	if err != nil {
		return &usageError{err: err, usage: usageServe}
	}
	ix, err := openLive(*dir) // rebuild.go
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, ix.Close()) }()
	if err := seedExamples(ix, log); err != nil {
		return err
	}
	waitRebuild, err := rebuildIfStale(ctx, ix, originalsDir(*dir), log)
	if err != nil {
		return err
	}
	defer waitRebuild()
	sv, err := a.startService(ctx, svc, ix, *dir, log) // service.go
	if err != nil {
		return err
	}
	defer sv.wait()

	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	log.Info().Str("addr", ln.Addr().String()).Str("index", *dir).Msg("serving")
	if a.ready != nil {
		a.ready(ln.Addr())
	}
	defer noteServing(*dir, ln.Addr())()
	cfg := server.Config{
		Index:       ix,
		Originals:   os.DirFS(originalsDir(*dir)),
		CORSOrigins: origins.origins,
		Logger:      log,
	}
	sv.configure(&cfg)
	h := server.New(cfg).Handler()
	return serveUntilDone(ctx, newHTTPServer(h, log), ln, log)
}

func newHTTPServer(h http.Handler, log zerolog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout, // service.go
		MaxHeaderBytes:    maxHeaderBytes,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		ErrorLog:          stdlog.New(log.With().Str("component", "http").Logger(), "", 0),
	}
}

// serveUntilDone serves on ln until ctx is cancelled, then stops taking
// connections and gives the requests under way shutdownTimeout to finish.
func serveUntilDone(ctx context.Context, srv *http.Server, ln net.Listener, log zerolog.Logger) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info().Msg("shutting down")
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shut down: %w", err)
	}
	<-errc // http.ErrServerClosed, now that Shutdown has returned
	log.Info().Msg("stopped")
	return nil
}
