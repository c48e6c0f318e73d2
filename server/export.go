package server

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/rs/zerolog/hlog"

	"motesarkiv/index"
)

// The exports stream every mention as it is found, with no cap: a topic
// that is mentioned 50 000 times is downloaded whole, and memory stays
// flat. An error before the first mention is an ordinary error response;
// one after it has begun aborts the connection (abort), so that a client
// sees a broken download rather than a complete-looking short one.

// mentionsAPI serves GET /api/v1/mentions in the format asked for:
// format=json (the default), csv or ndjson.
func (s *Server) mentionsAPI(w http.ResponseWriter, r *http.Request) error {
	switch f := r.URL.Query().Get("format"); f {
	case "", "json":
		return s.mentionsJSON(w, r)
	case "csv":
		return s.mentionsPlainCSV(w, r)
	case "ndjson":
		return s.mentionsNDJSON(w, r)
	default:
		return badParam("format", "Formatet ska vara json, csv eller ndjson.",
			"format must be json, csv or ndjson, not %q", f)
	}
}

// mentionsJSON writes {"query": "…", "mentions": [Mention…], "total": n}.
func (s *Server) mentionsJSON(w http.ResponseWriter, r *http.Request) error {
	q, _ := json.Marshal(r.URL.Query().Get("q"))
	return s.streamMentions(w, r, jsonExporter[Mention]("mentions", `"query":`+string(q)+","))
}

// mentionsNDJSON writes one mention as JSON a line, for tools that read
// a stream line by line (jq, a log shipper, pandas' read_json(lines=True)).
func (s *Server) mentionsNDJSON(w http.ResponseWriter, r *http.Request) error {
	return s.streamMentions(w, r, exporter[Mention]{
		contentType: "application/x-ndjson; charset=utf-8",
		each: func(bw *bufio.Writer, m Mention) error {
			b, err := json.Marshal(m)
			if err == nil {
				bw.Write(b)
				err = bw.WriteByte('\n')
			}
			return err
		},
	})
}

// plainCSVHeader: the API's CSV has the JSON's keys as its columns, comma
// separated and without a byte order mark, for programs to read;
// /api/v1/mentions.csv is the one shaped for a Swedish spreadsheet.
var plainCSVHeader = []string{"meeting_id", "meeting_date", "organ", "item", "title", "field", "before", "match", "after", "url"}

func (s *Server) mentionsPlainCSV(w http.ResponseWriter, r *http.Request) error {
	return s.streamMentions(w, r, csvExporter(',', "", plainCSVHeader, func(rec []string, m Mention) []string {
		return append(rec, m.MeetingID, m.MeetingDate, m.Organ, m.Item, m.Title, m.Field, m.Before, m.Match, m.After, m.URL)
	}))
}

// csvHeader names the columns of the spreadsheet export, in Swedish for
// the people who open it.
var csvHeader = []string{"mötesdatum", "organ", "punkt", "rubrik", "fält", "före", "träff", "efter", "länk", "möte"}

// mentionsCSV serves GET /api/v1/mentions.csv. It is written for Excel
// as Swedish offices have it set up: a byte order mark, so that å, ä and
// ö survive, and semicolons between the fields, as the Swedish locale
// expects. Links are absolute, since a spreadsheet has no base URL, and
// cells that a spreadsheet would read as formulas are quoted (cell).
func (s *Server) mentionsCSV(w http.ResponseWriter, r *http.Request) error {
	base := baseURL(r)
	e := csvExporter(';', "\ufeff", csvHeader, func(rec []string, m Mention) []string {
		return append(rec, m.MeetingDate, m.Organ, m.Item, cell(m.Title), fieldName(m.Field),
			cell(m.Before), cell(m.Match), cell(m.After), base+m.URL, m.MeetingID)
	})
	e.filename = "forekomster.csv"
	return s.streamMentions(w, r, e)
}

// exporter is one format of a streamed export (mentions, decisions):
// what comes before the first record, each record, and what closes the
// answer.
type exporter[T any] struct {
	contentType string
	filename    string // for Content-Disposition: attachment, or ""
	begin       func(*bufio.Writer) error
	each        func(*bufio.Writer, T) error
	end         func(*bufio.Writer) error
}

// jsonExporter writes {"<key>": [records…], <head fields>, "total": n};
// head is raw JSON members written before the list ("" for none).
func jsonExporter[T any](key, head string) exporter[T] {
	n := 0
	return exporter[T]{
		contentType: "application/json; charset=utf-8",
		begin: func(bw *bufio.Writer) error {
			_, err := fmt.Fprintf(bw, `{%s%q:[`, head, key)
			return err
		},
		each: func(bw *bufio.Writer, v T) error {
			if n > 0 {
				bw.WriteByte(',')
			}
			n++
			b, err := json.Marshal(v)
			if err == nil {
				_, err = bw.Write(b)
			}
			return err
		},
		end: func(bw *bufio.Writer) error {
			_, err := fmt.Fprintf(bw, `],"total":%d}`+"\n", n)
			return err
		},
	}
}

// csvExporter writes a header and a row of each record; row appends the
// record's fields to rec, which is the last row's, emptied (csv.Writer
// keeps no row), not a new slice for every row.
func csvExporter[T any](comma rune, bom string, header []string, row func(rec []string, v T) []string) exporter[T] {
	var cw *csv.Writer
	var rec []string
	return exporter[T]{
		contentType: "text/csv; charset=utf-8",
		begin: func(bw *bufio.Writer) error {
			cw = csv.NewWriter(bw)
			cw.Comma = comma
			bw.WriteString(bom)
			return cw.Write(header)
		},
		each: func(_ *bufio.Writer, v T) error {
			rec = row(rec[:0], v)
			return cw.Write(rec)
		},
		end: func(*bufio.Writer) error {
			cw.Flush()
			return cw.Error()
		},
	}
}

// streamMentions writes every mention of the request's search.
func (s *Server) streamMentions(w http.ResponseWriter, r *http.Request, e exporter[Mention]) error {
	req, err := mentionParams(r)
	if err != nil {
		return err
	}
	return stream(s, w, r, e, func(fn func(Mention) error) error { return s.mentions.Mentions(r.Context(), req, fn) })
}

// streamBuffer is how much of an export is written to the connection at
// a time. With bufio's default of 4 kB the phrase's 415 kB CSV took 204
// writes to the socket, each waking the reader; 64 kB takes 31 (p50 over
// HTTP about 10 % lower), and memory still stays flat.
const streamBuffer = 64 << 10

// streamBuffers keep the exports' buffers from one to the next, rather
// than making 64 kB new for every export.
var streamBuffers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, streamBuffer) }}

// stream writes every record walk gives in the exporter's format. The
// answer begins with the first record, so that an error before it (a bad
// query) is still an ordinary error response; one after it cuts the
// connection (abort).
func stream[T any](s *Server, w http.ResponseWriter, r *http.Request, e exporter[T], walk func(func(T) error) error) error {
	bw := streamBuffers.Get().(*bufio.Writer)
	bw.Reset(w)
	defer func() {
		bw.Reset(nil) // what an aborted export left in it goes nowhere
		streamBuffers.Put(bw)
	}()
	begun := false
	begin := func() error {
		begun = true
		w.Header().Set("Content-Type", e.contentType)
		if e.filename != "" {
			w.Header().Set("Content-Disposition", `attachment; filename="`+e.filename+`"`)
		}
		if e.begin == nil {
			return nil
		}
		return e.begin(bw)
	}
	err := walk(func(v T) error {
		if !begun {
			if err := begin(); err != nil {
				return err
			}
		}
		return e.each(bw, v)
	})
	switch {
	case err != nil && begun:
		s.abort(r, err)
	case err != nil:
		return err
	case !begun:
		if err := begin(); err != nil {
			return err
		}
	}
	if e.end != nil {
		if err := e.end(bw); err != nil {
			s.abort(r, err)
		}
	}
	return bw.Flush()
}

// cell keeps a spreadsheet from reading text from the minutes as a
// formula: a cell that begins with =, +, - or @ gets a leading apostrophe,
// which Excel and LibreOffice show as text and do not display.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// mentionParams reads the search of an export, which must have a query:
// a mention is where a query's words are found.
func mentionParams(r *http.Request) (index.Request, error) {
	req, err := searchParams(r.URL.Query())
	if err == nil && req.Query == "" {
		err = badParam("q", "Skriv något att söka efter: förekomster är ställena där sökorden finns.",
			"mentions need a query: they are the places where its words are found")
	}
	return req, err
}

// abort ends a response that has begun and cannot become an error
// response: the error goes to the log and the connection is cut.
func (s *Server) abort(r *http.Request, err error) {
	hlog.FromRequest(r).Error().Err(err).Msg("export aborted")
	panic(http.ErrAbortHandler)
}
