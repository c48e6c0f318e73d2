package server

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

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
	req, err := mentionParams(r)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	n := 0
	err = s.mentions.Mentions(r.Context(), req, func(m Mention) error {
		if n == 0 {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			q, _ := json.Marshal(req.Query)
			fmt.Fprintf(bw, `{"query":%s,"mentions":[`, q)
		} else {
			bw.WriteByte(',')
		}
		n++
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		_, err = bw.Write(b)
		return err
	})
	switch {
	case err != nil && n > 0:
		s.abort(r, err)
	case err != nil:
		return err
	case n == 0:
		return writeJSON(w, http.StatusOK, map[string]any{"query": req.Query, "mentions": []Mention{}, "total": 0})
	}
	fmt.Fprintf(bw, `],"total":%d}`+"\n", n)
	return bw.Flush()
}

// mentionsNDJSON writes one mention as JSON a line, for tools that read
// a stream line by line (jq, a log shipper, pandas' read_json(lines=True)).
func (s *Server) mentionsNDJSON(w http.ResponseWriter, r *http.Request) error {
	req, err := mentionParams(r)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	begun := false
	err = s.mentions.Mentions(r.Context(), req, func(m Mention) error {
		if !begun {
			w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
			begun = true
		}
		return enc.Encode(m)
	})
	switch {
	case err != nil && begun:
		s.abort(r, err)
	case err != nil:
		return err
	case !begun:
		w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
	}
	return bw.Flush()
}

// plainCSVHeader: the API's CSV has the JSON's keys as its columns, comma
// separated and without a byte order mark, for programs to read;
// /api/v1/mentions.csv is the one shaped for a Swedish spreadsheet.
var plainCSVHeader = []string{"meeting_id", "meeting_date", "organ", "item", "title", "field", "before", "match", "after", "url"}

func (s *Server) mentionsPlainCSV(w http.ResponseWriter, r *http.Request) error {
	req, err := mentionParams(r)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	begun := false
	begin := func() {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		cw.Write(plainCSVHeader)
		begun = true
	}
	err = s.mentions.Mentions(r.Context(), req, func(m Mention) error {
		if !begun {
			begin()
		}
		return cw.Write([]string{m.MeetingID, m.MeetingDate, m.Organ, m.Item, m.Title, m.Field, m.Before, m.Match, m.After, m.URL})
	})
	switch {
	case err != nil && begun:
		s.abort(r, err)
	case err != nil:
		return err
	case !begun:
		begin()
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		s.abort(r, err)
	}
	return bw.Flush()
}

// csvHeader names the columns of the CSV export, in Swedish for the
// people who open it in a spreadsheet.
var csvHeader = []string{"mötesdatum", "organ", "punkt", "rubrik", "fält", "före", "träff", "efter", "länk", "möte"}

// mentionsCSV serves GET /api/v1/mentions.csv. It is written for Excel
// as Swedish offices have it set up: a byte order mark, so that å, ä and
// ö survive, and semicolons between the fields, as the Swedish locale
// expects. Links are absolute, since a spreadsheet has no base URL.
func (s *Server) mentionsCSV(w http.ResponseWriter, r *http.Request) error {
	req, err := mentionParams(r)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	cw.Comma = ';'
	base, begun := baseURL(r), false
	begin := func() {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="forekomster.csv"`)
		bw.WriteString("\ufeff")
		cw.Write(csvHeader)
		begun = true
	}
	err = s.mentions.Mentions(r.Context(), req, func(m Mention) error {
		if !begun {
			begin()
		}
		return cw.Write([]string{m.MeetingDate, m.Organ, m.Item, cell(m.Title), fieldName(m.Field),
			cell(m.Before), cell(m.Match), cell(m.After), base + m.URL, m.MeetingID})
	})
	switch {
	case err != nil && begun:
		s.abort(r, err)
	case err != nil:
		return err
	case !begun:
		begin()
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		s.abort(r, err)
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
