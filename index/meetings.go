package index

import (
	"context"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// MeetingsRequest asks for one page of the meetings list.
type MeetingsRequest struct {
	Organ []string  // any of these organs; none: every organ
	From  time.Time // zero: no lower bound; inclusive
	To    time.Time // zero: no upper bound; inclusive
	Page  int       // from 1
	Size  int       // meetings a page; DefaultSize when 0, clamped to MaxSize
}

// MeetingPage is one page of meetings, newest first, and how many
// meetings the request matches in all.
type MeetingPage struct {
	Total    int           `json:"total"`
	Page     int           `json:"page"`
	Size     int           `json:"size"`
	Meetings []MeetingInfo `json:"meetings"`
}

// MeetingInfo is a meeting in the list.
type MeetingInfo struct {
	MeetingRef
	Region string `json:"region"`
	URL    string `json:"url"`
}

// Meetings lists the meetings that match r, newest first and, on one
// day, by id. A meeting is found through its first item (pos 0), which
// carries its organ, date and id, so the list costs one search and a
// meeting without items is not in it.
func (ix *Index) Meetings(ctx context.Context, r MeetingsRequest) (*MeetingPage, error) {
	r, err := normaliseMeetings(r)
	if err != nil {
		return nil, err
	}
	first, yes := 0.0, true
	pos := bleve.NewNumericRangeInclusiveQuery(&first, &first, &yes, &yes)
	pos.SetField(fieldPos)
	qs := []query.Query{typeQuery(typeItem), pos}
	if len(r.Organ) > 0 {
		qs = append(qs, keywordQuery(fieldOrgan, r.Organ))
	}
	if !r.From.IsZero() || !r.To.IsZero() {
		qs = append(qs, dateRange(r.From, r.To))
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(qs...), r.Size, (r.Page-1)*r.Size, false)
	req.Fields = []string{fieldMeetingID, fieldMeetingDate, fieldOrgan, fieldRegion}
	req.SortBy([]string{"-" + fieldMeetingDate, fieldMeetingID})
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("list meetings: %w", err)
	}
	p := &MeetingPage{Total: int(res.Total), Page: r.Page, Size: r.Size, Meetings: []MeetingInfo{}}
	for _, h := range res.Hits {
		f := h.Fields
		m := MeetingInfo{MeetingRef: MeetingRef{ID: str(f[fieldMeetingID]), Organ: str(f[fieldOrgan]), Date: dateOnly(str(f[fieldMeetingDate]))}, Region: str(f[fieldRegion])}
		m.URL = "/m/" + m.ID
		p.Meetings = append(p.Meetings, m)
	}
	return p, nil
}

// normaliseMeetings fills defaults and refuses what cannot be served.
func normaliseMeetings(r MeetingsRequest) (MeetingsRequest, error) {
	s, err := normalise(Request{From: r.From, To: r.To, Page: r.Page, Size: r.Size})
	r.Page, r.Size = s.Page, s.Size
	return r, err
}
