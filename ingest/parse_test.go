package ingest

import (
	"path/filepath"
	"reflect"
	"slices"
	"testing"
)

// These are the facts about the two seed meetings that the product
// promises; the goldens hold the rest.

func readSeed(t *testing.T, name string) *Meeting {
	t.Helper()
	m, err := ReadFile(filepath.Join("..", "testdata", name), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func labels(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Label())
	}
	return out
}

func find(t *testing.T, m *Meeting, label string) Item {
	t.Helper()
	for _, it := range m.Items {
		if it.Label() == label {
			return it
		}
	}
	t.Fatalf("no item %s in %q", label, labels(m.Items))
	return Item{}
}

func topLevel(items []Item) []Item {
	var out []Item
	for _, it := range items {
		if it.Sub == "" {
			out = append(out, it)
		}
	}
	return out
}

func TestSeed2026(t *testing.T) {
	m := readSeed(t, "valfardsradet-dalarna-2026-04-09.txt")
	head := [...]string{m.ID, m.Organ, m.Region, m.Kind, m.MeetingDate, m.DocumentDate, m.Dnr, m.StartTime, m.EndTime, m.Place, m.PreviousMinutesDate}
	want := [...]string{"valfardsradet-2026-04-09", "Välfärdsrådet", "Dalarna", KindMinutes, "2026-04-09", "2026-04-13",
		"HSN 2026/371", "09:00", "12:00", "Digitalt via Teams", "2026-02-12"}
	if head != want {
		t.Errorf("header\n got %q\nwant %q", head, want)
	}
	wantLabels := []string{"1", "2", "3", "4", "5", "6", "6a", "6b", "6c", "6d", "7", "8", "9", "10", "11"}
	if got := labels(m.Items); !slices.Equal(got, wantLabels) {
		t.Fatalf("items %q, want %q", got, wantLabels)
	}
	six := find(t, m, "6")
	if want := []Person{{Name: "Beat Axå", Role: "ordförande", Organisation: "Länschefsnätverket"}}; !reflect.DeepEqual(six.Speakers, want) {
		t.Errorf("item 6 speakers %+v", six.Speakers)
	}
	eleven := find(t, m, "11")
	if eleven.Kind != "Information" || eleven.Title != "Aktivitetskravet" || !slices.Equal(eleven.Attachments, []string{"Bilaga 3"}) {
		t.Errorf("item 11: kind %q title %q attachments %q", eleven.Kind, eleven.Title, eleven.Attachments)
	}
	for _, it := range topLevel(m.Items) {
		if len(it.Decisions) != 1 {
			t.Errorf("item %s decisions %q, want one", it.Label(), it.Decisions)
		}
	}
	if !slices.Equal(m.Justerare, []string{"Hans-Göran Steneryd"}) {
		t.Errorf("justerare %q", m.Justerare)
	}
}

func TestSeed2023(t *testing.T) {
	m := readSeed(t, "valfardsradet-dalarna-2023-10-26.txt")
	head := [...]string{m.ID, m.Organ, m.MeetingDate, m.DocumentDate, m.Dnr, m.StartTime, m.EndTime, m.PreviousMinutesDate}
	want := [...]string{"valfardsradet-2023-10-26", "Välfärdsrådet", "2023-10-26", "2023-11-01", "2023/79", "09:00", "12:00", "2023-06-08"}
	if head != want {
		t.Errorf("header\n got %q\nwant %q", head, want)
	}
	if m.Region != "Dalarna" {
		t.Errorf("region %q, want Dalarna from the sidecar", m.Region)
	}
	if got, want := labels(m.Items), []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"}; !slices.Equal(got, want) {
		t.Fatalf("items %q, want %q", got, want)
	}
	five := find(t, m, "5")
	if got := names(five.Speakers); !slices.Equal(got, []string{"Henrietta Forsman", "Caroline Mörk"}) {
		t.Errorf("item 5 speakers %q", got)
	}
	if len(five.Decisions) != 2 {
		t.Errorf("item 5 decisions %q, want two", five.Decisions)
	}
	if got := names(find(t, m, "8").Speakers); !slices.Equal(got, []string{"Katarina Nordin-Kajblad", "Linus Nielsen"}) {
		t.Errorf("item 8 speakers %q", got)
	}
	if got := find(t, m, "7").Decisions; !slices.Equal(got, []string{"att lägga informationen till handlingarna."}) {
		t.Errorf("item 7 decisions %q", got)
	}
	for _, it := range topLevel(m.Items)[:10] {
		if len(it.Decisions) == 0 {
			t.Errorf("item %s has no decision", it.Label())
		}
	}
	if got := find(t, m, "11").Decisions; len(got) != 0 {
		t.Errorf("item 11 decisions %q, want none", got)
	}
	if !slices.Equal(m.Justerare, []string{"Åsa Bergkvist"}) {
		t.Errorf("justerare %q", m.Justerare)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Välfärdsrådet", "valfardsradet"},
		{"Kommunala pensionärsrådet", "kommunala-pensionarsradet"},
		{"Styrgruppen för e-hälsa ", "styrgruppen-for-e-halsa"},
		{"Café Öst/Väst", "cafe-ost-vast"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseTitle(t *testing.T) {
	tests := []struct{ in, kind, organ, region string }{
		{"Minnesanteckningar Välfärdsrådet i Dalarna", KindMinutes, "Välfärdsrådet", "Dalarna"},
		{"Minnesanteckningar Välfärdsrådet", KindMinutes, "Välfärdsrådet", ""},
		{"Protokoll Socialnämnden i Falu kommun", KindProtocol, "Socialnämnden", "Falu kommun"},
		{"Sammanträdesprotokoll från Kommunstyrelsen 2024-05-14", KindProtocol, "Kommunstyrelsen", ""},
		{"Minnesanteckningar från Välfärdsrådets möte", KindMinutes, "Välfärdsrådet", ""},
		{"Välfärdsrådet", "", "Välfärdsrådet", ""},
	}
	for _, tt := range tests {
		kind, organ, region := parseTitle(tt.in)
		if kind != tt.kind || organ != tt.organ || region != tt.region {
			t.Errorf("parseTitle(%q) = %q, %q, %q", tt.in, kind, organ, region)
		}
	}
}
