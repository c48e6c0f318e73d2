package index

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"motesarkiv/ingest"
)

// itemDoc is the document of one item as bleve indexes it; the JSON keys
// are the field names of mapping.go.
type itemDoc struct {
	Type         string    `json:"type"`
	Title        string    `json:"title"`
	Body         string    `json:"body"`
	Decisions    []string  `json:"decisions"`
	Speakers     []string  `json:"speakers"` // "name, role, organisation", searched
	Participants []string  `json:"participants"`
	KindText     string    `json:"kind_text"`
	OrganText    string    `json:"organ_text"`
	Kind         string    `json:"kind"`
	Speaker      []string  `json:"speaker"` // names, faceted
	Organ        string    `json:"organ"`
	Year         string    `json:"year"`
	Month        string    `json:"month"`
	Decision     string    `json:"decision"`
	Dnr          []string  `json:"dnr"`
	MeetingID    string    `json:"meeting_id"`
	MeetingDate  time.Time `json:"meeting_date"`
	Region       string    `json:"region"`
	Item         string    `json:"item"`
	Pos          float64   `json:"pos"`
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
	date, err := time.Parse(time.DateOnly, m.MeetingDate)
	if err != nil {
		return nil, fmt.Errorf("meeting %s: meeting date %q: %w", m.ID, m.MeetingDate, err)
	}
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
		docs[id] = newItemDoc(m, i, date)
	}
	return docs, nil
}

func newItemDoc(m *ingest.Meeting, i int, date time.Time) itemDoc {
	it := m.Items[i]
	speakers := it.Speakers
	if it.Sub != "" && len(speakers) == 0 {
		speakers = parentOf(m, i).Speakers
	}
	d := itemDoc{
		Type:         typeItem,
		Title:        it.Title,
		Body:         it.Body,
		Decisions:    it.Decisions,
		Speakers:     describe(speakers),
		Participants: describe(it.Participants),
		KindText:     it.Kind,
		OrganText:    m.Organ,
		Kind:         it.Kind,
		Speaker:      names(speakers),
		Organ:        m.Organ,
		Year:         strconv.Itoa(date.Year()),
		Month:        date.Format(monthLayout),
		Decision:     strconv.FormatBool(len(it.Decisions) > 0),
		MeetingID:    m.ID,
		MeetingDate:  date,
		Region:       m.Region,
		Item:         it.Label(),
		Pos:          float64(i),
	}
	for _, dnr := range []string{it.Dnr, m.Dnr} {
		if dnr != "" {
			d.Dnr = append(d.Dnr, dnr)
		}
	}
	return d
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
func (itemDoc) BleveType() string { return typeItem }

// BleveType tells bleve which document mapping applies.
func (meetingDoc) BleveType() string { return typeMeeting }
