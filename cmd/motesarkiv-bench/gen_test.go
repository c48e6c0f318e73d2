package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"motesarkiv/ingest"
)

const testSpeeches = "../../" + defaultSpeeches

// testSpeechLimit keeps the tests quick (and light under -race): the
// first speeches hold enough sentences, titles and speakers.
const testSpeechLimit = 3000

// TestGeneratedMinutesParseAsWritten generates a small corpus and parses
// every file with the product's parser: the items it finds must be the
// items the generator wrote to items.jsonl, which PostgreSQL loads, and
// the phrase count must be the same in both.
func TestGeneratedMinutesParseAsWritten(t *testing.T) {
	if _, err := os.Stat(testSpeeches); err != nil {
		t.Skipf("speeches not found: %v", err)
	}
	dir := t.TempDir()
	man, err := generate(t.Context(), genConfig{items: 600, seed: 7, out: dir, speeches: testSpeeches, speechLimit: testSpeechLimit})
	if err != nil {
		t.Fatal(err)
	}
	want := readItems(t, filepath.Join(dir, "items.jsonl"))
	if len(want) != 600 || man.Items != 600 {
		t.Fatalf("%d items in jsonl, manifest %d, want 600", len(want), man.Items)
	}
	files, errs := ingest.Collect([]string{filepath.Join(dir, "raw")})
	if len(errs) > 0 || len(files) != man.Meetings {
		t.Fatalf("%d files (%v), manifest says %d meetings", len(files), errs, man.Meetings)
	}
	got := map[string]corpusItem{}
	phrase := 0
	for _, f := range files {
		m, err := ingest.ReadFile(f, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range m.Items {
			id := m.ID + "/" + it.Label()
			var speakers []string
			for _, s := range it.Speakers {
				speakers = append(speakers, s.Name)
			}
			got[id] = corpusItem{ID: id, Organ: m.Organ, Date: m.MeetingDate, Kind: it.Kind, Title: it.Title,
				Speakers: speakers, Decisions: it.Decisions, Body: it.Body}
			if countPhrase(it.Title+"\n\n\n"+it.Body+"\n\n\n"+strings.Join(it.Decisions, "\n\n\n")) > 0 {
				phrase++
			}
		}
	}
	if len(got) != len(want) {
		t.Errorf("parsed %d items, generated %d", len(got), len(want))
	}
	bad := 0
	for _, w := range want {
		g, ok := got[w.ID]
		if !ok {
			t.Errorf("item %s not parsed", w.ID)
			continue
		}
		if diff := compareItems(g, w); diff != "" && bad < 5 {
			bad++
			t.Errorf("item %s: %s", w.ID, diff)
		}
	}
	if phrase != man.PhraseItems || phrase == 0 {
		t.Errorf("phrase in %d parsed items, manifest says %d", phrase, man.PhraseItems)
	}
}

func compareItems(g, w corpusItem) string {
	switch {
	case g.Organ != w.Organ || g.Date != w.Date:
		return "organ/date " + g.Organ + " " + g.Date + " want " + w.Organ + " " + w.Date
	case g.Kind != w.Kind:
		return "kind " + g.Kind + " want " + w.Kind
	case g.Title != w.Title:
		return "title " + g.Title + " want " + w.Title
	case !slices.Equal(g.Speakers, w.Speakers) && !(len(g.Speakers) == 0 && len(w.Speakers) == 0):
		return "speakers " + strings.Join(g.Speakers, "|") + " want " + strings.Join(w.Speakers, "|")
	case !slices.Equal(g.Decisions, w.Decisions):
		return "decisions " + strings.Join(g.Decisions, "|") + " want " + strings.Join(w.Decisions, "|")
	case strings.Join(strings.Fields(g.Body), " ") != strings.Join(strings.Fields(w.Body), " "):
		return "body differs:\n" + g.Body + "\nwant\n" + w.Body
	}
	return ""
}

func readItems(t *testing.T, path string) []corpusItem {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusItem
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var it corpusItem
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatal(err)
		}
		out = append(out, it)
	}
	return out
}

func TestGenerateIsDeterministic(t *testing.T) {
	if _, err := os.Stat(testSpeeches); err != nil {
		t.Skipf("speeches not found: %v", err)
	}
	if testing.Short() {
		t.Skip("loads the speeches; skipped under -short")
	}
	var texts []string
	for range 2 {
		dir := t.TempDir()
		if _, err := generate(t.Context(), genConfig{items: 100, seed: 3, out: dir, speeches: testSpeeches, speechLimit: testSpeechLimit}); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(dir, "items.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	if texts[0] != texts[1] {
		t.Error("two runs with one seed differ")
	}
}
