package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks properties that hold for any input: no panic, a
// *FileError or a meeting whose items are in order with labels, and
// valid UTF-8 everywhere.
//
// Run longer than the seed corpus that `go test` runs:
//
//	go test ./ingest -run '^$' -fuzz '^FuzzParse$' -fuzztime 10m
func FuzzParse(f *testing.F) {
	addFiles(f, "*.txt", "bad/*.txt")
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

// FuzzReadPDF, FuzzReadDOCX and FuzzReadHTML feed each reader damaged
// and odd files: a reader returns pages of valid UTF-8 or one of the
// package's reasons, never a panic.
func FuzzReadPDF(f *testing.F) {
	addFiles(f, "files/*.pdf", "bad/*.pdf")
	f.Fuzz(func(t *testing.T, data []byte) { checkReader(t, pdfReader{}, data) })
}

func FuzzReadDOCX(f *testing.F) {
	addFiles(f, "files/*.docx", "bad/*.docx")
	f.Fuzz(func(t *testing.T, data []byte) { checkReader(t, docxReader{}, data) })
}

func FuzzReadHTML(f *testing.F) {
	addFiles(f, "files/*.html")
	f.Add([]byte("<table><tr><td>Region Dalarna<td>Sofia Jarl<br>ordf</table><p>1. Öppnande"))
	f.Fuzz(func(t *testing.T, data []byte) { checkReader(t, htmlReader{}, data) })
}

// addFiles seeds f with the files of testdata/ that match the patterns.
func addFiles(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", filepath.FromSlash(p)))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
}

var readerReasons = []error{ErrEmpty, ErrBinary, ErrEncoding, ErrNoTextLayer, ErrEncrypted, ErrCorrupt, ErrNotDocument}

func checkReader(t *testing.T, r Reader, data []byte) {
	pages, err := read(format{name: "fuzz", reader: r}, "fuzz", data)
	if err != nil {
		if !slices.ContainsFunc(readerReasons, func(e error) bool { return errors.Is(err, e) }) {
			t.Fatalf("error without a reason: %v", err)
		}
		return
	}
	for _, p := range pages {
		checkUTF8(t, p)
	}
}

func checkUTF8(t *testing.T, ss ...string) {
	t.Helper()
	for _, s := range ss {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8: %q", s)
		}
	}
}
