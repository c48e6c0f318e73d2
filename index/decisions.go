package index

import (
	"context"

	"github.com/blevesearch/bleve/v2/search"
)

// Decision is one decision (beslut) of an item, with where it was taken:
// a row of the decision register. An item with several decisions gives
// one Decision each, numbered from 1 by Index.
type Decision struct {
	MeetingID   string `json:"meeting_id"`
	MeetingDate string `json:"meeting_date"`
	Organ       string `json:"organ"`
	Item        string `json:"item"`
	Title       string `json:"title"`
	Index       int    `json:"index"`
	Text        string `json:"text"`
	URL         string `json:"url"`
}

// decisionFields are the stored fields a Decision is made of.
var decisionFields = []string{fieldMeetingID, fieldMeetingDate, fieldOrgan, fieldItem, fieldTitle, fieldDecisions}

// Decisions calls fn for every decision of the items that match r and
// have one, oldest meeting first and in agenda order, with no cap: the
// walk continues each round after the last item of the one before, as
// Occurrences does. r's Decision filter, Sort, Page and Size are ignored.
// fn may return ErrStop to end the walk early.
func (ix *Index) Decisions(ctx context.Context, r Request, fn func(Decision) error) error {
	r.Filters.Decision = []string{"true"}
	return ix.walk(ctx, r, decisionFields, false, func(dm *search.DocumentMatch) error { return itemDecisions(dm.Fields, fn) })
}

// itemDecisions calls fn for each decision in an item's stored fields.
func itemDecisions(f map[string]any, fn func(Decision) error) error {
	d := Decision{
		MeetingID:   str(f[fieldMeetingID]),
		MeetingDate: dateOnly(str(f[fieldMeetingDate])),
		Organ:       str(f[fieldOrgan]),
		Item:        str(f[fieldItem]),
		Title:       str(f[fieldTitle]),
	}
	d.URL = "/m/" + d.MeetingID + "#punkt-" + d.Item // as Hit.URL
	for i, text := range strs(f[fieldDecisions]) {
		d.Index, d.Text = i+1, text
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}
