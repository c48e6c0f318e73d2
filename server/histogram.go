package server

import (
	"fmt"
	"net/url"
	"strconv"
	"time"

	"motesarkiv/index"
)

// histogram is the hits per year or per month as bars; each bar with hits
// is a link to the same search narrowed to its span of dates.
type histogram struct {
	Caption string // "Träffar per år"
	Bars    []bar
}

type bar struct {
	Label    string // "2026", or "apr" under a month
	Title    string // "april 2026: 3 träffar", for screen readers and tooltips
	Count    int
	Level    int    // height in tenths of the tallest bar, at least 1 with hits
	URL      string // "" for a bar without hits
	From, To string // the span, for the script that fills in the form
}

// maxMonthBars is the most months shown one bar each; a longer span is
// shown per year.
const maxMonthBars = 24

// newHistogram chooses years or months: months when the hits (or the
// chosen range) span at most maxMonthBars of them. Facet counts are
// disjunctive, so the year and month filters do not hide other bars; a
// bar's link replaces those filters with its range. A histogram of fewer
// than two bars narrows nothing and is left out.
func newHistogram(q url.Values, req index.Request, facets map[string][]index.FacetValue) *histogram {
	months := fillMonths(facets["month"], req.From, req.To)
	h := &histogram{Caption: "Träffar per månad"}
	if len(months) > maxMonthBars {
		h.Caption = "Träffar per år"
		h.Bars = yearBars(q, facets["year"])
	} else {
		h.Bars = monthBars(q, months)
	}
	if len(h.Bars) < 2 {
		return nil
	}
	setLevels(h.Bars)
	return h
}

// fillMonths returns the month counts over every month from the first to
// the last, widened to a chosen range when it is short enough to show.
func fillMonths(counts []index.FacetValue, from, to time.Time) []index.FacetValue {
	byMonth := map[string]int{}
	var first, last time.Time
	for _, c := range counts {
		m, err := time.Parse(monthLayout, c.Value)
		if err != nil {
			continue
		}
		byMonth[c.Value] = c.Count
		if first.IsZero() || m.Before(first) {
			first = m
		}
		if m.After(last) {
			last = m
		}
	}
	if !from.IsZero() && !to.IsZero() && monthsBetween(from, to) <= maxMonthBars {
		first, last = monthOf(from), monthOf(to)
	}
	if first.IsZero() {
		return nil
	}
	var out []index.FacetValue
	for m := first; !m.After(last) && len(out) <= maxMonthBars; m = m.AddDate(0, 1, 0) {
		key := m.Format(monthLayout)
		out = append(out, index.FacetValue{Value: key, Count: byMonth[key]})
	}
	return out
}

func monthOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

func monthsBetween(from, to time.Time) int {
	return (to.Year()-from.Year())*12 + int(to.Month()-from.Month()) + 1
}

func monthBars(q url.Values, months []index.FacetValue) []bar {
	var out []bar
	for _, m := range months {
		start, err := time.Parse(monthLayout, m.Value)
		if err != nil {
			continue
		}
		end := start.AddDate(0, 1, -1)
		out = append(out, newBar(q, shortMonth(start.Month()), monthLabel(m.Value), m.Count, start, end))
	}
	return out
}

// yearBars are the years from the first with hits to the last, the years
// between included, so that a gap shows as a gap.
func yearBars(q url.Values, years []index.FacetValue) []bar {
	counts := map[int]int{}
	first, last := 0, 0
	for _, y := range years {
		n, err := strconv.Atoi(y.Value)
		if err != nil {
			continue
		}
		counts[n] = y.Count
		if first == 0 || n < first {
			first = n
		}
		last = max(last, n)
	}
	var out []bar
	for y := first; first > 0 && y <= last; y++ {
		start := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		label := strconv.Itoa(y)
		out = append(out, newBar(q, label, label, counts[y], start, start.AddDate(1, 0, -1)))
	}
	return out
}

func newBar(q url.Values, label, long string, count int, from, to time.Time) bar {
	b := bar{
		Label: label, Count: count,
		Title: fmt.Sprintf("%s: %s", long, svCount(uint64(count), "träff", "träffar")),
		From:  from.Format(dateLayout), To: to.Format(dateLayout),
	}
	if count > 0 {
		next := without(q, "page", "year", "month")
		next.Set("from", b.From)
		next.Set("to", b.To)
		b.URL = urlOf("/", next)
	}
	return b
}

// setLevels scales the bars to the tallest; the stylesheet has a height
// for each level, since a page without inline styles cannot set one.
func setLevels(bars []bar) {
	top := 0
	for _, b := range bars {
		top = max(top, b.Count)
	}
	for i := range bars {
		if top > 0 && bars[i].Count > 0 {
			bars[i].Level = max(1, (bars[i].Count*10+top-1)/top)
		}
	}
}
