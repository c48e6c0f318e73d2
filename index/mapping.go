package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Field names of an item document. Text fields are analysed in Swedish
// and searched; keyword fields are filtered and faceted on exactly.
const (
	fieldType = "type"

	// text
	fieldTitle        = "title"
	fieldBody         = "body"
	fieldDecisions    = "decisions"
	fieldSections     = "sections" // a § item's Yrkanden, Omröstning, Reservation …
	fieldSpeakers     = "speakers"
	fieldParticipants = "participants"
	fieldKindText     = "kind_text"
	fieldOrganText    = "organ_text"

	// keyword, one per facet or filter
	fieldKind     = "kind"
	fieldSpeaker  = "speaker"
	fieldOrgan    = "organ"
	fieldYear     = "year"
	fieldMonth    = "month"
	fieldDecision = "decision"
	fieldDnr      = "dnr"

	// stored for hits and sorting
	fieldMeetingID   = "meeting_id"
	fieldMeetingDate = "meeting_date"
	fieldRegion      = "region"
	fieldItem        = "item"
	fieldPos         = "pos"

	// the meeting document's stored JSON
	fieldJSON = "json"
)

const (
	typeItem    = "item"
	typeMeeting = "meeting"
)

// textFields are searched by plain words, with the boost a match in each
// gets: a word in the title says more about an item than one in its body.
var textFields = []textFieldBoost{
	{fieldTitle, 3},
	{fieldDecisions, 2},
	{fieldSpeakers, 1.5},
	{fieldParticipants, 1},
	{fieldBody, 1},
	{fieldSections, 1},
}

type textFieldBoost struct {
	name  string
	boost float64
}

// highlightFields are the text fields whose fragments a hit shows.
var highlightFields = []string{fieldTitle, fieldBody, fieldDecisions}

func newMapping(p profile) mapping.IndexMapping {
	im := bleve.NewIndexMapping()
	im.TypeField = fieldType
	im.DefaultAnalyzer = p.analyzer
	im.DefaultMapping.Enabled = false
	im.AddDocumentMapping(typeItem, itemMapping(p))
	im.AddDocumentMapping(typeMeeting, meetingMapping())
	return im
}

func itemMapping(p profile) *mapping.DocumentMapping {
	dm := bleve.NewDocumentStaticMapping()
	for _, f := range []string{fieldTitle, fieldBody, fieldDecisions, fieldSections, fieldSpeakers, fieldParticipants, fieldKindText, fieldOrganText} {
		dm.AddFieldMappingsAt(f, textField(p.analyzer))
	}
	for _, f := range []string{fieldKind, fieldSpeaker, fieldOrgan, fieldYear, fieldMonth, fieldDecision, fieldDnr, fieldMeetingID, fieldRegion, fieldItem, fieldType} {
		dm.AddFieldMappingsAt(f, keywordField())
	}
	date := bleve.NewDateTimeFieldMapping()
	date.DocValues = true
	dm.AddFieldMappingsAt(fieldMeetingDate, date)
	pos := bleve.NewNumericFieldMapping()
	pos.DocValues = true
	dm.AddFieldMappingsAt(fieldPos, pos)
	return dm
}

func meetingMapping() *mapping.DocumentMapping {
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(fieldType, keywordField())
	stored := bleve.NewTextFieldMapping()
	stored.Index = false
	stored.Store = true
	stored.IncludeInAll = false
	dm.AddFieldMappingsAt(fieldJSON, stored)
	return dm
}

// textField is analysed in Swedish, stored and with term vectors, which
// the highlighter needs to mark the words that matched.
func textField(analyzer string) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = analyzer
	f.Store = true
	f.IncludeTermVectors = true
	f.IncludeInAll = false
	return f
}

func keywordField() *mapping.FieldMapping {
	f := bleve.NewKeywordFieldMapping()
	f.Analyzer = keyword.Name
	f.Store = true
	f.DocValues = true
	f.IncludeInAll = false
	return f
}
