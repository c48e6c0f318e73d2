package server

import (
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestFeedIsAtom parses the feed of a search as Atom and follows each
// entry's link back to its item.
func TestFeedIsAtom(t *testing.T) {
	h := newTestHandler(t)
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "http://arkiv.test/feed.atom?"+phrase, nil)
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/atom+xml; charset=utf-8" {
		t.Fatalf("feed: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	var f atomFeed
	if err := xml.Unmarshal(rec.Body.Bytes(), &f); err != nil {
		t.Fatalf("not XML: %v", err)
	}
	if f.XMLName.Space != atomNS || f.XMLName.Local != "feed" {
		t.Errorf("root %v, want Atom's feed", f.XMLName)
	}
	if f.ID == "" || f.Title == "" || f.Author.Name == "" || !isRFC3339(f.Updated) {
		t.Errorf("feed id %q title %q author %q updated %q", f.ID, f.Title, f.Author.Name, f.Updated)
	}
	if self := linkRel(f.Links, "self"); !strings.HasPrefix(self, "http://arkiv.test/feed.atom?") {
		t.Errorf("self link %q", self)
	}
	if len(f.Entries) != 5 {
		t.Fatalf("%d entries, want the 5 hits", len(f.Entries))
	}
	ids := map[string]bool{}
	last := "9999"
	for _, e := range f.Entries {
		if ids[e.ID] || e.ID == "" {
			t.Errorf("entry id %q empty or repeated", e.ID)
		}
		ids[e.ID] = true
		if !isRFC3339(e.Updated) || e.Updated > last {
			t.Errorf("entry %s updated %q: not RFC 3339 or not newest first", e.ID, e.Updated)
		}
		last = e.Updated
		link := linkRel(e.Links, "alternate")
		u, err := url.Parse(link)
		if err != nil || u.Host != "arkiv.test" || !strings.HasPrefix(u.Path, "/m/") || !strings.HasPrefix(u.Fragment, "punkt-") {
			t.Errorf("entry link %q is not an item's permalink", link)
			continue
		}
		if body := get(t, h, u.Path).Body.String(); !strings.Contains(body, `id="`+u.Fragment+`"`) {
			t.Errorf("%s has no element %s", u.Path, u.Fragment)
		}
		if e.Summary.Type != "html" || !strings.Contains(e.Summary.Body, "<mark>") {
			t.Errorf("entry summary %+v", e.Summary)
		}
	}
	if f.Updated != f.Entries[0].Updated {
		t.Errorf("feed updated %s, want the newest entry's %s", f.Updated, f.Entries[0].Updated)
	}
}

func TestFeedOfOrganAndErrors(t *testing.T) {
	h := newTestHandler(t)
	rec := get(t, h, "/feed.atom?organ=V%C3%A4lf%C3%A4rdsr%C3%A5det")
	var f atomFeed
	if err := xml.Unmarshal(rec.Body.Bytes(), &f); err != nil || len(f.Entries) == 0 {
		t.Fatalf("organ feed: %v, %d entries", err, len(f.Entries))
	}
	if !strings.Contains(f.Title, "Organ: Välfärdsrådet") {
		t.Errorf("title %q", f.Title)
	}
	empty := get(t, h, "/feed.atom?q=zzzzqqq")
	f = atomFeed{}
	if err := xml.Unmarshal(empty.Body.Bytes(), &f); err != nil || len(f.Entries) != 0 || !isRFC3339(f.Updated) {
		t.Errorf("empty feed: %v, %d entries, updated %q", err, len(f.Entries), f.Updated)
	}
	if rec := get(t, h, "/feed.atom?from=igår"); rec.Code != http.StatusBadRequest {
		t.Errorf("bad parameter: %d", rec.Code)
	}
}

func linkRel(links []atomLink, rel string) string {
	for _, l := range links {
		if l.Rel == rel {
			return l.Href
		}
	}
	return ""
}

func isRFC3339(s string) bool {
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}
