package index

import (
	"fmt"
	"strings"
	"testing"

	"motesarkiv/ingest"
)

func TestMentionsOfThePhrase(t *testing.T) {
	ix := seedIndex(t)
	perMeeting := map[string]int{}
	total, err := ix.Mentions(t.Context(), Request{Query: `"God och Nära vård"`}, func(m Mention) error {
		perMeeting[m.MeetingDate]++
		if !strings.EqualFold(strings.Join(strings.Fields(m.Match), " "), "god och nära vård") {
			t.Errorf("mention %+v is not the phrase", m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if total != 13 || perMeeting["2023-10-26"] != 6 || perMeeting["2026-04-09"] != 7 {
		t.Errorf("mentions = %d %v, want 13: 6 in 2023-10-26, 7 in 2026-04-09", total, perMeeting)
	}
}

// TestMentionsHaveNoCap builds an archive where a phrase occurs more than
// 10 000 times and checks the walk lists every one.
func TestMentionsHaveNoCap(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 2 100 items")
	}
	ix := openTemp(t)
	body := strings.Repeat("Arbetet med God och Nära vård fortsätter. ", 5)
	for m := range 3 {
		meeting := &ingest.Meeting{ID: fmt.Sprintf("rad-2025-0%d-01", m+1), Organ: "Rådet", MeetingDate: fmt.Sprintf("2025-0%d-01", m+1)}
		for i := range 700 {
			meeting.Items = append(meeting.Items, ingest.Item{Number: fmt.Sprint(i + 1), Title: "Punkt", Body: body})
		}
		if _, err := ix.Put(meeting); err != nil {
			t.Fatal(err)
		}
	}
	n, err := ix.Mentions(t.Context(), Request{Query: `"god och nära vård"`}, func(Mention) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if n != 3*700*5 {
		t.Errorf("mentions = %d, want %d", n, 3*700*5)
	}
}
