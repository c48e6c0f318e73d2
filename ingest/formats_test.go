package ingest

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"
)

// TestFormatsMatchText parses the PDF, DOCX and HTML versions of each
// seed (testdata/files/, made by testdata/make-files.sh) and compares
// them with the parse of the text: every field but the source must be
// equal, the attendees as the set of their names (a table cell and a
// tab-separated line give the same people, but not always in the same
// order or with the same remark).
func TestFormatsMatchText(t *testing.T) {
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "valfardsradet-*.txt"))
	if len(seeds) == 0 {
		t.Fatal("no seeds")
	}
	for _, seed := range seeds {
		want := comparable(t, readTestFile(t, seed))
		base := filepath.Base(seed)
		base = base[:len(base)-len(".txt")]
		for _, ext := range []string{"pdf", "docx", "html"} {
			t.Run(base+"."+ext, func(t *testing.T) {
				m := readTestFile(t, filepath.Join("..", "testdata", "files", base+"."+ext))
				if m.Source.Format != ext {
					t.Errorf("format %q, want %q", m.Source.Format, ext)
				}
				if d := lineDiff(want, comparable(t, m)); d != "" {
					t.Errorf("%s.%s differs from the text's parse (-text +%s):\n%s", base, ext, ext, d)
				}
			})
		}
	}
}

func readTestFile(t *testing.T, path string) *Meeting {
	t.Helper()
	m, err := ReadFile(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// comparable is the meeting as indented JSON without its source and with
// the attendees as a sorted list of names.
func comparable(t *testing.T, m *Meeting) string {
	t.Helper()
	c := *m
	c.Source = Source{}
	var attendees []string
	for _, p := range m.Attendees {
		attendees = append(attendees, p.Name)
	}
	slices.Sort(attendees)
	c.Attendees = nil
	out, err := json.MarshalIndent(struct {
		Meeting
		AttendeeNames []string `json:"attendee_names"`
	}{c, attendees}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
