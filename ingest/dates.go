package ingest

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Dates in minutes come as ISO dates (2026-04-13), as the compact YYMMDD
// of Swedish public administration (260409, also YYYYMMDD), and in words
// ("26 oktober 2023", "den 22 maj"). A date in words without a year takes
// the year that puts it nearest the meeting.
var (
	isoDateRe     = regexp.MustCompile(`\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b`)
	compactDateRe = regexp.MustCompile(`(?:^|[^\d/\-.,:])((?:20)?\d{6})\b`)
	wordDateRe    = regexp.MustCompile(`(?i)\b(\d{1,2})(?::[ae])?\s+(` + monthAlternation + `)\b\.?(?:\s+((?:19|20)\d\d)\b)?`)
)

var months = []string{"januari", "februari", "mars", "april", "maj", "juni", "juli",
	"augusti", "september", "oktober", "november", "december"}

const monthAlternation = `januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|` +
	`jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec`

// monthNumber maps a month name or its abbreviation to 1..12, or 0.
func monthNumber(name string) int {
	name = strings.ToLower(name)
	for i, m := range months {
		if name == m || (len(name) >= 3 && strings.HasPrefix(m, name)) {
			return i + 1
		}
	}
	return 0
}

// dateCtx is what a date without a year, or a compact date, is read
// against: the meeting date when it is known.
type dateCtx struct{ ref time.Time }

// findDates returns every date in s as YYYY-MM-DD, in order of appearance,
// with duplicates.
func (c dateCtx) findDates(s string) []string {
	type hit struct {
		at   int
		date string
	}
	var hits []hit
	add := func(at int, t time.Time, ok bool) {
		if ok {
			hits = append(hits, hit{at, t.Format(time.DateOnly)})
		}
	}
	if mayHoldISODate(s) { // guards.go
		for _, m := range isoDateRe.FindAllStringSubmatchIndex(s, -1) {
			t, ok := mkdate(atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]))
			add(m[0], t, ok)
		}
	}
	if mayHoldCompactDate(s) {
		for _, m := range compactDateRe.FindAllStringSubmatchIndex(s, -1) {
			t, ok := c.compact(s[m[2]:m[3]])
			add(m[2], t, ok)
		}
	}
	if mayHoldWordDate(s) {
		for _, m := range wordDateRe.FindAllStringSubmatchIndex(s, -1) {
			t, ok := c.words(s, m)
			add(m[0], t, ok)
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return a.at - b.at })
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.date
	}
	return out
}

// firstDate is the first date in s, or "".
func (c dateCtx) firstDate(s string) string {
	if d := c.findDates(s); len(d) > 0 {
		return d[0]
	}
	return ""
}

// compact reads YYMMDD or YYYYMMDD. Six digits are also amounts and
// numbers, so with a meeting date known the year must lie near it (ten years
// back, three ahead).
func (c dateCtx) compact(d string) (time.Time, bool) {
	y := atoi(d[:len(d)-4])
	if len(d) == 6 {
		y += 2000
	}
	t, ok := mkdate(y, atoi(d[len(d)-4:len(d)-2]), atoi(d[len(d)-2:]))
	if !ok || c.ref.IsZero() {
		return t, ok
	}
	return t, y >= c.ref.Year()-10 && y <= c.ref.Year()+3
}

// words reads "26 oktober 2023" or "den 22 maj" from a wordDateRe match.
func (c dateCtx) words(s string, m []int) (time.Time, bool) {
	day, month := atoi(s[m[2]:m[3]]), monthNumber(s[m[4]:m[5]])
	if m[6] >= 0 {
		return mkdate(atoi(s[m[6]:m[7]]), month, day)
	}
	if c.ref.IsZero() {
		return time.Time{}, false
	}
	// The meeting's year, unless that puts the date most of a year away
	// ("den 15 januari" written in December means next year).
	if t, ok := mkdate(c.ref.Year(), month, day); !ok || absDur(t.Sub(c.ref)) <= 270*24*time.Hour {
		return t, ok
	}
	best, found := time.Time{}, false
	for y := c.ref.Year() - 1; y <= c.ref.Year()+1; y++ {
		t, ok := mkdate(y, month, day)
		if ok && (!found || absDur(t.Sub(c.ref)) < absDur(best.Sub(c.ref))) {
			best, found = t, true
		}
	}
	return best, found
}

func mkdate(y, m, d int) (time.Time, bool) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, m >= 1 && m <= 12 && t.Day() == d && t.Month() == time.Month(m)
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func parseISO(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

// timeRe finds clock times: 09.00, 9:00, 12.00.
var timeRe = regexp.MustCompile(`\b([01]?\d|2[0-3])[.:]([0-5]\d)\b`)

// parseTimes reads "Tid: 09.00-12.00" or "Kl. 9.00 – 12.00" as start and
// end, HH:MM; a single time is a start.
func parseTimes(s string) (start, end string) {
	ms := timeRe.FindAllStringSubmatch(s, 2)
	hhmm := func(m []string) string { return twoDigits(m[1]) + ":" + m[2] }
	if len(ms) > 0 {
		start = hhmm(ms[0])
	}
	if len(ms) > 1 {
		end = hhmm(ms[1])
	}
	return start, end
}

func twoDigits(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}
