package ingest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The Göteborg protocols (kommunfullmäktige 2023–2026) live beside the
// repository, in ../shared/corpus; four of them are also in testdata/ with
// goldens. The invariants below are what the parser must get right on any
// § protocol, measured here on all 27.

var protocolReport = flag.String("protocol-report", "", "write a Markdown table of the Göteborg protocols' parse to this file")

const corpusDir = "../../shared/corpus/goteborg-kf/protokoll"

func corpusProtocols(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(corpusDir, "kf-*.txt"))
	if len(files) == 0 {
		t.Skipf("no protocols in %s (the shared corpus is not checked out beside the repository)", corpusDir)
	}
	return files
}

var (
	// rawHeadingRe finds § headings in the raw text, independently of the
	// parser: "§1", "§ 10 0901/22", "§ 388 Ärendenummer SLK-2024-00009".
	rawHeadingRe = regexp.MustCompile(`(?m)^§\s*(\d+)(?:\s+(?:Ärendenummer\s*(\S*)|(\d+/\d+)))?\s*$`)
	rawBeslutRe  = regexp.MustCompile(`(?m)^Beslut\s*$`)
	rawPageNoRe  = regexp.MustCompile(`(?m)^\d{1,3} \(\d{1,3}\)$`)
)

// rawFacts are what a protocol's text says without the parser: its §
// numbers, the numbers of the items with a "Beslut" line, and its running
// header and footer lines: a line on three pages in four that has a
// number or names the protocol ("Protokoll nr 8", "Sammanträdesdatum:
// 2024-09-12", "Göteborgs Stad Kommunfullmäktige, protokoll"), which the
// test may know and the parser must not.
type rawFacts struct {
	numbers  []string
	dnr      map[string]string // case number by § number
	decided  map[string]bool
	running  []string
	appendix int // byte offset where attachments begin, or len(text)
}

func readRawFacts(text string) rawFacts {
	f := rawFacts{decided: map[string]bool{}, dnr: map[string]string{}, appendix: len(text)}
	if loc := regexp.MustCompile(`(?m)\f\s*(?:\S.*\n\s*){0,8}?Bilaga \d+\n`).FindStringIndex(text); loc != nil {
		f.appendix = loc[0]
	}
	body := text[:f.appendix]
	heads := rawHeadingRe.FindAllStringSubmatchIndex(body, -1)
	for _, h := range heads {
		n := body[h[2]:h[3]]
		if len(f.numbers) == 0 || f.numbers[len(f.numbers)-1] != n {
			f.numbers = append(f.numbers, n)
		}
		for _, g := range [][2]int{{h[4], h[5]}, {h[6], h[7]}} {
			if g[0] >= 0 && g[1] > g[0] {
				f.dnr[n] = body[g[0]:g[1]]
			}
		}
	}
	for _, b := range rawBeslutRe.FindAllStringIndex(body, -1) {
		last := ""
		for _, h := range heads {
			if h[0] < b[0] {
				last = body[h[2]:h[3]]
			}
		}
		f.decided[last] = true
	}
	pages := strings.Split(body, "\f")
	count := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, l := range strings.Split(p, "\n") {
			l = strings.TrimSpace(l)
			if (hasDigit(l) || strings.Contains(strings.ToLower(l), "protokoll")) && len(strings.Fields(l)) >= 2 && !seen[l] {
				seen[l] = true
				count[l]++
			}
		}
	}
	for l, n := range count {
		if n*4 >= len(pages)*3 && len(pages) > 2 {
			f.running = append(f.running, l)
		}
	}
	return f
}

func TestProtocols(t *testing.T) {
	var rows []string
	for _, file := range corpusProtocols(t) {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			m, err := Parse(name, data, Options{Region: "Göteborgs Stad"})
			if err != nil {
				t.Fatal(err)
			}
			raw := readRawFacts(string(data))
			checkProtocol(t, m, raw)
			rows = append(rows, reportRow(m))
		})
	}
	if *protocolReport != "" {
		writeReport(t, *protocolReport, rows)
	}
}

func checkProtocol(t *testing.T, m *Meeting, raw rawFacts) {
	t.Helper()
	if m.Kind != KindProtocol || m.Organ != "Kommunfullmäktige" || m.MeetingDate == "" {
		t.Errorf("kind %q, organ %q, meeting date %q", m.Kind, m.Organ, m.MeetingDate)
	}
	if want := strings.TrimSuffix(strings.TrimPrefix(m.Source.File, "kf-"), ".txt"); m.MeetingDate != want {
		t.Errorf("meeting date %s, want %s", m.MeetingDate, want)
	}
	got := labels(m.Items)
	if !slices.Equal(got, raw.numbers) {
		t.Errorf("items %v\nwant %v", got, raw.numbers)
	}
	for i, it := range m.Items {
		if i > 0 && atoi(it.Number) != atoi(m.Items[i-1].Number)+1 {
			t.Errorf("§ %s follows § %s", it.Number, m.Items[i-1].Number)
		}
		if raw.decided[it.Number] != (len(it.Decisions) > 0) {
			t.Errorf("§ %s: Beslut section %v, decisions %q", it.Number, raw.decided[it.Number], it.Decisions)
		}
		if it.Dnr != raw.dnr[it.Number] {
			t.Errorf("§ %s: case number %q, want %q", it.Number, it.Dnr, raw.dnr[it.Number])
		}
		if it.Title == "" {
			t.Errorf("§ %s has no title", it.Number)
		}
		checkNoFurniture(t, it, raw.running)
	}
}

// checkNoFurniture looks for running header and footer lines and page
// numbers in every text of the item.
func checkNoFurniture(t *testing.T, it Item, running []string) {
	t.Helper()
	texts := slices.Concat([]string{it.Title, it.Body}, it.Decisions, sectionTexts(it.Sections))
	for _, s := range texts {
		for _, r := range running {
			if strings.Contains(s, r) {
				t.Errorf("§ %s: running line %q left in %.80q", it.Number, r, s)
			}
		}
		for _, para := range strings.Split(s, "\n\n") {
			if rawPageNoRe.MatchString(para) || regexp.MustCompile(`\s\d{1,3} \(\d{2,3}\)(\s|$)`).MatchString(para) {
				t.Errorf("§ %s: page number left in %.80q", it.Number, para)
			}
		}
	}
}

func reportRow(m *Meeting) string {
	var dnr, decided, sections, participants, body int
	for _, it := range m.Items {
		for _, c := range []struct {
			n  *int
			ok bool
		}{{&dnr, it.Dnr != ""}, {&decided, len(it.Decisions) > 0}, {&sections, len(it.Sections) > 0},
			{&participants, len(it.Participants) > 0}, {&body, it.Body != ""}} {
			if c.ok {
				*c.n++
			}
		}
	}
	first, last := m.Items[0].Number, m.Items[len(m.Items)-1].Number
	return fmt.Sprintf("| %s | %s | %d (§ %s–%s) | %d | %d | %d | %d | %d | %d |", m.Source.File, m.MeetingDate,
		len(m.Items), first, last, dnr, decided, sections, participants, body, len(m.Justerare))
}

func writeReport(t *testing.T, path string, rows []string) {
	t.Helper()
	head := "| file | meeting date | items | case number | decisions | sections | participants | body | justerare |\n" +
		"|---|---|---|---|---|---|---|---|---|\n"
	if err := os.WriteFile(path, []byte(head+strings.Join(rows, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}
