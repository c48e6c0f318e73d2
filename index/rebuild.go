package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"

	"motesarkiv/ingest"
)

// Rebuild is the progress of a rebuild of a Live index, which readiness
// checks and metrics read while it runs.
type Rebuild struct {
	running     atomic.Bool
	done, total atomic.Int64
}

// Progress is how many meetings the rebuild under way (or the last one)
// has written into the new generation, of how many.
func (r *Rebuild) Progress() (done, total int) {
	return int(r.done.Load()), int(r.total.Load())
}

// Running says whether a rebuild is under way.
func (r *Rebuild) Running() bool { return r.running.Load() }

// Rebuilding is the progress of the index's rebuilds.
func (l *Live) Rebuilding() *Rebuild { return &l.rb }

// Reparse parses a stored meeting again from its original file, so that
// parser fixes reach the new generation too. It returns nil, nil when the
// archive keeps no original; the stored meeting is then copied as it is.
type Reparse func(stored *ingest.Meeting) (*ingest.Meeting, error)

// RebuildReport says what a rebuild did.
type RebuildReport struct {
	Meetings int     // in the new generation
	Reparsed int     // of them parsed again from their originals
	Errors   []error // originals that could not be parsed again; their stored meeting was copied
}

// rebuildChunk is how many meetings go into the new generation in one
// batch (see bulk.go).
const rebuildChunk = 200

// ErrRebuilding: a rebuild was asked for while one runs.
var ErrRebuilding = errors.New("a rebuild is under way")

// Rebuild writes every meeting of the live generation into a new one
// built with this binary's mapping and analysis chain, reparsed where
// reparse can, while the live one keeps answering. Meetings written while
// it runs are carried over; then the new generation becomes live and the
// old is closed and removed. progress, when not nil, is called after each
// batch. On error the live generation stays as it was.
func (l *Live) Rebuild(ctx context.Context, reparse Reparse, progress func(done, total int)) (RebuildReport, error) {
	var rep RebuildReport
	if !l.rb.running.CompareAndSwap(false, true) {
		return rep, ErrRebuilding
	}
	defer l.rb.running.Store(false)
	l.wmu.Lock()
	l.dirty = map[string]bool{}
	l.wmu.Unlock()
	defer func() { l.wmu.Lock(); l.dirty = nil; l.wmu.Unlock() }()

	var ids []string
	err := l.with(func(ix *Index) (err error) {
		if err = removeDead(l.root, ix.dir); err == nil {
			ids, err = ix.meetingIDs(ctx)
		}
		return err
	})
	if err != nil {
		return rep, fmt.Errorf("rebuild index %s: %w", l.root, err)
	}
	gen := genPrefix + time.Now().UTC().Format("20060102T150405.000000000")
	next, err := openProfile(filepath.Join(l.root, gen), profileOurs)
	if err != nil {
		return rep, fmt.Errorf("rebuild index %s: %w", l.root, err)
	}
	if err = l.fill(ctx, next, ids, reparse, progress, &rep); err == nil {
		err = l.finish(next, gen)
	}
	if err != nil {
		next.Close()
		os.RemoveAll(next.dir)
		return rep, fmt.Errorf("rebuild index %s: %w", l.root, err)
	}
	rep.Meetings = len(ids)
	return rep, removeDead(l.root, next.dir)
}

// fill writes the meetings with ids into next, batch by batch.
func (l *Live) fill(ctx context.Context, next *Index, ids []string, reparse Reparse, progress func(done, total int), rep *RebuildReport) error {
	l.rb.done.Store(0)
	l.rb.total.Store(int64(len(ids)))
	for len(ids) > 0 {
		chunk := ids[:min(rebuildChunk, len(ids))]
		ids = ids[len(chunk):]
		ms := make([]*ingest.Meeting, 0, len(chunk))
		for _, id := range chunk {
			if err := ctx.Err(); err != nil {
				return err
			}
			m, err := l.fresh(id, reparse, rep)
			if errors.Is(err, ErrNotFound) { // removed meanwhile
				continue
			}
			if err != nil {
				return err
			}
			ms = append(ms, m)
		}
		if _, err := next.PutAll(ms); err != nil {
			return err
		}
		done := l.rb.done.Add(int64(len(chunk)))
		if progress != nil {
			progress(int(done), int(l.rb.total.Load()))
		}
	}
	return nil
}

// fresh is the meeting with this id as it goes into the new generation:
// parsed again from its original, or as stored.
func (l *Live) fresh(id string, reparse Reparse, rep *RebuildReport) (*ingest.Meeting, error) {
	stored, err := l.Meeting(id)
	if err != nil || reparse == nil {
		return stored, err
	}
	m, err := reparse(stored)
	switch {
	case err != nil:
		rep.Errors = append(rep.Errors, fmt.Errorf("meeting %s: parse original again: %w", id, err))
	case m != nil && m.ID != id:
		rep.Errors = append(rep.Errors, fmt.Errorf("meeting %s: its original now parses as meeting %s; kept as stored", id, m.ID))
	case m != nil:
		rep.Reparsed++
		return m, nil
	}
	return stored, nil
}

// finish carries the meetings written during the rebuild over into next
// and makes it live. Writes wait meanwhile; searches do not.
func (l *Live) finish(next *Index, gen string) error {
	l.wmu.Lock()
	defer l.wmu.Unlock()
	for id := range l.dirty {
		m, err := l.Meeting(id)
		switch {
		case errors.Is(err, ErrNotFound):
			err = next.drop(id)
		case err == nil:
			_, err = next.Put(m)
		}
		if err != nil {
			return err
		}
	}
	if err := setLive(l.root, gen); err != nil {
		return err
	}
	return l.swap(next)
}

// drop removes a meeting and its items, for a meeting removed from the
// live generation while a rebuild copied it.
func (ix *Index) drop(id string) error {
	if err := ix.Remove(id); err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	return nil
}

// meetingIDs lists the ids of every meeting, walking the meeting
// documents in id order.
func (ix *Index) meetingIDs(ctx context.Context) ([]string, error) {
	var ids []string
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(typeQuery(typeMeeting), walkBatch, 0, false)
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SetSearchAfter(after)
		}
		res, err := ix.bleve.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("list meetings: %w", err)
		}
		for _, h := range res.Hits {
			ids = append(ids, strings.TrimPrefix(h.ID, meetingDocID("")))
		}
		if len(res.Hits) < walkBatch {
			return ids, nil
		}
		after = res.Hits[len(res.Hits)-1].Sort
	}
}
