package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/rs/zerolog"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

// ingest puts the meetings of the files and folders named into the index.
// A bad file is logged and skipped; only when no file could be ingested is
// the command a failure.
func (a *app) ingest(ctx context.Context, args []string) (err error) {
	fs := flagSet("ingest")
	dir, region, level := a.indexFlag(fs), a.regionFlag(fs), a.logLevelFlag(fs)
	if err := a.parseFlags(fs, args, usageIngest); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageErrorf(usageIngest, "ingest needs at least one PATH")
	}
	log, err := newLogger(a.stderr, *level)
	if err != nil {
		return &usageError{err: err, usage: usageIngest}
	}
	files, errs := ingest.Collect(fs.Args())
	for _, err := range errs {
		logFailure(log, "", err)
	}
	if len(files) == 0 {
		return errors.New("no file to ingest")
	}
	ix, err := openIndex(*dir)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, ix.Close()) }()

	t, err := ingestAll(ctx, ix, files, ingest.Options{Region: *region}, log)
	t.failed += len(errs)
	fmt.Fprintf(a.stdout, "%s into %s\n", t, *dir)
	if err == nil && t.ingested() == 0 {
		err = errors.New("no file could be ingested")
	}
	return err
}

// ingestAll ingests files one by one, logging each outcome with a count,
// until they are done or ctx is cancelled.
func ingestAll(ctx context.Context, ix *index.Index, files []string, opts ingest.Options, log zerolog.Logger) (tally, error) {
	var t tally
	for i, path := range files {
		if err := ctx.Err(); err != nil {
			return t, fmt.Errorf("interrupted after %d of %d files: %w", i, len(files), err)
		}
		m, outcome, err := ingestFile(ix, path, opts)
		if err != nil {
			logFailure(log, path, err)
			t.failed++
			continue
		}
		log.Info().Str("file", path).Str("meeting", m.ID).
			Str("progress", fmt.Sprintf("%d/%d", i+1, len(files))).Msg(outcome.String())
		t.count(outcome)
	}
	return t, nil
}

func ingestFile(ix *index.Index, path string, opts ingest.Options) (*ingest.Meeting, index.Outcome, error) {
	m, err := ingest.ReadFile(path, opts)
	if err != nil {
		return nil, 0, err
	}
	outcome, err := ix.Put(m)
	if err != nil {
		return nil, 0, fmt.Errorf("index %s: %w", path, err)
	}
	return m, outcome, nil
}

// logFailure names the file that could not be ingested and why. A
// *ingest.FileError carries both; other errors name the file themselves.
func logFailure(log zerolog.Logger, path string, err error) {
	ev := log.Error()
	var fe *ingest.FileError
	if errors.As(err, &fe) {
		ev = ev.Str("file", fe.Path).Str("reason", fe.Reason)
		if fe.Err != nil && fe.Err.Error() != fe.Reason {
			ev = ev.AnErr("cause", fe.Err)
		}
	} else {
		ev = ev.Str("file", path).Err(err)
	}
	ev.Msg("could not ingest")
}

// tally counts the outcomes of an ingest.
type tally struct {
	added, replaced, unchanged, failed int
}

func (t *tally) count(o index.Outcome) {
	switch o {
	case index.Added:
		t.added++
	case index.Replaced:
		t.replaced++
	case index.Unchanged:
		t.unchanged++
	}
}

func (t tally) ingested() int { return t.added + t.replaced + t.unchanged }

func (t tally) String() string {
	return fmt.Sprintf("ingested %d of %d files (%d added, %d replaced, %d unchanged, %d failed)",
		t.ingested(), t.ingested()+t.failed, t.added, t.replaced, t.unchanged, t.failed)
}
