package index

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"motesarkiv/ingest"
)

// synthetic is a small meeting whose text has what HTML must escape.
func synthetic(id, date, sha string) *ingest.Meeting {
	return &ingest.Meeting{
		ID: id, Organ: "Välfärdsrådet", Kind: ingest.KindMinutes, MeetingDate: date,
		Source: ingest.Source{File: id + ".txt", Format: "text", SHA256: sha},
		Items: []ingest.Item{
			{Number: "1", Title: "Mötets öppnande", Decisions: []string{"att öppna mötet"}},
			{Number: "2", Kind: "Information", Title: "Hemsjukvård",
				Speakers: []ingest.Person{{Name: "Åsa Öberg", Role: "utvecklingsledare", Organisation: "RSS Dalarna"}},
				Body:     "Kostnad < 5 & mer: arbetet med God och\nNära vård <script>alert(1)</script> fortsätter."},
			{Number: "2", Sub: "a", Title: "Delpunkt", Body: "Om äldres hälsa."},
		},
	}
}

func openTemp(t *testing.T) *Index {
	t.Helper()
	ix, err := Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func TestPutOutcomes(t *testing.T) {
	ix := openTemp(t)
	steps := []struct {
		m    *ingest.Meeting
		want Outcome
	}{
		{synthetic("m-2026-01-01", "2026-01-01", "a"), Added},
		{synthetic("m-2026-01-01", "2026-01-01", "a"), Unchanged},
		{synthetic("m-2026-01-01", "2026-01-01", "b"), Replaced},
		{synthetic("m-2026-02-01", "2026-02-01", "c"), Added},
	}
	for i, s := range steps {
		got, err := ix.Put(s.m)
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if got != s.want {
			t.Errorf("step %d: Put = %v, want %v", i, got, s.want)
		}
	}
	if n, err := ix.MeetingCount(); err != nil || n != 2 {
		t.Errorf("MeetingCount = %d, %v; want 2", n, err)
	}
	res, err := ix.Search(t.Context(), Request{Query: "delpunkt"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 {
		t.Errorf("a replaced meeting left its old items: %d hits for one item in two meetings", res.Total)
	}
	if _, err := ix.Meeting("finns-inte"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Meeting(absent) = %v, want ErrNotFound", err)
	}
	m, err := ix.Meeting("m-2026-01-01")
	if err != nil || m.Source.SHA256 != "b" || len(m.Items) != 3 {
		t.Errorf("Meeting = %+v, %v; want the replacement with 3 items", m, err)
	}
}

func TestHighlightEscapes(t *testing.T) {
	ix := openTemp(t)
	if _, err := ix.Put(synthetic("m-2026-01-01", "2026-01-01", "a")); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(t.Context(), Request{Query: `"god och nära vård"`})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 {
		t.Fatalf("total = %d, want 1", res.Total)
	}
	frag := strings.Join(res.Hits[0].Highlights[fieldBody], " ")
	for _, want := range []string{"<mark>God</mark>", "<mark>Nära</mark>", "<mark>vård</mark>", "&lt; 5 &amp; mer", "&lt;script&gt;"} {
		if !strings.Contains(frag, want) {
			t.Errorf("highlight %q lacks %q", frag, want)
		}
	}
	if strings.Contains(frag, "<script>") {
		t.Errorf("highlight %q is not escaped", frag)
	}
}

func TestSubItemCarriesParentSpeakers(t *testing.T) {
	ix := openTemp(t)
	if _, err := ix.Put(synthetic("m-2026-01-01", "2026-01-01", "a")); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(t.Context(), Request{Filters: Filters{Speaker: []string{"Åsa Öberg"}}, Sort: SortDate})
	if err != nil {
		t.Fatal(err)
	}
	var items []string
	for _, h := range res.Hits {
		items = append(items, h.Item)
	}
	if strings.Join(items, ",") != "2,2a" {
		t.Errorf("items of speaker = %v, want [2 2a]", items)
	}
}

func TestMeetingWithoutDate(t *testing.T) {
	ix := openTemp(t)
	m := synthetic("styrgruppen", "", "a")
	if _, err := ix.Put(m); err != nil {
		t.Fatalf("a meeting without a date is refused: %v", err)
	}
	res, err := ix.Search(t.Context(), Request{Query: "hemsjukvård", Sort: SortDate})
	if err != nil || res.Total != 1 {
		t.Fatalf("search = %+v, %v; want the undated item", res, err)
	}
	if len(res.Facets["year"]) != 0 || res.Hits[0].MeetingDate != "" {
		t.Errorf("undated meeting has year facet %v, date %q", res.Facets["year"], res.Hits[0].MeetingDate)
	}
	for _, v := range res.Facets["kind"] {
		if v.Value == "" {
			t.Errorf("kind facet has an empty value: %v", res.Facets["kind"])
		}
	}
}

// A second opener of an index in use gets ErrLocked after the wait, not
// a hang and not bolt's own error.
func TestOpenLocked(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := Open(dir); !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open: %v, want ErrLocked", err)
	}
}
