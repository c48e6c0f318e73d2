package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// Options carry what the text itself may not say.
type Options struct {
	// Region is the region or municipality (the --organisation flag),
	// where the text does not name one.
	Region string
	// Date is the meeting date (YYYY-MM-DD) where the text gives none.
	Date string
	// MaxSize is the largest file ReadFile reads, in bytes; 0 means
	// DefaultMaxSize.
	MaxSize int64
}

// DefaultMaxSize is the largest file read unless Options say otherwise.
const DefaultMaxSize = 100 << 20

// Parse reads a minutes file's bytes in the format its content shows
// (PDF, DOCX, HTML or plain text in UTF-8, UTF-16 or Windows-1252) and
// parses the text. name is the file name stored in Source.File (base
// name). Errors are *FileError.
func Parse(name string, data []byte, opts Options) (*Meeting, error) {
	f := formatOf(data)
	pages, err := read(f, name, data)
	if err != nil {
		return nil, fileError(name, err)
	}
	m, err := parseText(strings.Join(pages, "\f"))
	if err != nil {
		return nil, fileError(name, err)
	}
	if m.Region == "" {
		m.Region = opts.Region
	}
	if err := m.dateFrom(opts.Date); err != nil {
		return nil, fileError(name, err)
	}
	sum := sha256.Sum256(data)
	m.Source = Source{File: filepath.Base(name), Format: f.name, SHA256: hex.EncodeToString(sum[:])}
	return m, nil
}

// read runs a format's reader and turns its panic, should a damaged file
// drive a library into one, into an error like any other.
func read(f format, name string, data []byte) (pages []string, err error) {
	defer func() {
		if p := recover(); p != nil {
			pages, err = nil, fmt.Errorf("%w: the %s reader failed: %v", ErrCorrupt, f.name, p)
		}
	}()
	return f.reader.Read(name, data)
}

// dateFrom gives a meeting without a date in its text the date of the
// options, and refuses one that has neither: a meeting without a date
// cannot be found by date or told from another of its organ.
func (m *Meeting) dateFrom(date string) error {
	if m.MeetingDate != "" {
		return nil
	}
	if date == "" {
		return ErrNoDate
	}
	if parseISO(date).IsZero() {
		return fmt.Errorf("%w: %q is not a date (YYYY-MM-DD)", ErrNoDate, date)
	}
	m.MeetingDate = date
	m.ID = meetingID(m)
	return nil
}

// fileError names the file and states the reason in words a person reading
// an ingest summary understands.
func fileError(path string, err error) error {
	for _, sentinel := range []error{ErrEmpty, ErrBinary, ErrEncoding, ErrUnknownLayout, ErrNoDate,
		ErrNoTextLayer, ErrEncrypted, ErrNotDocument, ErrCorrupt} {
		if errors.Is(err, sentinel) {
			return &FileError{Path: path, Reason: sentinel.Error(), Err: err}
		}
	}
	return &FileError{Path: path, Reason: "parse", Err: err}
}

// parseText parses decoded text: header, agenda items, attendance.
func parseText(text string) (*Meeting, error) {
	pages := splitPages(text)
	doc := newDocument(pages)
	lines := doc.lines
	if len(pages) == 1 {
		dropPageFurniture(lines)
	}
	lines = cutAppendix(lines, doc.pages)
	hs := findHeadings(lines)
	if len(hs) == 0 {
		return nil, ErrUnknownLayout
	}
	h := parseHeader(lines[:hs[0].start])
	h.fill(parseHeader(doc.running))
	doc1, meet := h.documentAndMeetingDate()
	ctx := dateCtx{ref: parseISO(meet)}
	ns := newNameSet()
	ns.learnFromTable(h.rows)
	m := &Meeting{Organ: h.organ, Region: h.region, Kind: h.kind, Dnr: h.dnr,
		DocumentDate: doc1, MeetingDate: meet, StartTime: h.start, EndTime: h.end, Place: h.place}
	m.Items = parseItems(lines, hs, h.organ, ns, ctx)
	for _, row := range h.rows {
		m.Attendees = append(m.Attendees, ns.parseRow(row)...)
	}
	m.Justerare = h.justerare
	if len(m.Justerare) == 0 {
		m.Justerare = justerare(m.Items, ns)
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
		items = append(items, buildItem(h, scanItem(lines[h.end:end], h, organ), ns, ctx))
	}
	adoptTrailingDecisions(items)
	return items
}

// meetingID is the slug of organ and meeting date,
// "valfardsradet-2026-04-09".
func meetingID(m *Meeting) string {
	organ := Slug(m.Organ)
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
		if it.Sections == nil {
			it.Sections = []Section{}
		}
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
