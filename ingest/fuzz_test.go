package ingest

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks properties that hold for any input: no panic, a
// *FileError or a meeting whose items are in order with labels, and
// valid UTF-8 everywhere.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "*.txt"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(minimal))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse("fuzz.txt", data, Options{})
		if err != nil {
			if _, ok := err.(*FileError); !ok {
				t.Fatalf("error %T is not a *FileError: %v", err, err)
			}
			return
		}
		if len(m.Items) == 0 {
			t.Fatal("a meeting without items")
		}
		prev := 0
		for _, it := range m.Items {
			n, err := strconv.Atoi(it.Number)
			if it.Label() == "" || err != nil || n < prev {
				t.Fatalf("item %q after %d", it.Label(), prev)
			}
			prev = n
			checkUTF8(t, it.Title, it.Body, it.Kind)
			for _, d := range it.Decisions {
				checkUTF8(t, d)
			}
			for _, p := range append(it.Speakers, it.Participants...) {
				checkUTF8(t, p.Name, p.Role, p.Organisation, p.Note)
			}
		}
		checkUTF8(t, m.ID, m.Organ, m.Region, m.Dnr, m.Place)
		for _, p := range m.Attendees {
			checkUTF8(t, p.Name, p.Role, p.Organisation, p.Note)
		}
	})
}

func checkUTF8(t *testing.T, ss ...string) {
	t.Helper()
	for _, s := range ss {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8: %q", s)
		}
	}
}
