package server

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"motesarkiv/index"
)

// decisionLister is an index that keeps a decision register
// (index.Index.Decisions).
type decisionLister interface {
	Decisions(ctx context.Context, r index.Request, fn func(index.Decision) error) error
}

// decisionCSVHeader: the CSV's columns are the JSON's keys.
var decisionCSVHeader = []string{"meeting_id", "meeting_date", "organ", "item", "title", "index", "text", "url"}

// decisions answers GET /api/v1/decisions, the decision register: every
// decision of the items that match the search parameters (q may be
// empty: then every decision), oldest meeting first and in agenda order,
// streamed with no cap. format=json (the default) writes
// {"decisions": […], "total": n}; format=csv a header row of the same
// keys, then a row a decision. page, size and sort are ignored. As with
// the mention exports, an error once the answer has begun cuts the
// connection (export.go).
func (s *Server) decisions(w http.ResponseWriter, r *http.Request) error {
	dl, ok := s.idx.(decisionLister)
	if !ok {
		return errUnsupported
	}
	req, err := searchParams(r.URL.Query())
	if err != nil {
		return err
	}
	var out decisionWriter
	switch f := r.URL.Query().Get("format"); f {
	case "", "json":
		out = &decisionJSON{}
	case "csv":
		out = &decisionCSV{}
	default:
		return badParam("format", "Formatet ska vara json eller csv.", "format must be json or csv, not %q", f)
	}
	return s.streamDecisions(w, r, dl, req, out)
}

// decisionWriter is one format of the register.
type decisionWriter interface {
	contentType() string
	begin(*bufio.Writer) error
	each(*bufio.Writer, index.Decision) error
	end(*bufio.Writer) error
}

// streamDecisions writes the register; the first decision begins the
// answer, so that an error before it is an ordinary error response.
func (s *Server) streamDecisions(w http.ResponseWriter, r *http.Request, dl decisionLister, req index.Request, out decisionWriter) error {
	bw := bufio.NewWriter(w)
	begun := false
	begin := func() error {
		begun = true
		w.Header().Set("Content-Type", out.contentType())
		return out.begin(bw)
	}
	err := dl.Decisions(r.Context(), req, func(d index.Decision) error {
		if !begun {
			if err := begin(); err != nil {
				return err
			}
		}
		return out.each(bw, d)
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
	if err := out.end(bw); err != nil {
		s.abort(r, err)
	}
	return bw.Flush()
}

type decisionJSON struct{ n int }

func (*decisionJSON) contentType() string { return "application/json; charset=utf-8" }

func (*decisionJSON) begin(bw *bufio.Writer) error {
	_, err := bw.WriteString(`{"decisions":[`)
	return err
}

func (j *decisionJSON) each(bw *bufio.Writer, d index.Decision) error {
	if j.n > 0 {
		bw.WriteByte(',')
	}
	j.n++
	b, err := json.Marshal(d)
	if err == nil {
		_, err = bw.Write(b)
	}
	return err
}

func (j *decisionJSON) end(bw *bufio.Writer) error {
	_, err := fmt.Fprintf(bw, `],"total":%d}`+"\n", j.n)
	return err
}

type decisionCSV struct{ cw *csv.Writer }

func (*decisionCSV) contentType() string { return "text/csv; charset=utf-8" }

func (c *decisionCSV) begin(bw *bufio.Writer) error {
	c.cw = csv.NewWriter(bw)
	return c.cw.Write(decisionCSVHeader)
}

func (c *decisionCSV) each(_ *bufio.Writer, d index.Decision) error {
	return c.cw.Write([]string{d.MeetingID, d.MeetingDate, d.Organ, d.Item, d.Title, strconv.Itoa(d.Index), d.Text, d.URL})
}

func (c *decisionCSV) end(*bufio.Writer) error {
	c.cw.Flush()
	return c.cw.Error()
}

// errUnsupported: the index behind the server cannot answer this route
// (a test's stand-in index).
var errUnsupported = errors.New("this index cannot answer this request")
