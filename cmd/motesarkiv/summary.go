package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

// tally counts the outcomes of an ingest for its summary: files read,
// meetings and items ingested, files skipped with their reasons, seconds.
type tally struct {
	added, replaced, unchanged int
	meetings                   map[string]bool
	items                      int
	skipped                    []string // "path: reason"
	seconds                    float64
}

func newTally() tally { return tally{meetings: map[string]bool{}} }

func (t *tally) count(o index.Outcome, m *ingest.Meeting) {
	switch o {
	case index.Added:
		t.added++
	case index.Replaced:
		t.replaced++
	case index.Unchanged:
		t.unchanged++
	}
	if t.meetings == nil {
		t.meetings = map[string]bool{}
	}
	if !t.meetings[m.ID] {
		t.meetings[m.ID] = true
		t.items += len(m.Items)
	}
}

// fail records files that were skipped, each with its reason.
func (t *tally) fail(errs ...error) {
	for _, err := range errs {
		t.skipped = append(t.skipped, skipReason(err))
	}
}

// skipReason is one line naming the file and why it was skipped.
func skipReason(err error) string {
	var fe *ingest.FileError
	if errors.As(err, &fe) {
		return fe.Error()
	}
	return err.Error()
}

func (t tally) ingested() int { return t.added + t.replaced + t.unchanged }

// String is the summary's line of counts.
func (t tally) String() string {
	return fmt.Sprintf("ingested %d of %d files (%d added, %d replaced, %d unchanged, %d failed): %d meetings, %d items, %d skipped, %.1f s",
		t.ingested(), t.ingested()+len(t.skipped), t.added, t.replaced, t.unchanged, len(t.skipped),
		len(t.meetings), t.items, len(t.skipped), t.seconds)
}

// report writes the summary: the counts, then a line per skipped file.
func (t tally) report(w io.Writer, dir string) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, into %s\n", t, dir)
	for _, s := range t.skipped {
		b.WriteString("skipped " + s + "\n")
	}
	io.WriteString(w, b.String())
}
