package index

import (
	"time"

	"github.com/blevesearch/bleve/v2/search"
)

// hitFields are the stored fields a hit is made of.
var hitFields = []string{fieldMeetingID, fieldMeetingDate, fieldOrgan, fieldItem, fieldKind, fieldTitle, fieldSpeaker, fieldDecisions}

func newHit(dm *search.DocumentMatch) Hit {
	h := Hit{
		MeetingID:   str(dm.Fields[fieldMeetingID]),
		MeetingDate: dateOnly(str(dm.Fields[fieldMeetingDate])),
		Organ:       str(dm.Fields[fieldOrgan]),
		Item:        str(dm.Fields[fieldItem]),
		Kind:        str(dm.Fields[fieldKind]),
		Title:       str(dm.Fields[fieldTitle]),
		Speakers:    strs(dm.Fields[fieldSpeaker]),
		Decisions:   strs(dm.Fields[fieldDecisions]),
		Score:       dm.Score,
		Highlights:  map[string][]string{},
	}
	for field, frags := range dm.Fragments {
		h.Highlights[field] = frags
	}
	h.URL = "/m/" + h.MeetingID + "#punkt-" + h.Item
	return h
}

// str reads a stored field bleve returns as a string, or as a list when
// the document had several values.
func str(v any) string {
	if s := strs(v); len(s) > 0 {
		return s[0]
	}
	return ""
}

func strs(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return []string{}
}

// dateOnly turns the stored RFC 3339 time back into the meeting's day.
func dateOnly(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.Format(time.DateOnly)
}
