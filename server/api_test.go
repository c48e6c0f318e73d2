package server

import (
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

// phrase is the query of the acceptance tests, URL-encoded.
var phrase = "q=" + url.QueryEscape(`"God och Nära vård"`)

// hitKeys lists hits as "meeting date item", sorted.
func hitKeys(res index.Result) []string {
	var keys []string
	for _, h := range res.Hits {
		keys = append(keys, h.MeetingDate+" "+h.Item)
	}
	slices.Sort(keys)
	return keys
}

func TestSearchAPI(t *testing.T) {
	h := newTestHandler(t)
	tests := []struct {
		name  string
		query string
		want  []string
	}{
		{"phrase", phrase, []string{
			"2023-10-26 6", "2023-10-26 9", "2026-04-09 6a", "2026-04-09 7", "2026-04-09 9"}},
		{"from keeps 2026", phrase + "&from=2026-01-01", []string{
			"2026-04-09 6a", "2026-04-09 7", "2026-04-09 9"}},
		{"to keeps 2023", phrase + "&to=2025-12-31", []string{"2023-10-26 6", "2023-10-26 9"}},
		{"inclusive range", phrase + "&from=2023-10-26&to=2023-10-26", []string{"2023-10-26 6", "2023-10-26 9"}},
		{"speaker", phrase + "&speaker=Annika+Schmitt", []string{"2026-04-09 9"}},
		{"speaker alone", "speaker=Annika+Schmitt", []string{"2026-04-09 9"}},
		{"empty range", phrase + "&from=2024-01-01&to=2024-12-31", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var res index.Result
			getJSON(t, h, "/api/v1/search?"+tt.query, http.StatusOK, &res)
			if got := hitKeys(res); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("hits %q, want %q", got, tt.want)
			}
			if res.Total != uint64(len(tt.want)) {
				t.Errorf("total %d, want %d", res.Total, len(tt.want))
			}
		})
	}
}

// TestSearchAPIShape checks the JSON a client reads: snake_case keys, []
// rather than null, and a hit's permalink.
func TestSearchAPIShape(t *testing.T) {
	h := newTestHandler(t)
	rec := get(t, h, "/api/v1/search?"+phrase+"&from=2024-01-01&to=2024-12-31")
	if body := rec.Body.String(); !strings.Contains(body, `"hits":[]`) || !strings.Contains(body, `"took_ms":`) {
		t.Errorf("empty result %s: want \"hits\":[] and took_ms", body)
	}
	var res index.Result
	getJSON(t, h, "/api/v1/search?"+phrase+"&speaker=Annika+Schmitt", http.StatusOK, &res)
	if len(res.Hits) != 1 {
		t.Fatalf("hits %+v", res.Hits)
	}
	if hit := res.Hits[0]; hit.URL != "/m/"+hit.MeetingID+"#punkt-9" {
		t.Errorf("url %q", hit.URL)
	}
}

// TestSearchAPIFacets: with a speaker chosen, the speaker facet still
// counts every speaker as without the filter (disjunctive facets), while
// the other facets count the filtered hits.
func TestSearchAPIFacets(t *testing.T) {
	h := newTestHandler(t)
	var all, one index.Result
	getJSON(t, h, "/api/v1/search?"+phrase, http.StatusOK, &all)
	getJSON(t, h, "/api/v1/search?"+phrase+"&speaker=Annika+Schmitt", http.StatusOK, &one)
	if len(all.Facets["speaker"]) < 2 {
		t.Fatalf("speaker facet %+v: want several speakers", all.Facets["speaker"])
	}
	if !reflect.DeepEqual(one.Facets["speaker"], all.Facets["speaker"]) {
		t.Errorf("speaker facet with the filter\n%+v\nwant as without it\n%+v", one.Facets["speaker"], all.Facets["speaker"])
	}
	if got := count(one.Facets["year"], "2023"); got != 0 {
		t.Errorf("year 2023 counted %d with speaker=Annika Schmitt, want 0", got)
	}
	if got := count(one.Facets["year"], "2026"); got != 1 {
		t.Errorf("year 2026 counted %d with speaker=Annika Schmitt, want 1", got)
	}
}

func count(values []index.FacetValue, value string) int {
	for _, v := range values {
		if v.Value == value {
			return v.Count
		}
	}
	return 0
}

func TestSearchAPISizeClamped(t *testing.T) {
	h := newTestHandler(t)
	var res index.Result
	getJSON(t, h, "/api/v1/search?size=1000", http.StatusOK, &res)
	if len(res.Hits) == 0 || len(res.Hits) > index.MaxSize {
		t.Errorf("size=1000 gave %d hits, want 1 to %d", len(res.Hits), index.MaxSize)
	}
	getJSON(t, h, "/api/v1/search?size=1", http.StatusOK, &res)
	if len(res.Hits) != 1 || res.Total < 2 {
		t.Errorf("size=1 gave %d hits of %d, want 1 of several", len(res.Hits), res.Total)
	}
}

// TestSearchAPIBadRequest: every malformed query or parameter is a 400
// with a JSON message that names the problem, never a 500.
func TestSearchAPIBadRequest(t *testing.T) {
	h := newTestHandler(t)
	tests := []struct {
		query   string
		mention string
	}{
		{"q=" + url.QueryEscape(`"unclosed`), "bad query"},
		{"q=" + url.QueryEscape(`vård OR`), "bad query"},
		{"q=" + url.QueryEscape(`talare:`), "bad query"},
		{"from=2026-02-30", "from"},
		{"from=2026-13-01", "from"},
		{"to=ig%C3%A5r", "to"},
		{"from=2026-05-01&to=2026-04-01", "from"},
		{"size=abc", "size"},
		{"size=0", "size"},
		{"size=-1", "size"},
		{"page=0", "page"},
		{"decision=maybe", "decision"},
		{"month=2026-4", "month"},
		{"year=26", "year"},
		{"sort=newest", "sort"},
		{"page=1000&size=100", "page"},
	}
	for _, tt := range tests {
		var body map[string]string
		getJSON(t, h, "/api/v1/search?"+tt.query, http.StatusBadRequest, &body)
		if msg := body["error"]; !strings.Contains(msg, tt.mention) {
			t.Errorf("%s: error %q does not mention %q", tt.query, msg, tt.mention)
		}
	}
}

func TestMeetingAPI(t *testing.T) {
	h := newTestHandler(t)
	var res index.Result
	getJSON(t, h, "/api/v1/search?"+phrase+"&speaker=Annika+Schmitt", http.StatusOK, &res)
	if len(res.Hits) == 0 {
		t.Fatal("no hit to follow")
	}
	var m ingest.Meeting
	getJSON(t, h, "/api/v1/meetings/"+res.Hits[0].MeetingID, http.StatusOK, &m)
	if m.ID != res.Hits[0].MeetingID || m.MeetingDate != "2026-04-09" || len(m.Items) == 0 {
		t.Errorf("meeting %s of %s with %d items", m.ID, m.MeetingDate, len(m.Items))
	}

	var body map[string]string
	getJSON(t, h, "/api/v1/meetings/finns-inte", http.StatusNotFound, &body)
	if !strings.Contains(body["error"], "finns-inte") {
		t.Errorf("404 message %q does not name the id", body["error"])
	}
	getJSON(t, h, "/api/v1/nothing-here", http.StatusNotFound, &body)
}

func TestHealthz(t *testing.T) {
	rec := get(t, newTestHandler(t), "/healthz")
	if rec.Code != http.StatusOK || rec.Body.String() != "ok" {
		t.Errorf("healthz: %d %q", rec.Code, rec.Body)
	}
}

func TestMethodNotAllowed(t *testing.T) {
	h := newTestHandler(t)
	rec := httptestDo(h, http.MethodPost, "/api/v1/search")
	if rec.Code != http.StatusMethodNotAllowed || !strings.Contains(rec.Body.String(), `"error"`) {
		t.Errorf("POST search: %d %s", rec.Code, rec.Body)
	}
}

func TestStatusOf(t *testing.T) {
	tests := []struct {
		err    error
		status int
	}{
		{index.ErrBadQuery, http.StatusBadRequest},
		{badParam("size", "nej", "no"), http.StatusBadRequest},
		{errors.Join(errors.New("wrapped"), index.ErrNotFound), http.StatusNotFound},
		{errNoRoute, http.StatusNotFound},
		{errBadMethod, http.StatusMethodNotAllowed},
		{errors.New("disk on fire"), http.StatusInternalServerError},
	}
	for _, tt := range tests {
		status, msg := statusOf(tt.err)
		if status != tt.status {
			t.Errorf("statusOf(%v) = %d, want %d", tt.err, status, tt.status)
		}
		if status == http.StatusInternalServerError && strings.Contains(msg, "fire") {
			t.Errorf("500 message %q leaks the cause", msg)
		}
	}
}
