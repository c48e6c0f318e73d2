package index

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"

	"motesarkiv/ingest"
)

// Live is the index a server serves: the live generation under a root
// folder (version.go), which a rebuild replaces while searches go on.
// Every method runs on the generation live when it is called; a
// generation is closed only once the calls on it have returned, so no
// caller ever sees a closed index.
type Live struct {
	root string
	cur  atomic.Pointer[generation]
	// wmu serialises writes with the end of a rebuild; while one runs,
	// dirty collects the meetings written, which the rebuild copies into
	// the new generation before the swap.
	wmu   sync.Mutex
	dirty map[string]bool
	rb    Rebuild
}

// generation is one open index and the calls under way on it. A call
// that finds its generation retired goes to the live one instead, so a
// call made inside another (a mention list reading meetings) never waits
// on a swap, and a swap never waits on more than the calls under way.
type generation struct {
	ix      *Index
	mu      sync.Mutex
	calls   int
	retired bool
	idle    chan struct{} // closed once retired with no call under way
}

func newGeneration(ix *Index) *generation {
	return &generation{ix: ix, idle: make(chan struct{})}
}

// enter counts a call on g, unless g is retired.
func (g *generation) enter() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.retired {
		return false
	}
	g.calls++
	return true
}

func (g *generation) leave() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.calls--
	if g.retired && g.calls == 0 {
		close(g.idle)
	}
}

// retire takes no more calls, waits for those under way and closes g.
func (g *generation) retire() error {
	g.mu.Lock()
	already := g.retired
	g.retired = true
	if !already && g.calls == 0 {
		close(g.idle)
	}
	g.mu.Unlock()
	<-g.idle
	if already {
		return nil
	}
	return g.ix.Close()
}

// ErrClosed: the Live index has been closed.
var ErrClosed = errors.New("index is closed")

// OpenLive opens the index in root as Open does.
func OpenLive(root string) (*Live, error) {
	ix, err := Open(root)
	if err != nil {
		return nil, err
	}
	// What a rebuild cut short by a crash left is removed; if it cannot
	// be, the next rebuild tries again, and nothing reads it meanwhile.
	_ = removeDead(root, ix.dir)
	l := &Live{root: root}
	l.cur.Store(newGeneration(ix))
	return l, nil
}

// with calls fn on the live generation, which stays open until fn returns.
func (l *Live) with(fn func(*Index) error) error {
	for {
		g := l.cur.Load()
		if g.enter() {
			defer g.leave()
			return fn(g.ix)
		}
		if l.cur.Load() == g { // retired and still current: closed
			return ErrClosed
		}
	}
}

// swap makes ix live and closes the generation it replaces once the calls
// under way on it have returned.
func (l *Live) swap(ix *Index) error {
	return l.cur.Swap(newGeneration(ix)).retire()
}

// Close closes the live generation, once the calls under way return.
func (l *Live) Close() error {
	return l.cur.Load().retire()
}

// Write runs fn, which changes the meetings with the given ids, on the
// live generation; a rebuild under way carries the change over. Writes
// other than Put and PutAll (a removal) go through it.
func (l *Live) Write(ids []string, fn func(*Index) error) error {
	l.wmu.Lock()
	defer l.wmu.Unlock()
	if l.dirty != nil {
		for _, id := range ids {
			l.dirty[id] = true
		}
	}
	return l.with(fn)
}

// Put is Index.Put on the live generation.
func (l *Live) Put(m *ingest.Meeting) (o Outcome, err error) {
	err = l.Write([]string{m.ID}, func(ix *Index) error {
		o, err = ix.Put(m)
		return err
	})
	return o, err
}

// PutAll is Index.PutAll on the live generation.
func (l *Live) PutAll(ms []*ingest.Meeting) (outs []Outcome, err error) {
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	err = l.Write(ids, func(ix *Index) error {
		outs, err = ix.PutAll(ms)
		return err
	})
	return outs, err
}

// Search is Index.Search on the live generation.
func (l *Live) Search(ctx context.Context, r Request) (res *Result, err error) {
	err = l.with(func(ix *Index) error {
		res, err = ix.Search(ctx, r)
		return err
	})
	return res, err
}

// Meeting is Index.Meeting on the live generation.
func (l *Live) Meeting(id string) (m *ingest.Meeting, err error) {
	err = l.with(func(ix *Index) error {
		m, err = ix.Meeting(id)
		return err
	})
	return m, err
}

// MeetingCount is Index.MeetingCount on the live generation.
func (l *Live) MeetingCount() (n int, err error) {
	err = l.with(func(ix *Index) error {
		n, err = ix.MeetingCount()
		return err
	})
	return n, err
}

// Occurrences is Index.Occurrences on the live generation.
func (l *Live) Occurrences(ctx context.Context, r Request, fn func(Occurrence) error) error {
	return l.with(func(ix *Index) error { return ix.Occurrences(ctx, r, fn) })
}

// Mentions is Index.Mentions on the live generation.
func (l *Live) Mentions(ctx context.Context, r Request, fn func(Mention) error) (n int, err error) {
	err = l.with(func(ix *Index) error {
		n, err = ix.Mentions(ctx, r, fn)
		return err
	})
	return n, err
}

// Neighbours is Index.Neighbours on the live generation.
func (l *Live) Neighbours(ctx context.Context, m *ingest.Meeting) (prev, next MeetingRef, err error) {
	err = l.with(func(ix *Index) error {
		prev, next, err = ix.Neighbours(ctx, m)
		return err
	})
	return prev, next, err
}

// Suggest is Index.Suggest on the live generation.
func (l *Live) Suggest(ctx context.Context, prefix string, limit int) (s []Suggestion, err error) {
	err = l.with(func(ix *Index) error {
		s, err = ix.Suggest(ctx, prefix, limit)
		return err
	})
	return s, err
}

// Decisions is Index.Decisions on the live generation.
func (l *Live) Decisions(ctx context.Context, r Request, fn func(Decision) error) error {
	return l.with(func(ix *Index) error { return ix.Decisions(ctx, r, fn) })
}

// Meetings is Index.Meetings on the live generation.
func (l *Live) Meetings(ctx context.Context, r MeetingsRequest) (p *MeetingPage, err error) {
	err = l.with(func(ix *Index) error {
		p, err = ix.Meetings(ctx, r)
		return err
	})
	return p, err
}

// Stale is Index.Stale of the live generation.
func (l *Live) Stale() (stale bool, err error) {
	err = l.with(func(ix *Index) error {
		stale, err = ix.Stale()
		return err
	})
	return stale, err
}

// Remove is Index.Remove on the live generation.
func (l *Live) Remove(id string) error {
	return l.Write([]string{id}, func(ix *Index) error { return ix.Remove(id) })
}

// DocCount is Index.DocCount of the live generation.
func (l *Live) DocCount() (n uint64, err error) {
	err = l.with(func(ix *Index) error {
		n, err = ix.DocCount()
		return err
	})
	return n, err
}
