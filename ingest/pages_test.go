package ingest

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestFindFurniture: a running header and a page number are found by
// their repetition, a heading that ends many pages is not, and an item
// heading at the top of every page is content.
func TestFindFurniture(t *testing.T) {
	var pages [][]string
	titles := strings.Fields("Budget Motion Val Avsägelse Frågestund Interpellation Taxa Plan Avtal Rapport")
	for p := 1; p <= 10; p++ {
		page := []string{"Kommunfullmäktige", "Protokoll nr 8", "Sammanträdesdatum: 2024-09-12",
			fmt.Sprintf("§ %d", p), titles[p-1]}
		for k := range 12 {
			page = append(page, fmt.Sprintf("Rad %d av ärende %d.", k, p))
		}
		// A heading that ends many items, at a different place on each page.
		page = append(page, "Protokollsutdrag skickas till")
		for k := range p * 3 % 7 {
			page = append(page, fmt.Sprintf("Nämnd %d", k))
		}
		pages = append(pages, append(page, fmt.Sprintf("Sida %d av 10", p)))
	}
	f := findFurniture(pages)
	if want := []string{"Kommunfullmäktige", "Protokoll nr 8", "Sammanträdesdatum: 2024-09-12"}; !reflect.DeepEqual(f.header, want) {
		t.Errorf("running header %q, want %q", f.header, want)
	}
	for _, l := range []string{"Sida 3 av 10", "Kommunfullmäktige"} {
		if !f.has(l) {
			t.Errorf("%q is not furniture", l)
		}
	}
	for _, l := range []string{"§ 2", "Motion", "Protokollsutdrag skickas till", "Nämnd 0"} {
		if f.has(l) {
			t.Errorf("%q is furniture", l)
		}
	}
}

func TestLayout(t *testing.T) {
	run := func(text string, left, right, base float64) textRun {
		return textRun{text: text, left: left, right: right, bottom: base, top: base + 9, size: 10}
	}
	runs := []textRun{
		run("Närvarande:", 57, 120, 700),
		run("Region Dalarna ", 57, 120, 688), run("Sofia Jarl (ordf)", 130, 200, 688), // a table row
		run("Borlänge", 57, 95, 676), run("Cecilia", 128, 160, 676), run("Redin", 161.5, 185, 676), // a space as a gap
		run("en gemensam MiniMaria\x02", 57, 200, 650), // a paragraph after a gap, a broken word
		run("verksamhet", 57, 110, 638),
		run("Sida 1 av 5", 57, 100, 40),
	}
	got := layout(runs)
	want := "Närvarande:\nRegion Dalarna\tSofia Jarl (ordf)\nBorlänge\tCecilia Redin\n\nen gemensam MiniMaria-\nverksamhet\n\nSida 1 av 5"
	if got != want {
		t.Errorf("layout\n got %q\nwant %q", got, want)
	}
	if !strings.Contains(unwrap(splitLines(got)), "MiniMaria-verksamhet") {
		t.Error("the broken word is not joined")
	}
}

// TestMaskDigits: the hand-written mask is the regexp's.
func TestMaskDigits(t *testing.T) {
	for _, s := range []string{"", "Sida 2 av 15", "2024-09-12", "§ 12", "utan siffror", "9", "a1b22c333", "Ärende 4 å 5ö", "١٢ ½ ²"} {
		if got, want := maskDigits(s), digitsRe.ReplaceAllString(s, "#"); got != want {
			t.Errorf("maskDigits(%q) = %q, want %q", s, got, want)
		}
	}
}
