package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

// ingest puts the meetings of the files and folders named into the index.
// A bad file is logged and skipped; only when no file could be ingested is
// the command a failure.
func (a *app) ingest(ctx context.Context, args []string) (err error) {
	start := time.Now()
	fs := flagSet("ingest")
	dir, level := a.indexFlag(fs), a.logLevelFlag(fs)
	srv, token := fs.String("server", a.env(envServer, ""), ""), a.writeTokenFlag(fs) // client.go
	opts, err := a.ingestOptions(fs, args, usageIngest)
	if err != nil {
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
	if *srv != "" { // client.go
		return a.sendTo(ctx, *srv, *token, files, opts, log)
	}
	ix, err := openIndex(*dir)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, ix.Close()) }()
	defer bulkGC()()

	run := ingestRun{ix: ix, opts: opts, log: log, originals: originalsDir(*dir), progress: newProgress(a.stderr, len(files))}
	t, err := run.all(ctx, files)
	t.fail(errs...)
	t.seconds = time.Since(start).Seconds()
	t.report(a.stdout, *dir)
	if err == nil && t.ingested() == 0 {
		err = errors.New("no file could be ingested")
	}
	return err
}

// ingestOptions parses the flags that say what the files do not.
func (a *app) ingestOptions(fs *flag.FlagSet, args []string, usage string) (ingest.Options, error) {
	region, org, date, maxSize := a.regionFlag(fs), a.organisationFlag(fs), a.dateFlag(fs), a.maxSizeFlag(fs)
	if err := a.parseFlags(fs, args, usage); err != nil {
		return ingest.Options{}, err
	}
	opts := ingest.Options{Region: cmp.Or(*org, *region), Date: *date, MaxSize: int64(*maxSize) << 20}
	if *maxSize <= 0 {
		return opts, usageErrorf(usage, "--max-size %d: give a size in MB above 0", *maxSize)
	}
	if *date != "" && !isDate(*date) {
		return opts, usageErrorf(usage, "--date %q: give the date as YYYY-MM-DD", *date)
	}
	return opts, nil
}

// ingestChunk is how many files are parsed together and put into the
// index in one batch: large enough that scorch writes segments worth
// keeping instead of merging one per meeting (see docs/performance.md).
// Two chunks are in flight at once (maxFlying), and a batch's analysis
// is most of ingest's memory, so two chunks of 100 peak where one of 200
// did; two of 200 took peak memory from 0.7 to 1.1 GB at 20k items.
const ingestChunk = 100

// ingestRun is one ingest: where the meetings and the originals go, and
// how it reports.
type ingestRun struct {
	ix        archive // rebuild.go
	opts      ingest.Options
	log       zerolog.Logger
	originals string
	progress  *progress
}

// all parses the files in parallel, a chunk at a time, and puts each
// chunk's meetings into the index in one batch, two chunks at once (see
// maxFlying). A file is logged with its outcome once its meeting is in the
// index, in the order of the files, so what the log reports as ingested
// survives a crash.
func (r ingestRun) all(ctx context.Context, files []string) (tally, error) {
	t := newTally()
	done := 0
	var flying []*chunkPut // started, in the order of the files
	land := func() {
		done = r.record(flying[0], &t, done, len(files))
		flying = flying[1:]
	}
	for chunk := range parseChunks(ctx, files, r.opts) {
		c := newChunkPut(chunk)
		// A chunk that shares a meeting with one in flight waits for it,
		// so that the later file still replaces the earlier.
		for len(flying) == maxFlying || len(flying) > 0 && c.sharesWith(flying) {
			land()
		}
		c.start(r.ix, r.originals)
		flying = append(flying, c)
	}
	for len(flying) > 0 {
		land()
	}
	r.progress.end()
	if err := ctx.Err(); err != nil {
		return t, fmt.Errorf("interrupted after %d of %d files: %w", done, len(files), err)
	}
	return t, nil
}

// record waits until c is in the index, then logs and counts its files;
// it returns how many files are done.
func (r ingestRun) record(c *chunkPut, t *tally, done, total int) int {
	<-c.done
	for _, f := range c.files {
		if f.err != nil {
			logFailure(r.log, f.path, f.err)
			t.fail(f.err)
		}
	}
	for i, m := range c.ms {
		if c.errs[i] != nil {
			err := fmt.Errorf("index %s: %w", c.paths[i], c.errs[i])
			logFailure(r.log, c.paths[i], err)
			t.fail(err)
			continue
		}
		if err := c.kept[i]; err != nil {
			// The copy costs the meeting nothing; it is logged.
			r.log.Warn().Str("file", c.paths[i]).Err(err).Msg("could not keep the original")
		}
		r.log.Info().Str("file", c.paths[i]).Str("meeting", m.ID).
			Str("progress", fmt.Sprintf("%d/%d", done+i+1, total)).Msg(c.outcomes[i].String())
		t.count(c.outcomes[i], m)
	}
	done += len(c.files)
	r.progress.show(done)
	return done
}

// putChunk puts the meetings in one batch; when the batch fails, it puts
// them one by one so that one bad meeting does not cost the others.
func putChunk(ix archive, ms []*ingest.Meeting) ([]index.Outcome, []error) {
	errs := make([]error, len(ms))
	outcomes, err := ix.PutAll(ms)
	if err == nil {
		return outcomes, errs
	}
	outcomes = make([]index.Outcome, len(ms))
	for i, m := range ms {
		outcomes[i], errs[i] = ix.Put(m)
	}
	return outcomes, errs
}

// parsedFile is one file's meeting or the reason it has none.
type parsedFile struct {
	path string
	m    *ingest.Meeting
	err  error
}

// parseChunks parses the files ingestChunk at a time, each chunk on every
// core, and sends the chunks in order. It stops when ctx is cancelled.
func parseChunks(ctx context.Context, files []string, opts ingest.Options) <-chan []parsedFile {
	out := make(chan []parsedFile, 1)
	go func() {
		defer close(out)
		for start := 0; start < len(files) && ctx.Err() == nil; start += ingestChunk {
			chunk := files[start:min(start+ingestChunk, len(files))]
			res := make([]parsedFile, len(chunk))
			var wg sync.WaitGroup
			next := make(chan int)
			for range runtime.GOMAXPROCS(0) {
				wg.Go(func() {
					for i := range next {
						m, err := ingest.ReadFile(chunk[i], opts)
						res[i] = parsedFile{path: chunk[i], m: m, err: err}
					}
				})
			}
			for i := range chunk {
				next <- i
			}
			close(next)
			wg.Wait()
			select {
			case out <- res:
			case <-ctx.Done():
			}
		}
	}()
	return out
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
