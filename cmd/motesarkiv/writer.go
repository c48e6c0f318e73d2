package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/rs/zerolog"

	"motesarkiv/index"
	"motesarkiv/ingest"
	"motesarkiv/server"
)

// writer changes a served archive: uploads, the watched folder and
// `remove` all go through it. It ingests as `motesarkiv ingest` does,
// with the same parsing (parseChunks), the same batches (putChunk) and
// the same kept originals (originals.go), and it returns only once the
// meetings are on disk (index/durable.go), so that a write it reports
// survives a crash.
type writer struct {
	ix        store
	originals string
	log       zerolog.Logger
}

// store is what writer needs of the index: an *index.Index, or the
// *index.Live that serve serves.
type store interface {
	archive // rebuild.go
	Meeting(id string) (*ingest.Meeting, error)
	Remove(id string) error
}

var _ server.Writer = writer{}

// Ingest parses the files and puts their meetings into the index,
// keeping each original.
func (w writer) Ingest(ctx context.Context, files []string, opts ingest.Options) []server.FileResult {
	results := make([]server.FileResult, 0, len(files))
	for chunk := range parseChunks(ctx, files, opts) {
		var ms []*ingest.Meeting
		var at []int // index in results of each of ms
		for _, f := range chunk {
			results = append(results, server.FileResult{Path: f.path, Meeting: f.m, Err: f.err})
			if f.err == nil {
				ms, at = append(ms, f.m), append(at, len(results)-1)
			}
		}
		outcomes, errs := putChunk(w.ix, ms)
		for i, m := range ms {
			r := &results[at[i]]
			r.Outcome = outcomes[i]
			if errs[i] != nil {
				r.Meeting, r.Err = nil, fmt.Errorf("index %s: %w", r.Path, errs[i])
				continue
			}
			if err := saveOriginal(w.originals, r.Path, m); err != nil {
				w.log.Warn().Str("file", r.Path).Err(err).Msg("could not keep the original")
			}
		}
	}
	for _, r := range results {
		w.logResult(r)
	}
	for _, f := range files[len(results):] { // cancelled before parsed
		results = append(results, server.FileResult{Path: f, Err: fmt.Errorf("ingest %s: %w", f, context.Cause(ctx))})
	}
	return results
}

func (w writer) logResult(r server.FileResult) {
	if r.Err != nil {
		logFailure(w.log, r.Path, r.Err)
		return
	}
	w.log.Info().Str("file", r.Path).Str("meeting", r.Meeting.ID).Msg(r.Outcome.String())
}

// errBadID is a meeting id that could not name a meeting: ids are slugs
// such as "valfardsradet-dalarna-2026-04-09".
var errBadID = errors.New("not a meeting id")

// Remove takes the meeting out of the index and its kept original off
// the disk. The original goes first: a crash in between leaves a
// meeting without its file, which a second Remove finishes, rather than
// a file nothing refers to any more.
func (w writer) Remove(id string) error {
	if !validID(id) {
		return fmt.Errorf("remove %q: %w: %w", id, errBadID, index.ErrNotFound)
	}
	if _, err := w.ix.Meeting(id); err != nil {
		return err
	}
	if err := removeOriginals(w.originals, id); err != nil {
		return err
	}
	return w.ix.Remove(id)
}

// validID reports an id that is a single, local file name element.
func validID(id string) bool {
	return id != "" && filepath.IsLocal(id) && !strings.ContainsAny(id, `/\`) && !strings.HasPrefix(id, ".")
}

// removeOriginals removes every kept format of meeting id.
func removeOriginals(dir, id string) error {
	for _, ext := range formatExt {
		err := os.Remove(filepath.Join(dir, id+ext))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("remove original of %s: %w", id, err)
		}
	}
	return syncDir(dir)
}

// syncDir makes the folder's entries (a rename, a removal) durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
