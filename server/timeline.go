package server

import (
	"context"
	"net/http"
	"net/url"

	"motesarkiv/index"
)

// timelineView follows a matter from meeting to meeting: the items that
// match, oldest first, under the meeting they were taken up at.
type timelineView struct {
	Query     string
	Hidden    []field // the search's dates and filters, kept by the form
	Error     string
	Count     string
	Meetings  []timelineMeeting
	Truncated bool // more items match than the page shows
	SearchURL string
	FeedURL   string
}

type timelineMeeting struct {
	ID, Organ, Date, DateISO, URL string
	Hits                          []hitView
}

// timelinePages bounds the timeline at timelinePages*index.MaxSize items,
// more than a person reads on one page; the page says when it stops.
const timelinePages = 10

// timelinePage serves GET /tidslinje?q=…, with the search's filters.
func (s *Server) timelinePage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	v := &timelineView{Query: q.Get("q"), Hidden: hiddenFields(q, stateNames[1:]),
		SearchURL: urlOf("/", searchState(q)), FeedURL: urlOf("/feed.atom", searchState(q))}
	if v.Query == "" {
		return s.render(w, http.StatusOK, "timeline", v)
	}
	req, err := searchParams(q)
	if err == nil {
		err = s.fillTimeline(r.Context(), v, req)
	}
	if msg, bad := badInput(err); err != nil && bad {
		v.Error = msg
		return s.render(w, http.StatusBadRequest, "timeline", v)
	} else if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "timeline", v)
}

// fillTimeline pages through the hits in date order and groups them by
// meeting; items of one meeting come together in that order.
func (s *Server) fillTimeline(ctx context.Context, v *timelineView, req index.Request) error {
	req.Sort, req.Size = index.SortDate, index.MaxSize
	for page := 1; page <= timelinePages; page++ {
		req.Page = page
		res, err := s.idx.Search(ctx, req)
		if err != nil {
			return err
		}
		v.Count = svCount(res.Total, "punkt", "punkter")
		for _, h := range res.Hits {
			v.add(newHitView(h, req.Query))
		}
		if uint64(page*req.Size) >= res.Total {
			return nil
		}
	}
	v.Truncated = true
	return nil
}

func (v *timelineView) add(h hitView) {
	if n := len(v.Meetings); n > 0 && v.Meetings[n-1].ID == h.MeetingID {
		v.Meetings[n-1].Hits = append(v.Meetings[n-1].Hits, h)
		return
	}
	v.Meetings = append(v.Meetings, timelineMeeting{
		ID: h.MeetingID, Organ: h.Organ, Date: h.Date, DateISO: h.MeetingDate,
		URL:  "/m/" + url.PathEscape(h.MeetingID) + "?" + url.Values{"q": {v.Query}}.Encode(),
		Hits: []hitView{h},
	})
}
