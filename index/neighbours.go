package index

import (
	"context"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"motesarkiv/ingest"
)

// MeetingRef names a meeting for a link to it. The zero MeetingRef means
// there is none.
type MeetingRef struct {
	ID    string `json:"id"`
	Organ string `json:"organ"`
	Date  string `json:"meeting_date"` // YYYY-MM-DD
}

// Neighbours returns the meetings of m's organ just before and just after
// m, by meeting date and, for two meetings on one day, by id. A meeting
// without a date has no place in that order and so no neighbours.
//
// The meetings are found through their items, which carry organ, date
// and meeting id as keywords: each neighbour is the first hit of a search
// sorted towards it, so the cost does not grow with the archive.
func (ix *Index) Neighbours(ctx context.Context, m *ingest.Meeting) (prev, next MeetingRef, err error) {
	if m.MeetingDate == "" {
		return prev, next, nil
	}
	day, err := time.Parse(time.DateOnly, m.MeetingDate)
	if err != nil {
		return prev, next, fmt.Errorf("neighbours of %s: meeting date %q: %w", m.ID, m.MeetingDate, err)
	}
	if prev, err = ix.neighbour(ctx, m, day, true); err != nil {
		return prev, next, err
	}
	next, err = ix.neighbour(ctx, m, day, false)
	return prev, next, err
}

// neighbour finds the nearest meeting before (or after) m: one held on an
// earlier (later) day, or on the same day with a smaller (greater) id.
func (ix *Index) neighbour(ctx context.Context, m *ingest.Meeting, day time.Time, before bool) (MeetingRef, error) {
	yes, no := true, false
	var otherDay, sameDay query.Query
	if before {
		otherDay = bleve.NewDateRangeInclusiveQuery(time.Time{}, day, &yes, &no)
		sameDay = bleve.NewTermRangeInclusiveQuery("", m.ID, &yes, &no)
	} else {
		otherDay = bleve.NewDateRangeInclusiveQuery(day.AddDate(0, 0, 1), time.Time{}, &yes, &yes)
		sameDay = bleve.NewTermRangeInclusiveQuery(m.ID, "", &no, &yes)
	}
	otherDay.(*query.DateRangeQuery).SetField(fieldMeetingDate)
	sameDay.(*query.TermRangeQuery).SetField(fieldMeetingID)
	onDay := bleve.NewConjunctionQuery(dateRange(day, day), sameDay)
	q := bleve.NewConjunctionQuery(typeQuery(typeItem), keywordQuery(fieldOrgan, []string{m.Organ}),
		bleve.NewDisjunctionQuery(otherDay, onDay))

	req := bleve.NewSearchRequestOptions(q, 1, 0, false)
	req.Fields = []string{fieldMeetingID, fieldMeetingDate, fieldOrgan}
	if before {
		req.SortBy([]string{"-" + fieldMeetingDate, "-" + fieldMeetingID})
	} else {
		req.SortBy([]string{fieldMeetingDate, fieldMeetingID})
	}
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return MeetingRef{}, fmt.Errorf("neighbours of %s: %w", m.ID, err)
	}
	if len(res.Hits) == 0 {
		return MeetingRef{}, nil
	}
	f := res.Hits[0].Fields
	return MeetingRef{ID: str(f[fieldMeetingID]), Organ: str(f[fieldOrgan]), Date: dateOnly(str(f[fieldMeetingDate]))}, nil
}
