package server

import (
	"net/http"
	"strings"
	"testing"
)

// TestTimeline follows MiniMaria from meeting to meeting, oldest first,
// with the decisions taken.
func TestTimeline(t *testing.T) {
	h := newTestHandler(t)
	rec := get(t, h, "/tidslinje?q=MiniMaria")
	body := rec.Body.String()
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	text := textOf(body)
	first, second := strings.Index(text, "26 oktober 2023 · Välfärdsrådet"), strings.Index(text, "9 april 2026 · Välfärdsrådet")
	if first < 0 || second < 0 || first > second {
		t.Errorf("meetings not both there, oldest first (%d, %d)", first, second)
	}
	for _, want := range []string{`class="beslut"`, "<mark>", `href="/?q=MiniMaria"`, `href="/m/` + meeting2023 + `?q=MiniMaria"`} {
		if !strings.Contains(body, want) {
			t.Errorf("timeline lacks %s", want)
		}
	}
	if rec := get(t, h, "/tidslinje?q=MiniMaria&from=2026-01-01"); strings.Contains(textOf(rec.Body.String()), "26 oktober 2023 ·") {
		t.Error("the date filter does not narrow the timeline")
	}
}

// TestEmbedPage: the framed page renders its hits on the server, filtered
// as framed, with links that leave the frame.
func TestEmbedPage(t *testing.T) {
	h := newTestHandler(t)
	body := get(t, h, "/embed?"+phrase+"&organ=V%C3%A4lf%C3%A4rdsr%C3%A5det").Body.String()
	for _, want := range []string{
		"5 träffar", "<mark>", `<base target="_blank">`, `target="_self"`,
		`<input type="hidden" name="organ" value="Välfärdsrådet">`,
		"Visa alla träffar i Mötesarkiv",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("embed page lacks %s", want)
		}
	}
	if strings.Contains(body, "<script") || strings.Contains(body, `class="sidhuvud"`) {
		t.Error("the embed page has a script or the site's header")
	}
}
