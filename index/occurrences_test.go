package index

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"motesarkiv/ingest"
)

// uiIndex is an index of the two real Välfärdsrådet minutes and any extra
// meetings, for the methods the web pages use.
func uiIndex(t *testing.T, extra ...*ingest.Meeting) *Index {
	t.Helper()
	ix, err := Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	files, err := filepath.Glob("../testdata/valfardsradet-*.txt")
	if err != nil || len(files) != 2 {
		t.Fatalf("seed files: %v, %v", files, err)
	}
	for _, f := range files {
		m, err := ingest.ReadFile(f, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		extra = append(extra, m)
	}
	for _, m := range extra {
		if _, err := ix.Put(m); err != nil {
			t.Fatalf("put %s: %v", m.ID, err)
		}
	}
	return ix
}

func occurrences(t *testing.T, ix *Index, r Request) []Occurrence {
	t.Helper()
	var out []Occurrence
	if err := ix.Occurrences(t.Context(), r, func(o Occurrence) error {
		out = append(out, o)
		return nil
	}); err != nil {
		t.Fatalf("Occurrences(%+v): %v", r, err)
	}
	return out
}

// TestOccurrencesOfPhrase: every item of the phrase, in date order, with
// spans that cover exactly the phrase's indexed words.
func TestOccurrencesOfPhrase(t *testing.T) {
	ix := uiIndex(t)
	got := occurrences(t, ix, Request{Query: `"God och Nära vård"`})
	var keys []string
	for _, o := range got {
		keys = append(keys, o.MeetingDate+"/"+o.Item)
		if len(o.Matches) == 0 {
			t.Errorf("%s %s: no matches", o.MeetingDate, o.Item)
		}
		for _, m := range o.Matches {
			for _, s := range m.Spans {
				w := strings.ToLower(m.Text[s.Start:s.End])
				// The stop word "och" has a span if the analysis keeps it.
				if !slices.Contains([]string{"god", "och", "nära", "vård"}, w) {
					t.Errorf("%s %s %s: span %q is not a word of the phrase", o.MeetingDate, o.Item, m.Field, w)
				}
			}
		}
	}
	if want := []string{"2023-10-26/6", "2023-10-26/9", "2026-04-09/6a", "2026-04-09/7", "2026-04-09/9"}; !slices.Equal(keys, want) {
		t.Errorf("items %v, want %v in this order", keys, want)
	}
}

// TestOccurrencesHasNoCap walks more items than one round fetches and
// checks that each comes once, in order, and that ErrStop ends the walk.
func TestOccurrencesHasNoCap(t *testing.T) {
	defer func(n int) { walkBatch = n }(walkBatch)
	walkBatch = 7
	var extra []*ingest.Meeting
	for d := 1; d <= 4; d++ {
		m := &ingest.Meeting{ID: fmt.Sprintf("prov-2025-01-0%d", d), Organ: "Provrådet", MeetingDate: fmt.Sprintf("2025-01-0%d", d)}
		for i := 1; i <= 6; i++ {
			m.Items = append(m.Items, ingest.Item{Number: fmt.Sprint(i), Title: "Punkt", Body: "Ett zebraord och ett till zebraord."})
		}
		extra = append(extra, m)
	}
	ix := uiIndex(t, extra...)
	got := occurrences(t, ix, Request{Query: "zebraord"})
	if len(got) != 24 {
		t.Fatalf("%d items, want 24", len(got))
	}
	for i, o := range got {
		want := fmt.Sprintf("prov-2025-01-0%d/%d", i/6+1, i%6+1)
		if o.MeetingID+"/"+o.Item != want {
			t.Errorf("item %d is %s/%s, want %s", i, o.MeetingID, o.Item, want)
		}
		if len(o.Matches) != 1 || len(o.Matches[0].Spans) != 2 {
			t.Errorf("%s: matches %+v, want two spans in the body", want, o.Matches)
		}
	}
	n := 0
	err := ix.Occurrences(t.Context(), Request{Query: "zebraord"}, func(Occurrence) error {
		if n++; n == 10 {
			return ErrStop
		}
		return nil
	})
	if err != nil || n != 10 {
		t.Errorf("stopped walk: %v after %d items", err, n)
	}
	boom := errors.New("boom")
	if err := ix.Occurrences(t.Context(), Request{Query: "zebraord"}, func(Occurrence) error { return boom }); !errors.Is(err, boom) {
		t.Errorf("error from fn: %v", err)
	}
}

func TestOccurrencesFields(t *testing.T) {
	m := &ingest.Meeting{ID: "prov-2025-02-01", Organ: "Provrådet", MeetingDate: "2025-02-01", Items: []ingest.Item{{
		Number: "1", Title: "Giraffavtalet", Body: "Inget här.",
		Decisions: []string{"att börja", "att teckna giraffavtalet"},
		Speakers:  []ingest.Person{{Name: "Åsa Giraffsson"}},
	}}}
	ix := uiIndex(t, m)
	got := occurrences(t, ix, Request{Query: "giraffavtalet"})
	if len(got) != 1 {
		t.Fatalf("%d items, want 1", len(got))
	}
	var where []string
	for _, fm := range got[0].Matches {
		for _, s := range fm.Spans {
			where = append(where, fmt.Sprintf("%s[%d]=%s", fm.Field, fm.Index, fm.Text[s.Start:s.End]))
		}
	}
	if want := []string{"title[0]=Giraffavtalet", "decisions[1]=giraffavtalet"}; !slices.Equal(where, want) {
		t.Errorf("matches %v, want %v", where, want)
	}
	if err := ix.Occurrences(t.Context(), Request{Query: `"open`}, func(Occurrence) error { return nil }); !errors.Is(err, ErrBadQuery) {
		t.Errorf("bad query: %v", err)
	}
}

func TestMergeSpans(t *testing.T) {
	got := mergeSpans([]Span{{10, 14}, {0, 3}, {2, 5}, {10, 20}, {20, 22}})
	if want := []Span{{0, 5}, {10, 20}, {20, 22}}; !slices.Equal(got, want) {
		t.Errorf("mergeSpans = %v, want %v", got, want)
	}
}
