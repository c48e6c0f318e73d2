package server

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"motesarkiv/index"
)

// Date layouts of the parameters.
const (
	dateLayout  = "2006-01-02"
	monthLayout = "2006-01"
)

// maxPage bounds paging so that a request cannot make the index collect
// an arbitrarily deep result list.
const maxPage = 1000

// searchParams reads a search request from query parameters:
//
//	q                      the query ("God och Nära vård", -word, OR, …)
//	from, to               meeting dates YYYY-MM-DD, both inclusive
//	kind, speaker, organ,  filters; each may repeat, and values of one
//	year, month, decision,   filter combine with OR, filters with AND
//	dnr
//	sort                   relevance (default), date or -date
//	page                   from 1
//	size                   hits per page, default index.DefaultSize,
//	                         clamped to index.MaxSize
//
// Empty values count as absent, so that an HTML form's blank fields do
// not filter. Errors wrap errBadParam and name the parameter.
func searchParams(v url.Values) (index.Request, error) {
	r := index.Request{Query: strings.TrimSpace(v.Get("q"))}
	if err := checkLimits(v); err != nil { // limits.go
		return r, err
	}
	var err error
	if r.From, err = dateParam(v, "from"); err != nil {
		return r, err
	}
	if r.To, err = dateParam(v, "to"); err != nil {
		return r, err
	}
	if !r.From.IsZero() && !r.To.IsZero() && r.From.After(r.To) {
		return r, badParam("from", "Från-datumet ligger efter till-datumet, så inget möte ryms mellan dem.",
			"%s is after to=%s; the range is empty",
			r.From.Format(dateLayout), r.To.Format(dateLayout))
	}
	if r.Filters, err = filterParams(v); err != nil {
		return r, err
	}
	if r.Sort, err = sortParam(v); err != nil {
		return r, err
	}
	if r.Page, err = intParam(v, "page", 1, maxPage); err != nil {
		return r, err
	}
	r.Size, err = intParam(v, "size", index.DefaultSize, index.MaxSize)
	// facets=none: a client that shows hits only (a widget, a script) is
	// spared counting them, which is most of a broad search's time.
	r.SkipFacets = v.Get("facets") == "none"
	// highlight=none: a client that shows titles only is spared reading
	// the page's texts for the marks.
	r.SkipHighlights = v.Get("highlight") == "none"
	return r, err
}

// dateParam reads a YYYY-MM-DD date; time.Parse also refuses days that
// the month does not have (2026-02-30).
func dateParam(v url.Values, name string) (time.Time, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}, badParam(name, fmt.Sprintf("Datumet %q går inte att läsa. Skriv det som ÅÅÅÅ-MM-DD, till exempel 2026-04-09.", s),
			"%q is not a date; write YYYY-MM-DD, for example 2026-04-09", s)
	}
	return t, nil
}

// filterParams reads the facet filters, checking the values whose form
// is known.
func filterParams(v url.Values) (index.Filters, error) {
	f := index.Filters{
		Kind:     values(v, "kind"),
		Speaker:  values(v, "speaker"),
		Organ:    values(v, "organ"),
		Year:     values(v, "year"),
		Month:    values(v, "month"),
		Decision: values(v, "decision"),
		Dnr:      values(v, "dnr"),
	}
	for _, y := range f.Year {
		if _, err := time.Parse("2006", y); err != nil {
			return f, badParam("year", fmt.Sprintf("Året %q går inte att läsa. Skriv fyra siffror, till exempel 2026.", y),
				"%q is not a year; write four digits, for example 2026", y)
		}
	}
	for _, m := range f.Month {
		if _, err := time.Parse(monthLayout, m); err != nil {
			return f, badParam("month", fmt.Sprintf("Månaden %q går inte att läsa. Skriv ÅÅÅÅ-MM, till exempel 2026-04.", m),
				"%q is not a month; write YYYY-MM, for example 2026-04", m)
		}
	}
	for _, d := range f.Decision {
		if d != "true" && d != "false" {
			return f, badParam("decision", "Beslutsfiltret kan bara vara med beslut eller utan beslut.",
				"%q is neither true (items with a decision) nor false (items without)", d)
		}
	}
	return f, nil
}

// values returns a parameter's non-empty values, trimmed.
func values(v url.Values, name string) []string {
	var out []string
	for _, s := range v[name] {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func sortParam(v url.Values) (string, error) {
	switch s := strings.TrimSpace(v.Get("sort")); s {
	case "", index.SortRelevance:
		return index.SortRelevance, nil
	case index.SortDate, index.SortDateDesc:
		return s, nil
	default:
		return "", badParam("sort", "Sidan kan sorteras efter relevans, nyast först eller äldst först.",
			"%q is not an order; use relevance, date (oldest first) or -date (newest first)", s)
	}
}

// intParam reads a positive integer, def when absent. Values above limit are
// clamped rather than refused: asking for too much is not a mistake worth
// failing a request over.
func intParam(v url.Values, name string, def, limit int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	if !isDigits(s) {
		return 0, badParam(name, fmt.Sprintf("Värdet %q för %s är inte ett heltal från 1 och uppåt.", s, name),
			"%q is not a whole number of at least 1", s)
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > limit { // digits only, so an error means too large
		return limit, nil
	}
	if n < 1 {
		return 0, badParam(name, fmt.Sprintf("Värdet %q för %s är inte ett heltal från 1 och uppåt.", s, name),
			"%q is not a whole number of at least 1", s)
	}
	return n, nil
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// filterNames are the filter parameters, in the order of index.Filters.
var filterNames = []string{"kind", "speaker", "organ", "year", "month", "decision", "dnr"}
