package index

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"motesarkiv/ingest"
)

// itemDoc is the document of one item as bleve indexes it, by the field
// names of mapping.go. It is a map so that a missing value (a procedural
// item has no kind, a meeting may lack a date) is no field at all rather
// than an empty facet value.
type itemDoc map[string]any

// set stores a value unless it is empty.
func (d itemDoc) set(field string, v any) {
	switch v := v.(type) {
	case string:
		if v == "" {
			return
		}
	case []string:
		if len(v) == 0 {
			return
		}
	}
	d[field] = v
}

type meetingDoc struct {
	Type string `json:"type"`
	JSON string `json:"json"`
}

func itemID(meetingID, label string) string { return meetingID + "/" + label }
func meetingDocID(meetingID string) string  { return "meeting:" + meetingID }

// documents returns the meeting's documents by id: one per item and the
// meeting's own.
func documents(m *ingest.Meeting) (map[string]any, error) {
	raw, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("meeting %s: %w", m.ID, err)
	}
	docs := map[string]any{meetingDocID(m.ID): meetingDoc{Type: typeMeeting, JSON: string(raw)}}
	for i, it := range m.Items {
		id := itemID(m.ID, it.Label())
		if _, dup := docs[id]; dup {
			return nil, fmt.Errorf("meeting %s: item %s appears twice", m.ID, it.Label())
		}
		d, err := newItemDoc(m, i)
		if err != nil {
			return nil, err
		}
		docs[id] = d
	}
	return docs, nil
}

func newItemDoc(m *ingest.Meeting, i int) (itemDoc, error) {
	it := m.Items[i]
	speakers := it.Speakers
	if it.Sub != "" && len(speakers) == 0 {
		speakers = parentOf(m, i).Speakers
	}
	d := itemDoc{fieldType: typeItem, fieldPos: float64(i)}
	for field, v := range map[string]any{
		fieldTitle:        it.Title,
		fieldBody:         it.Body,
		fieldDecisions:    it.Decisions,
		fieldSections:     sections(it.Sections),
		fieldSpeakers:     describe(speakers),
		fieldParticipants: describe(it.Participants),
		fieldKindText:     it.Kind,
		fieldOrganText:    m.Organ,
		fieldKind:         it.Kind,
		fieldSpeaker:      names(speakers),
		fieldOrgan:        m.Organ,
		fieldDecision:     strconv.FormatBool(len(it.Decisions) > 0),
		fieldDnr:          nonEmpty(it.Dnr, m.Dnr),
		fieldMeetingID:    m.ID,
		fieldRegion:       m.Region,
		fieldItem:         it.Label(),
	} {
		d.set(field, v)
	}
	if m.MeetingDate == "" {
		return d, nil
	}
	date, err := time.Parse(time.DateOnly, m.MeetingDate)
	if err != nil {
		return nil, fmt.Errorf("meeting %s: meeting date %q: %w", m.ID, m.MeetingDate, err)
	}
	d[fieldMeetingDate] = date
	d[fieldYear] = strconv.Itoa(date.Year())
	d[fieldMonth] = date.Format(monthLayout)
	return d, nil
}

func nonEmpty(vs ...string) []string {
	var out []string
	for _, v := range vs {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

// parentOf returns the top-level item a sub-item belongs to: the nearest
// item before it with the same number and no letter.
func parentOf(m *ingest.Meeting, i int) ingest.Item {
	for j := i - 1; j >= 0; j-- {
		if p := m.Items[j]; p.Number == m.Items[i].Number && p.Sub == "" {
			return p
		}
	}
	return ingest.Item{}
}

func names(ps []ingest.Person) []string {
	var out []string
	for _, p := range ps {
		if p.Name != "" {
			out = append(out, p.Name)
		}
	}
	return out
}

// describe joins what the minutes say of each person, so that a search
// for a role or an organisation ("utvecklingsledare", "RSS") finds the
// items the person spoke at.
func describe(ps []ingest.Person) []string {
	var out []string
	for _, p := range ps {
		s := p.Name
		for _, part := range []string{p.Role, p.Organisation} {
			if part != "" {
				s += ", " + part
			}
		}
		out = append(out, s)
	}
	return out
}

// BleveType tells bleve which document mapping applies.
func (meetingDoc) BleveType() string { return typeMeeting }

// sections are a § item's named parts as text, each headed by its name,
// so that "reservation" finds the items that have one.
func sections(ss []ingest.Section) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Name+"\n"+s.Text)
	}
	return out
}
