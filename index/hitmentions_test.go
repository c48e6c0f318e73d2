package index

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/analysis/datetime/timestamp/seconds"
	"github.com/blevesearch/bleve/v2/document"
)

// TestHitMentionsAsBefore: the mentions made from a hit's stored bytes
// are those made by way of its Occurrence, hit for hit, with one maker
// for all the hits, as a loader has.
func TestHitMentionsAsBefore(t *testing.T) {
	ix := mixedIndex(t)
	reader, snap, err := ix.reader()
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	stored := newStoredReader(reader, fieldSet(occurrenceStored))
	mk := newMentionMaker(stored)
	n := 0
	for _, q := range []string{`"God och Nära vård"`, "vård", "budget OR hemsjukvård", "beslut", "kommunstyrelsen"} {
		r, err := walkRequest(Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		hits, ok, err := ix.walkHits(t.Context(), r, reader, snap, keepMentionLocs, nil)
		if err != nil || !ok {
			t.Fatalf("%s: walkHits = %v, %v", q, ok, err)
		}
		for i := range hits {
			got, err := mk.mentions(&hits[i])
			if err != nil {
				t.Fatal(err)
			}
			want, err := stored.mentionsAsBefore(&hits[i])
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%s, hit %d:\n got %+v\nwant %+v", q, i, got, want)
			}
			n += len(got)
		}
	}
	if n < 500 {
		t.Fatalf("only %d mentions compared", n)
	}
}

// TestMeetingDate: the meeting date made from a stored date is newHit's,
// dateOnly of the value bleve gives, for times of every year and layout.
func TestMeetingDate(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 20_000 {
		tm := time.Unix(0, rng.Int64()-rng.Int64()/2).UTC()
		if i%2 == 0 {
			tm = time.Date(1990+rng.IntN(50), time.Month(1+rng.IntN(12)), 1+rng.IntN(31), rng.IntN(24), 0, 0, 0, time.UTC)
		}
		layout := time.RFC3339 // as the index stores meeting dates
		switch i % 5 {
		case 0:
			layout = ""
		case 1:
			layout = seconds.Name
		case 2:
			layout = time.DateOnly
		}
		f, err := document.NewDateTimeField(fieldMeetingDate, nil, tm, layout)
		if err != nil {
			continue // not representable
		}
		v, _ := storedValue(fieldMeetingDate, 'd', f.Value())
		want := dateOnly(str(v))
		mk := newMentionMaker(nil)
		if !mk.date(fieldMeetingDate, 'd', f.Value()) || mk.item.MeetingDate != want {
			t.Fatalf("date of %v (%q) = %q, want %q", tm, layout, mk.item.MeetingDate, want)
		}
	}
}

// TestValueMentionsKeepNoText: mentions made of a borrowed text are the
// same once the text's bytes are overwritten, as zap overwrites them.
func TestValueMentionsKeepNoText(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 5_000 {
		buf := []byte(randomText(rng, 200))
		var spans []Span
		for range rng.IntN(4) {
			i, j := rng.IntN(len(buf)+1), rng.IntN(len(buf)+1)
			spans = append(spans, Span{min(i, j), max(i, j)})
		}
		got := valueMentions(fieldBody, borrowed(buf), slices.Clone(spans))
		want := valueMentions(fieldBody, string(buf), spans)
		for i := range buf {
			buf[i] = 'x'
		}
		if !slices.Equal(got, want) {
			t.Fatalf("mentions changed with the text:\n got %+v\nwant %+v", got, want)
		}
	}
}
