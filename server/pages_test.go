package server

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

func TestSearchPage(t *testing.T) {
	h := newTestHandler(t)
	rec := get(t, h, "/?"+phrase)
	body := rec.Body.String()
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, body)
	}
	for _, want := range []string{
		`<html lang="sv">`,
		"5 träffar",
		"<mark>",
		`href="/m/`,
		`#punkt-6a"`,
		"Föredragande",                        // the speaker facet
		`href="/?q=`,                          // facet and order links keep the query
		`value="&#34;God och Nära vård&#34;"`, // the query stays in the box
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(body, "<script") {
		t.Error("page has a script; it must work without JavaScript (and a later CSP forbids inline ones)")
	}
}

func TestSearchPageBare(t *testing.T) {
	rec := get(t, newTestHandler(t), "/")
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `name="q"`) {
		t.Errorf("bare page: %d", rec.Code)
	}
}

// TestSearchPageFacetLinks: a facet value links to the page with it as a
// filter, and a chosen value links to the page without it.
func TestSearchPageFacetLinks(t *testing.T) {
	h := newTestHandler(t)
	body := get(t, h, "/?"+phrase).Body.String()
	add := hrefTo(url.Values{"q": {`"God och Nära vård"`}, "speaker": {"Annika Schmitt"}})
	if !strings.Contains(body, add) {
		t.Fatalf("no link %s in\n%s", add, body)
	}
	rec := get(t, h, "/?"+phrase+"&speaker=Annika+Schmitt")
	body = rec.Body.String()
	if !strings.Contains(body, "1 träff") {
		t.Errorf("filtered page lacks 1 träff")
	}
	remove := hrefTo(url.Values{"q": {`"God och Nära vård"`}})
	if !strings.Contains(body, remove) {
		t.Errorf("no link %s removing the filter in\n%s", remove, body)
	}
}

// hrefTo is the href attribute of a link to the search page with v, as
// html/template writes it.
func hrefTo(v url.Values) string {
	return `href="/?` + strings.NewReplacer("&", "&amp;", "+", "&#43;").Replace(v.Encode()) + `"`
}

func TestSearchPageBadInput(t *testing.T) {
	h := newTestHandler(t)
	for _, q := range []string{"q=" + url.QueryEscape(`"unclosed`), "from=2026-02-30", "size=abc"} {
		rec := get(t, h, "/?"+q)
		if rec.Code != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", q, rec.Code)
		}
		if body := rec.Body.String(); !strings.Contains(body, `class="fel"`) || !strings.Contains(body, `name="q"`) {
			t.Errorf("%s: the page shows no message beside the form", q)
		}
	}
}

func TestMeetingPage(t *testing.T) {
	h := newTestHandler(t)
	var res index.Result
	getJSON(t, h, "/api/v1/search?"+phrase+"&from=2026-01-01", http.StatusOK, &res)
	id := res.Hits[0].MeetingID
	rec := get(t, h, "/m/"+id)
	body := rec.Body.String()
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	for _, want := range []string{`id="punkt-6a"`, `id="punkt-11"`, "Beat Axå", "Aktivitetskravet", `class="beslut"`} {
		if !strings.Contains(body, want) {
			t.Errorf("meeting page lacks %s", want)
		}
	}
	if rec := get(t, h, "/m/finns-inte"); rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "finns-inte") {
		t.Errorf("absent meeting: %d", rec.Code)
	}
	if rec := get(t, h, "/finns/inte"); rec.Code != http.StatusNotFound {
		t.Errorf("absent page: %d", rec.Code)
	}
}

func TestStatic(t *testing.T) {
	rec := get(t, newTestHandler(t), "/static/style.css")
	if rec.Code != http.StatusOK || !strings.Contains(rec.Header().Get("Content-Type"), "text/css") {
		t.Errorf("style.css: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
}

// hostile is a meeting whose text holds HTML, to check that it reaches a
// page as text: the index escapes highlight fragments, which the page
// trusts, and the templates escape everything else.
var hostile = &ingest.Meeting{
	ID: "provrad-2025-01-01", Organ: "Provrådet", Kind: ingest.KindMinutes, MeetingDate: "2025-01-01",
	Source: ingest.Source{File: "prov.txt", Format: "text", SHA256: "00"},
	Items: []ingest.Item{{
		Number: "1", Kind: "Information", Title: "Test <b>fet</b> & mer",
		Body: `Om God och Nära vård <script>alert(1)</script> & A<B "citat".`,
	}},
}

func TestHighlightIsValidHTML(t *testing.T) {
	h := newTestHandler(t, hostile)
	var res index.Result
	getJSON(t, h, "/api/v1/search?"+phrase, http.StatusOK, &res)
	marked := 0
	for _, hit := range res.Hits {
		for field, frags := range hit.Highlights {
			for _, f := range frags {
				if err := checkFragment(f); err != nil {
					t.Errorf("%s %s %s: %v: %q", hit.MeetingID, hit.Item, field, err, f)
				}
				marked += strings.Count(f, "<mark>")
			}
		}
	}
	if marked == 0 {
		t.Error("no <mark> in any fragment")
	}
	for _, target := range []string{"/?" + phrase, "/m/" + hostile.ID} {
		body := get(t, h, target).Body.String()
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<b>fet") {
			t.Errorf("%s: the source's HTML reached the page unescaped", target)
		}
	}
}

var entity = regexp.MustCompile(`&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);`)

// checkFragment holds a fragment to what the page trusts it to be: text
// with no markup but balanced, unnested <mark> elements, and every & the
// start of an entity.
func checkFragment(f string) error {
	depth := 0
	for _, tok := range regexp.MustCompile(`</?mark>`).FindAllString(f, -1) {
		if tok == "<mark>" {
			depth++
		} else {
			depth--
		}
		if depth < 0 || depth > 1 {
			return errorf("unbalanced <mark>")
		}
	}
	if depth != 0 {
		return errorf("unclosed <mark>")
	}
	text := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(f)
	if strings.ContainsAny(text, "<>") {
		return errorf("markup other than <mark>")
	}
	if strings.Contains(entity.ReplaceAllString(text, ""), "&") {
		return errorf("an unescaped &")
	}
	return nil
}

type errorf string

func (e errorf) Error() string { return string(e) }
