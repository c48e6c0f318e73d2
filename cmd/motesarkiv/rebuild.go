package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/rs/zerolog"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

// archive is the index that ingest and the bundled examples write to:
// an *index.Index, or the *index.Live that serve serves, which a rebuild
// may replace under it. Both may be written from several goroutines at
// once, as ingest does (chunkput.go).
type archive interface {
	Put(*ingest.Meeting) (index.Outcome, error)
	PutAll([]*ingest.Meeting) ([]index.Outcome, error)
	MeetingCount() (int, error)
}

// openLive opens the index in dir for serving, explaining the errors a
// user can do something about, as openIndex does.
func openLive(dir string) (*index.Live, error) {
	if dir == "" {
		return nil, errors.New("no index folder: give --index or set MOTESARKIV_INDEX (neither XDG_DATA_HOME nor HOME is set)")
	}
	l, err := index.OpenLive(dir)
	if errors.Is(err, index.ErrLocked) {
		return nil, fmt.Errorf("index %s is in use by another motesarkiv (serve or ingest); stop it or use another --index: %w", dir, err)
	}
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return l, nil
}

// rebuildIfStale starts rebuilding the index in the background when it
// was built with another mapping or analysis chain than this binary's
// (index/version.go), parsing each meeting again from its original where
// the archive keeps one. The old index serves until the new one is
// complete. It logs the progress; wait returns once the rebuild has
// ended, which cancelling ctx hastens.
func rebuildIfStale(ctx context.Context, l *index.Live, originals string, log zerolog.Logger) (wait func(), err error) {
	stale, err := l.Stale()
	if err != nil || !stale {
		return func() {}, err
	}
	log.Warn().Str("analysis_version", index.AnalysisVersion).Msg("index was built with another analysis chain: rebuilding it while the old one serves")
	var wg sync.WaitGroup
	wg.Go(func() {
		rep, err := l.Rebuild(ctx, reparser(originals), func(done, total int) {
			log.Info().Int("done", done).Int("total", total).Msg("rebuilding index")
		})
		for _, e := range rep.Errors {
			log.Warn().Err(e).Msg("rebuild kept the stored meeting")
		}
		if err != nil {
			log.Error().Err(err).Msg("rebuild failed; the old index still serves")
			return
		}
		log.Info().Int("meetings", rep.Meetings).Int("reparsed", rep.Reparsed).Msg("index rebuilt and swapped in")
	})
	return wg.Wait, nil
}

// reparser parses a meeting again from its original in dir, with the
// region it was stored with where the text names none. A meeting whose
// original is not kept is copied as stored.
func reparser(dir string) index.Reparse {
	return func(stored *ingest.Meeting) (*ingest.Meeting, error) {
		path := originalPath(dir, stored)
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		m, err := ingest.ReadFile(path, ingest.Options{Region: stored.Region})
		if err != nil {
			return nil, err
		}
		m.Source.File = filepath.Base(stored.Source.File) // the name it was ingested under, not the copy's
		return m, nil
	}
}
