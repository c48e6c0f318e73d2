package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"path/filepath"
)

// Options carry what the text itself may not say.
type Options struct {
	Region string
}

// Parse decodes a minutes file's bytes (UTF-8; UTF-8 BOM; UTF-16 LE/BE with
// BOM; Windows-1252 when not valid UTF-8) and parses it. name is the file
// name stored in Source.File (base name). Errors are *FileError.
func Parse(name string, data []byte, opts Options) (*Meeting, error) {
	text, err := decode(data)
	if err != nil {
		return nil, fileError(name, err)
	}
	m, err := parseText(text)
	if err != nil {
		return nil, fileError(name, err)
	}
	sum := sha256.Sum256(data)
	m.Source = Source{File: filepath.Base(name), Format: "text", SHA256: hex.EncodeToString(sum[:])}
	if m.Region == "" {
		m.Region = opts.Region
	}
	return m, nil
}

// fileError names the file and states the reason in words a person reading
// an ingest summary understands.
func fileError(path string, err error) error {
	for _, sentinel := range []error{ErrEmpty, ErrBinary, ErrEncoding, ErrUnknownLayout} {
		if errors.Is(err, sentinel) {
			return &FileError{Path: path, Reason: sentinel.Error(), Err: err}
		}
	}
	return &FileError{Path: path, Reason: "parse", Err: err}
}

// parseText parses decoded text: header, agenda items, attendance.
func parseText(text string) (*Meeting, error) {
	lines := splitLines(text)
	dropPageFurniture(lines)
	hs := findHeadings(lines)
	if len(hs) == 0 {
		return nil, ErrUnknownLayout
	}
	h := parseHeader(lines[:hs[0].start])
	doc, meet := h.documentAndMeetingDate()
	ctx := dateCtx{ref: parseISO(meet)}
	ns := newNameSet()
	ns.learnFromTable(h.rows)
	m := &Meeting{Organ: h.organ, Region: h.region, Kind: h.kind, Dnr: h.dnr,
		DocumentDate: doc, MeetingDate: meet, StartTime: h.start, EndTime: h.end, Place: h.place}
	m.Items = parseItems(lines, hs, h.organ, ns, ctx)
	for _, row := range h.rows {
		m.Attendees = append(m.Attendees, ns.parseRow(row)...)
	}
	m.Justerare = h.justerare
	if len(m.Justerare) == 0 {
		m.Justerare = justerare(m.Items)
	}
	m.PreviousMinutesDate = previousMinutesDate(m.Items, ctx)
	m.ID = meetingID(m)
	fillEmpty(m)
	return m, nil
}

func parseItems(lines []string, hs []heading, organ string, ns nameSet, ctx dateCtx) []Item {
	items := make([]Item, 0, len(hs))
	for k, h := range hs {
		end := len(lines)
		if k+1 < len(hs) {
			end = hs[k+1].start
		}
		items = append(items, buildItem(h, scanItem(lines[h.end:end], organ), ns, ctx))
	}
	adoptTrailingDecisions(items)
	return items
}

// meetingID is the slug of organ and meeting date,
// "valfardsradet-2026-04-09".
func meetingID(m *Meeting) string {
	organ := slug(m.Organ)
	if organ == "" {
		organ = "mote"
	}
	date := m.MeetingDate
	if date == "" {
		date = m.DocumentDate
	}
	if date == "" {
		return organ
	}
	return organ + "-" + date
}

// fillEmpty turns nil lists into empty ones so the JSON shows [] and
// consumers need not tell null from empty.
func fillEmpty(m *Meeting) {
	for _, p := range []*[]string{&m.Justerare} {
		if *p == nil {
			*p = []string{}
		}
	}
	if m.Attendees == nil {
		m.Attendees = []Person{}
	}
	for i := range m.Items {
		it := &m.Items[i]
		for _, p := range []*[]string{&it.Decisions, &it.Attachments, &it.Dates} {
			if *p == nil {
				*p = []string{}
			}
		}
		for _, p := range []*[]Person{&it.Speakers, &it.Participants} {
			if *p == nil {
				*p = []Person{}
			}
		}
	}
}
