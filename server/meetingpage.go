package server

import (
	"context"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

// meetingView is a meeting as its page shows it: every text of the
// minutes as HTML, so that the words of a search can be marked in it.
type meetingView struct {
	*ingest.Meeting
	Date       string // "9 april 2026"
	Query      string // the search the reader came from, marked on the page
	Marked     int    // how many items have marks
	SearchURL  string // back to that search
	PlainURL   string // this page without marks
	TextURL    string // the meeting as plain text
	Original   string // the original file's link, when the archive keeps it
	Format     string // of the original: "PDF", "DOCX", …
	FeedURL    string // new meetings of this organ
	Prev, Next meetingLink
	Items      []itemView
}

type meetingLink struct {
	URL, Label string
}

type itemView struct {
	ingest.Item
	Anchor     string // "punkt-6a", the fragment of the item's permalink
	Title      template.HTML
	Paragraphs []template.HTML
	Decisions  []template.HTML
	Marked     bool
}

// meetingPage serves GET /m/{id}: the whole meeting, an anchor per item,
// and with ?q= the places where the search matched marked.
func (s *Server) meetingPage(w http.ResponseWriter, r *http.Request) error {
	m, err := s.idx.Meeting(r.PathValue("id"))
	if err != nil {
		return err
	}
	v, err := s.markedMeeting(r.Context(), m, strings.TrimSpace(r.URL.Query().Get("q")))
	if err != nil {
		return err
	}
	if o, ok := s.findOriginal(m); ok {
		v.Original = "/m/" + url.PathEscape(m.ID) + "/original"
		v.Format = strings.ToUpper(strings.TrimPrefix(o.ext, "."))
	}
	if v.Prev, v.Next, err = s.neighbourLinks(r.Context(), m); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "meeting", v)
}

// markedMeeting is the view of m with query marked. A query the index
// cannot read marks nothing: the meeting is still worth showing.
func (s *Server) markedMeeting(ctx context.Context, m *ingest.Meeting, query string) (*meetingView, error) {
	if query == "" {
		return newMeetingView(m, "", nil), nil
	}
	spans, err := s.meetingSpans(ctx, m, query)
	if _, bad := badInput(err); bad {
		return newMeetingView(m, "", nil), nil
	}
	return newMeetingView(m, query, spans), err
}

func (s *Server) neighbourLinks(ctx context.Context, m *ingest.Meeting) (prev, next meetingLink, err error) {
	p, n, err := s.idx.Neighbours(ctx, m)
	if err != nil {
		return prev, next, err
	}
	link := func(ref index.MeetingRef) meetingLink {
		if ref.ID == "" {
			return meetingLink{}
		}
		return meetingLink{URL: "/m/" + url.PathEscape(ref.ID), Label: svDate(ref.Date)}
	}
	return link(p), link(n), nil
}

// itemSpans are the matched spans of one item, by field and value.
type itemSpans map[string]map[int][]index.Span

// meetingSpans finds where query matches in m's items. The index has no
// filter by meeting, so the search is narrowed to the meeting's organ and
// day and the items of other meetings are skipped.
func (s *Server) meetingSpans(ctx context.Context, m *ingest.Meeting, query string) (map[string]itemSpans, error) {
	r := index.Request{Query: query, Filters: index.Filters{Organ: []string{m.Organ}}}
	if day, err := time.Parse(dateLayout, m.MeetingDate); err == nil {
		r.From, r.To = day, day
	}
	out := map[string]itemSpans{}
	err := s.idx.Occurrences(ctx, r, func(o index.Occurrence) error {
		if o.MeetingID != m.ID {
			return nil
		}
		spans := itemSpans{}
		for _, fm := range o.Matches {
			if spans[fm.Field] == nil {
				spans[fm.Field] = map[int][]index.Span{}
			}
			spans[fm.Field][fm.Index] = joinSpaces(fm.Text, wholeWords(fm.Text, fm.Spans))
		}
		out[o.Item] = spans
		return nil
	})
	return out, err
}

func newMeetingView(m *ingest.Meeting, query string, spans map[string]itemSpans) *meetingView {
	id := url.PathEscape(m.ID)
	v := &meetingView{
		Meeting: m, Date: svDate(m.MeetingDate), Query: query,
		PlainURL: "/m/" + id, TextURL: "/m/" + id + "/text",
		FeedURL: urlOf("/feed.atom", url.Values{"organ": {m.Organ}}),
	}
	if query != "" {
		v.SearchURL = urlOf("/", url.Values{"q": {query}})
	}
	for _, it := range m.Items {
		iv := newItemView(it, spans[it.Label()])
		v.Items = append(v.Items, iv)
		if iv.Marked {
			v.Marked++
		}
	}
	return v
}

func newItemView(it ingest.Item, spans itemSpans) itemView {
	v := itemView{Item: it, Anchor: anchor(it), Marked: len(spans) > 0}
	v.Title = marked(it.Title, spans["title"][0])
	for _, p := range splitParagraphs(it.Body) {
		v.Paragraphs = append(v.Paragraphs, marked(p.Text, spansIn(spans["body"][0], p.Start, len(p.Text))))
	}
	for i, d := range it.Decisions {
		v.Decisions = append(v.Decisions, marked(d, spans["decisions"][i]))
	}
	return v
}

// anchor is an item's id on the meeting page, the fragment of a hit's URL.
func anchor(it ingest.Item) string { return "punkt-" + it.Label() }
