package server

import (
	"encoding/xml"
	"html"
	"net/http"
	"net/url"
	"strings"
	"time"

	"motesarkiv/index"
)

// The Atom feed of a search (RFC 4287): its entries are the newest items
// that match, so that a feed reader, or an intranet page, tells people
// when a new meeting takes up their topic.

const atomNS = "http://www.w3.org/2005/Atom"

type atomFeed struct {
	XMLName xml.Name    `xml:"feed"`
	NS      string      `xml:"xmlns,attr"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Updated   string      `xml:"updated"`
	Published string      `xml:"published"`
	Links     []atomLink  `xml:"link"`
	Category  []atomCat   `xml:"category"`
	Summary   atomContent `xml:"summary"`
}

type atomCat struct {
	Term string `xml:"term,attr"`
}

// atomContent is text of type "html": escaped HTML, as Atom carries it.
type atomContent struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

// feedSize is how many of the newest items a feed holds.
const feedSize = 50

// feed serves GET /feed.atom with the parameters of a search. Entries
// are dated by their meeting; an item without a meeting date cannot be
// placed among the new ones and is left out.
func (s *Server) feed(w http.ResponseWriter, r *http.Request) error {
	q := searchState(r.URL.Query())
	req, err := searchParams(q)
	if err != nil {
		return err
	}
	req.Sort, req.Size = index.SortDateDesc, feedSize
	res, err := s.idx.Search(r.Context(), req)
	if err != nil {
		return err
	}
	base := baseURL(r)
	f := newFeed(base, q)
	for _, h := range res.Hits {
		if e, ok := newEntry(base, h); ok {
			f.Entries = append(f.Entries, e)
			f.Updated = max(f.Updated, e.Updated)
		}
	}
	if f.Updated == "" {
		f.Updated = time.Now().UTC().Format(time.RFC3339) // no entry to date it by
	}
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	_, err = w.Write(append([]byte(xml.Header), out...))
	return err
}

// newFeed is the feed of the search q. Its id is the feed's own URL,
// which names the search and stays the same as long as the search does.
func newFeed(base string, q url.Values) *atomFeed {
	return &atomFeed{
		NS: atomNS, Lang: "sv",
		ID:     base + urlOf("/feed.atom", q),
		Title:  feedTitle(q),
		Author: atomPerson{Name: "Mötesarkiv"},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: base + urlOf("/feed.atom", q)},
			{Rel: "alternate", Type: "text/html", Href: base + urlOf("/", q)},
		},
	}
}

func feedTitle(q url.Values) string {
	parts := []string{}
	if s := q.Get("q"); s != "" {
		parts = append(parts, s)
	}
	for _, name := range filterNames {
		for _, v := range q[name] {
			parts = append(parts, filterTitles[name]+": "+valueLabel(name, v))
		}
	}
	if len(parts) == 0 {
		return "Mötesarkiv: nya punkter"
	}
	return "Mötesarkiv: " + strings.Join(parts, ", ")
}

// newEntry is a hit as an entry. Its id is the item's permalink, which
// is stable: the same item in a later fetch is the same entry.
func newEntry(base string, h index.Hit) (atomEntry, bool) {
	day, err := time.Parse(dateLayout, h.MeetingDate)
	if err != nil {
		return atomEntry{}, false
	}
	stamp := day.UTC().Format(time.RFC3339)
	e := atomEntry{
		ID:        base + h.URL,
		Title:     h.Organ + " " + svDate(h.MeetingDate) + ": " + h.Item + ". " + h.Title,
		Updated:   stamp,
		Published: stamp,
		Links:     []atomLink{{Rel: "alternate", Type: "text/html", Href: base + h.URL}},
		Summary:   atomContent{Type: "html", Body: entrySummary(h)},
	}
	if h.Kind != "" {
		e.Category = []atomCat{{Term: h.Kind}}
	}
	return e, true
}

// entrySummary is the hit's fragments and decisions as HTML. The fragments
// are escaped by the index; the rest is escaped here.
func entrySummary(h index.Hit) string {
	var b strings.Builder
	v := newHitView(h, "")
	if len(h.Speakers) > 0 {
		b.WriteString("<p>Föredragande: " + html.EscapeString(strings.Join(h.Speakers, ", ")) + "</p>")
	}
	for _, f := range v.Fragments {
		b.WriteString("<p>" + string(f) + "</p>")
	}
	if len(v.MarkedDecisions) > 0 {
		b.WriteString("<p>Beslut:</p><ul>")
		for _, d := range v.MarkedDecisions {
			b.WriteString("<li>" + string(d) + "</li>")
		}
		b.WriteString("</ul>")
	}
	return b.String()
}
