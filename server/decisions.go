package server

import (
	"context"
	"errors"
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
	var e exporter[index.Decision]
	switch f := r.URL.Query().Get("format"); f {
	case "", "json":
		e = jsonExporter[index.Decision]("decisions", "")
	case "csv":
		e = csvExporter(',', "", decisionCSVHeader, func(rec []string, d index.Decision) []string {
			return append(rec, d.MeetingID, d.MeetingDate, d.Organ, d.Item, d.Title, strconv.Itoa(d.Index), d.Text, d.URL)
		})
	default:
		return badParam("format", "Formatet ska vara json eller csv.", "format must be json or csv, not %q", f)
	}
	return stream(s, w, r, e, func(fn func(index.Decision) error) error { return dl.Decisions(r.Context(), req, fn) })
}

// errUnsupported: the index behind the server cannot answer this route
// (a test's stand-in index).
var errUnsupported = errors.New("this index cannot answer this request")
