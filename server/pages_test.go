package server

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

// Ids of the seed meetings.
const (
	meeting2023 = "valfardsradet-2023-10-26"
	meeting2026 = "valfardsradet-2026-04-09"
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
		`href="/m/` + meeting2026 + `?q=%22God&#43;och&#43;N%C3%A4ra&#43;v%C3%A5rd%22#punkt-6a"`, // marked link
		`href="/m/` + meeting2026 + `#punkt-6a"`,                                                 // permalink
		"9 april 2026",
		"26 oktober 2023",
		`class="beslut"`,
		`<legend>Föredragande</legend>`,
		`type="checkbox" form="sok" id="f-year-1" name="year" value="2026"`,
		`value="&#34;God och Nära vård&#34;"`, // the query stays in the box
		`<link rel="alternate" type="application/atom+xml"`,
		`href="/feed.atom?q=`,
		`href="/forekomster?q=`,
		`href="/api/v1/mentions.csv?q=`,
		`href="/api/v1/mentions?q=`,
		`href="/tidslinje?q=`,
		`<script src="/static/sok.js" defer></script>`,
		`class="histogram"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
}

// TestSearchPagePermalinks: each hit links its permalink, the url of the
// API, and the meeting page has an element with the url's fragment.
func TestSearchPagePermalinks(t *testing.T) {
	h := newTestHandler(t)
	var res index.Result
	getJSON(t, h, "/api/v1/search?"+phrase, http.StatusOK, &res)
	page := get(t, h, "/?"+phrase).Body.String()
	for _, hit := range res.Hits {
		if want := "/m/" + hit.MeetingID + "#punkt-" + hit.Item; hit.URL != want {
			t.Errorf("url %q, want %q", hit.URL, want)
		}
		if !strings.Contains(page, `href="`+hit.URL+`"`) {
			t.Errorf("search page has no link to %s", hit.URL)
		}
		path, fragment, _ := strings.Cut(hit.URL, "#")
		if body := get(t, h, path).Body.String(); !strings.Contains(body, `id="`+fragment+`"`) {
			t.Errorf("%s has no element with id %s", path, fragment)
		}
	}
}

func TestSearchPageBare(t *testing.T) {
	rec := get(t, newTestHandler(t), "/")
	if body := rec.Body.String(); rec.Code != http.StatusOK || !strings.Contains(body, `name="q"`) || !strings.Contains(body, "2 möten") {
		t.Errorf("bare page: %d", rec.Code)
	}
}

// TestSearchPageFilters: a ticked box is a filter in the URL; the page
// shows it ticked, counts the hits with it, and links to the page
// without it.
func TestSearchPageFilters(t *testing.T) {
	h := newTestHandler(t)
	body := get(t, h, "/?"+phrase+"&year=2026").Body.String()
	for _, want := range []string{
		"3 träffar",
		`name="year" value="2026" checked>`,
		`name="year" value="2023">`, // disjunctive: 2023 can still be added
		hrefTo(url.Values{"q": {`"God och Nära vård"`}}) + ` aria-label="Ta bort filtret År: 2026"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("filtered page lacks %s", want)
		}
	}
	// A chosen value that no hit has keeps its box, or the next search
	// would drop it.
	body = get(t, h, "/?"+phrase+"&speaker=Ingen+Alls").Body.String()
	if !strings.Contains(body, `name="speaker" value="Ingen Alls" checked>`) || !strings.Contains(body, "Inga punkter matchar") {
		t.Errorf("a chosen speaker without hits lost its box")
	}
}

// hrefTo is the href attribute of a link to the search page with v, as
// html/template writes it.
func hrefTo(v url.Values) string {
	return `href="/?` + strings.NewReplacer("&", "&amp;", "+", "&#43;").Replace(v.Encode()) + `"`
}

func TestSearchPageBadInput(t *testing.T) {
	h := newTestHandler(t)
	for _, q := range []string{"q=" + url.QueryEscape(`"unclosed`) + "&speaker=Annika+Schmitt", "from=2026-02-30", "size=abc"} {
		rec := get(t, h, "/?"+q)
		if rec.Code != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", q, rec.Code)
		}
		body := rec.Body.String()
		if !strings.Contains(body, `class="fel"`) || !strings.Contains(body, `name="q"`) {
			t.Errorf("%s: the page shows no message beside the form", q)
		}
		if strings.Contains(q, "speaker") && !strings.Contains(body, `type="hidden" name="speaker" value="Annika Schmitt"`) {
			t.Errorf("%s: the form lost the speaker filter", q)
		}
	}
}

func TestHistogram(t *testing.T) {
	h := newTestHandler(t)
	body := get(t, h, "/?"+phrase).Body.String()
	for _, want := range []string{
		"Träffar per år",
		`data-from="2023-01-01" data-to="2023-12-31"`,
		`data-from="2026-01-01" data-to="2026-12-31"`,
		`aria-label="2024: 0 träffar"`, // the gap shows
		`niva10`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("year histogram lacks %s", want)
		}
	}
	if strings.Contains(body, `data-from="2024-01-01"`) {
		t.Error("a bar without hits is a link")
	}
	body = get(t, h, "/?"+phrase+"&from=2026-01-01&to=2026-12-31").Body.String()
	for _, want := range []string{"Träffar per månad", `aria-label="april 2026: 3 träffar"`, `aria-label="januari 2026: 0 träffar"`, ">dec<"} {
		if !strings.Contains(body, want) {
			t.Errorf("month histogram lacks %s", want)
		}
	}
}

func TestMeetingPage(t *testing.T) {
	h := newTestHandler(t)
	rec := get(t, h, "/m/"+meeting2026)
	body := rec.Body.String()
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	for _, want := range []string{
		`id="punkt-6a"`, `id="punkt-11"`, "Beat Axå", "Aktivitetskravet", `class="beslut"`,
		"Välfärdsrådet <time datetime=\"2026-04-09\">9 april 2026</time>",
		`<a href="/m/` + meeting2023 + `" rel="prev">← Föregående möte (26 oktober 2023)</a>`,
		`href="/m/` + meeting2026 + `/text"`,
		`href="/feed.atom?organ=V%C3%A4lf%C3%A4rdsr%C3%A5det"`,
		"Närvarande",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("meeting page lacks %s", want)
		}
	}
	if strings.Contains(body, `rel="next"`) || strings.Contains(body, "<mark>") {
		t.Error("the newest meeting has a next meeting, or marks without a query")
	}
	if rec := get(t, h, "/m/finns-inte"); rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "finns-inte") {
		t.Errorf("absent meeting: %d", rec.Code)
	}
	if rec := get(t, h, "/finns/inte"); rec.Code != http.StatusNotFound {
		t.Errorf("absent page: %d", rec.Code)
	}
}

// TestMeetingPageMarks: arriving from a hit, the words of the search are
// marked in the items that matched, and only there.
func TestMeetingPageMarks(t *testing.T) {
	h := newTestHandler(t)
	body := get(t, h, "/m/"+meeting2026+"?"+phrase).Body.String()
	if !strings.Contains(body, "är markerad i 3 punkter") {
		t.Errorf("no count of marked items")
	}
	sections := regexp.MustCompile(`(?s)<section class="punkt[^"]*" id="(punkt-[^"]+)".*?</section>`).FindAllStringSubmatch(body, -1)
	marked := map[string]bool{}
	for _, s := range sections {
		if strings.Contains(s[0], "<mark>") {
			marked[s[1]] = true
		}
	}
	for _, want := range []string{"punkt-6a", "punkt-7", "punkt-9"} {
		if !marked[want] {
			t.Errorf("%s has no marks", want)
		}
	}
	if len(marked) != 3 {
		t.Errorf("marked items %v, want 6a, 7 and 9", marked)
	}
	words := regexp.MustCompile(`<mark>([^<]*)</mark>`).FindAllStringSubmatch(body, -1)
	for _, w := range words {
		if l := strings.Join(strings.Fields(strings.ToLower(w[1])), " "); !slices.Contains([]string{"god", "nära", "vård", "god och nära vård"}, l) {
			t.Errorf("marked %q, not a word of the phrase", w[1])
		}
	}
	rec := get(t, h, "/m/"+meeting2026+"?q="+url.QueryEscape(`"unclosed`))
	if rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), "<mark>") {
		t.Errorf("a bad query on a meeting page: %d", rec.Code)
	}
}

func TestMeetingText(t *testing.T) {
	rec := get(t, newTestHandler(t), "/m/"+meeting2026+"/text")
	body := rec.Body.String()
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain") {
		t.Fatalf("status %d, %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	for _, want := range []string{"Minnesanteckningar Välfärdsrådet", "Datum: 9 april 2026", "6a. ", "Föredragande: Beat Axå", "Beslut:"} {
		if !strings.Contains(body, want) {
			t.Errorf("text lacks %q", want)
		}
	}
}

func TestStatic(t *testing.T) {
	h := newTestHandler(t)
	for path, ctype := range map[string]string{
		"/static/style.css": "text/css",
		"/static/sok.js":    "text/javascript",
		"/embed.js":         "text/javascript",
	} {
		rec := get(t, h, path)
		if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), ctype) {
			t.Errorf("%s: %d %s", path, rec.Code, rec.Header().Get("Content-Type"))
		}
	}
}

// TestPagesAreValidHTML checks every page, in its states, with the
// checker of htmlcheck_test.go.
func TestPagesAreValidHTML(t *testing.T) {
	h := newTestHandler(t, hostileMinutes(t))
	bad := "q=" + url.QueryEscape(`"unclosed`)
	pages := []struct {
		target string
		status int
	}{
		{"/", 200},
		{"/?" + phrase, 200},
		{"/?" + phrase + "&year=2026&speaker=Annika+Schmitt", 200},
		{"/?" + phrase + "&from=2026-01-01&to=2026-12-31&sort=-date", 200},
		{"/?q=v%C3%A5rd&size=2&page=2", 200},
		{"/?q=zzzzz", 200},
		{"/?" + bad, 400},
		{"/m/" + meeting2026, 200},
		{"/m/" + meeting2023 + "?" + phrase, 200},
		{"/m/provradet-2025-01-01?q=script", 200},
		{"/tidslinje", 200},
		{"/tidslinje?q=MiniMaria", 200},
		{"/tidslinje?" + bad, 400},
		{"/forekomster", 200},
		{"/forekomster?" + phrase, 200},
		{"/forekomster?q=v%C3%A5rd&page=2", 200},
		{"/embed", 200},
		{"/embed?" + phrase + "&organ=V%C3%A4lf%C3%A4rdsr%C3%A5det", 200},
		{"/finns/inte", 404},
	}
	for _, p := range pages {
		rec := get(t, h, p.target)
		if rec.Code != p.status {
			t.Errorf("%s: status %d, want %d", p.target, rec.Code, p.status)
		}
		for _, problem := range checkHTML(rec.Body.String()) {
			t.Errorf("%s: %s", p.target, problem)
		}
	}
}

// hostileMinutes is a minutes file whose text holds HTML, parsed as any
// file is, to check that it reaches every page as text.
func hostileMinutes(t *testing.T) *ingest.Meeting {
	t.Helper()
	const text = `Minnesanteckningar Provrådet

Datum: 250101

1. Information: Test <b>fet</b> & <script>alert(1)</script>
Föredragande: Eva <img src=x onerror=alert(2)>, ordförande, Region

Om God och Nära vård <script>alert(3)</script> & A<B "citat".

Provrådet beslutade

att <script>alert(4)</script> godkänna God och Nära vård
`
	m, err := ingest.Parse("prov.txt", []byte(text), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m.ID != "provradet-2025-01-01" || len(m.Items) == 0 || !strings.Contains(m.Items[0].Title, "<script>") {
		t.Fatalf("the hostile minutes parse as %s with items %+v", m.ID, m.Items)
	}
	return m
}

// TestSourceTextIsEscaped: HTML in a minutes file reaches every page as
// text: no element of the source appears, and its text does.
func TestSourceTextIsEscaped(t *testing.T) {
	h := newTestHandler(t, hostileMinutes(t))
	for _, target := range []string{
		"/?q=script", "/?" + phrase, "/m/provradet-2025-01-01", "/m/provradet-2025-01-01?q=script",
		"/tidslinje?q=script", "/forekomster?q=script", "/embed?q=script",
	} {
		body := get(t, h, target).Body.String()
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<b>fet") || strings.Contains(body, "<img src=x") {
			t.Errorf("%s: the source's HTML reached the page unescaped", target)
		}
		if !strings.Contains(textOf(body), "<script>alert(") {
			t.Errorf("%s: the source's text %q is not on the page as text", target, "<script>alert(")
		}
	}
}

func TestHighlightIsValidHTML(t *testing.T) {
	h := newTestHandler(t, hostileMinutes(t))
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
	if html.UnescapeString(text) == text && strings.Contains(text, "&") {
		return errorf("an & that is not an entity")
	}
	return nil
}

type errorf string

func (e errorf) Error() string { return string(e) }

// TestPageMessagesAreSwedish: the pages say in Swedish what the API says
// in English.
func TestPageMessagesAreSwedish(t *testing.T) {
	h := newTestHandler(t)
	tests := []struct{ target, want string }{
		{"/?from=2026-02-30", "går inte att läsa. Skriv det som ÅÅÅÅ-MM-DD"},
		{"/?from=2026-05-01&to=2026-04-01", "Från-datumet ligger efter till-datumet"},
		{"/?q=v%C3%A5rd&size=abc", "är inte ett heltal"},
		{"/?q=" + url.QueryEscape(`"unclosed`), "Sökfrågan går inte att läsa"},
		{"/tidslinje?q=v%C3%A5rd&year=26", "Året"},
		{"/m/finns-inte", "Det finns inget på den här adressen"},
	}
	for _, tt := range tests {
		if body := textOf(get(t, h, tt.target).Body.String()); !strings.Contains(body, tt.want) {
			t.Errorf("%s does not say %q", tt.target, tt.want)
		}
	}
	var body map[string]string
	getJSON(t, h, "/api/v1/search?from=2026-02-30", http.StatusBadRequest, &body)
	if !strings.HasPrefix(body["error"], "parameter from:") {
		t.Errorf("the API's message changed: %q", body["error"])
	}
}
