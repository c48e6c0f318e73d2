package main

import (
	"context"
	"errors"
	"fmt"
)

// remove takes meetings out of the archive: from the index and the kept
// originals, or, with --server, from a running server's.
func (a *app) remove(ctx context.Context, args []string) (err error) {
	fs := flagSet("remove")
	dir, level := a.indexFlag(fs), a.logLevelFlag(fs)
	srv := fs.String("server", a.env(envServer, ""), "")
	token := a.writeTokenFlag(fs)
	if err := a.parseFlags(fs, args, usageRemove); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageErrorf(usageRemove, "remove needs at least one meeting ID")
	}
	log, err := newLogger(a.stderr, *level)
	if err != nil {
		return &usageError{err: err, usage: usageRemove}
	}
	rm, closeFn, err := a.remover(*srv, *token, *dir)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, closeFn()) }()
	var errs []error
	for _, id := range fs.Args() {
		if err := rm(ctx, id); err != nil {
			errs = append(errs, err)
			continue
		}
		log.Info().Str("meeting", id).Msg("removed")
		fmt.Fprintln(a.stdout, "removed", id)
	}
	return errors.Join(errs...)
}

// remover removes one meeting through the server at srv, or, without
// one, from the index in dir.
func (a *app) remover(srv, token, dir string) (func(context.Context, string) error, func() error, error) {
	if srv != "" {
		c, err := newClient(srv, token)
		if err != nil {
			return nil, nil, &usageError{err: err, usage: usageRemove}
		}
		return c.remove, func() error { return nil }, nil
	}
	ix, err := openIndex(dir)
	if err != nil {
		return nil, nil, err
	}
	w := writer{ix: ix, originals: originalsDir(dir)}
	return func(_ context.Context, id string) error { return w.Remove(id) }, ix.Close, nil
}

const usageRemove = `motesarkiv remove [--index DIR | --server URL --write-token T] [--log-level L] ID...

Remove takes each meeting named by its id (as in /m/ID) out of the
archive: the meeting and its items from the index, so that no search,
mention list, feed or facet shows it any more, and the kept original
from the folder "originals". A meeting that is not there is an error;
the others are still removed. While a server holds the index, remove
through it with --server.

  --index DIR        the index folder (env MOTESARKIV_INDEX)
  --server URL       remove through the server at URL, as
                     http://localhost:8080 (env MOTESARKIV_SERVER)
  --write-token T    the server's write token (env MOTESARKIV_WRITE_TOKEN)
  --log-level L      trace, debug, info, warn or error (env MOTESARKIV_LOG_LEVEL;
                     default info)
`
