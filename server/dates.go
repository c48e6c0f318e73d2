package server

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// monthNames are the Swedish month names; Swedish writes them in lower
// case, after the day: "9 april 2026".
var monthNames = [...]string{"januari", "februari", "mars", "april", "maj", "juni",
	"juli", "augusti", "september", "oktober", "november", "december"}

// svDate writes a YYYY-MM-DD date the Swedish way, "9 april 2026". What
// is not such a date is returned as it is, so that a page never loses a
// value it cannot read.
func svDate(s string) string {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return s
	}
	return fmt.Sprintf("%d %s %d", t.Day(), monthNames[t.Month()-1], t.Year())
}

// monthLabel writes a YYYY-MM month as "april 2026".
func monthLabel(value string) string {
	t, err := time.Parse(monthLayout, value)
	if err != nil {
		return value
	}
	return fmt.Sprintf("%s %d", monthNames[t.Month()-1], t.Year())
}

// shortMonth is a month's first three letters, for a histogram's bars.
func shortMonth(m time.Month) string { return monthNames[m-1][:3] }

// svSeconds writes milliseconds as seconds with a decimal comma: "0,004 s".
func svSeconds(ms float64) string {
	return strings.Replace(strconv.FormatFloat(ms/1000, 'f', 3, 64), ".", ",", 1) + " s"
}

// svCount writes a count with a noun in singular or plural and a
// non-breaking space between thousands: "1 träff", "12 345 träffar".
func svCount(n uint64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	s := strconv.FormatUint(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "\u00a0" + s[i:]
	}
	return s + " " + many
}
