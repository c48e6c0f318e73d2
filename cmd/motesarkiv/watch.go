package main

import (
	"context"
	"os"
	"time"

	"github.com/rs/zerolog"

	"motesarkiv/ingest"
	"motesarkiv/server"
)

// watchInterval is how often serve --watch looks at its folder. A file
// is ingested once it has looked the same (size and time) twice in a
// row, so that a file still being copied in is not read half written:
// a dropped file is searchable within two intervals and an ingest.
const watchInterval = time.Second

// fileState is what the watcher knows of a file between looks.
type fileState struct {
	size    int64
	mod     time.Time
	settled bool // ingested (or failed) in this state
}

// watchFolder ingests the minutes files dropped into dir, or changed
// there, through w until ctx is cancelled. Files already there when it
// starts are ingested too; those the index holds already come out
// unchanged. A file that fails is logged and not tried again until it
// changes.
func watchFolder(ctx context.Context, dir string, w writer, m *server.Metrics, opts ingest.Options, log zerolog.Logger) {
	log.Info().Str("folder", dir).Msg("watching for minutes")
	seen := map[string]*fileState{}
	t := time.NewTicker(watchInterval)
	defer t.Stop()
	for {
		if ready := look(dir, seen, log); len(ready) > 0 {
			m.CountIngest(w.Ingest(ctx, ready, opts))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// look updates seen from the folder and returns the files that have
// settled since the last look.
func look(dir string, seen map[string]*fileState, log zerolog.Logger) []string {
	files, errs := ingest.Collect([]string{dir})
	for _, err := range errs {
		log.Debug().Err(err).Msg("watch")
	}
	var ready []string
	now := map[string]bool{}
	for _, f := range files {
		now[f] = true
		info, err := os.Stat(f)
		if err != nil {
			continue
		}
		st := seen[f]
		switch {
		case st == nil || st.size != info.Size() || !st.mod.Equal(info.ModTime()):
			seen[f] = &fileState{size: info.Size(), mod: info.ModTime()}
		case !st.settled:
			st.settled = true
			ready = append(ready, f)
		}
	}
	for f := range seen {
		if !now[f] {
			delete(seen, f)
		}
	}
	return ready
}
