package server

import (
	"fmt"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"motesarkiv/ingest"
)

// meetingText serves GET /m/{id}/text: the meeting as plain text. The
// index keeps the parsed meeting, not the file it came from, so this is
// the text as the parser read it, in the file's order, rather than the
// original document; the meeting page says so beside the link.
func (s *Server) meetingText(w http.ResponseWriter, r *http.Request) error {
	m, err := s.idx.Meeting(r.PathValue("id"))
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, err = w.Write([]byte(plainText(m)))
	return err
}

// plainText writes a meeting as text a person can read or save.
func plainText(m *ingest.Meeting) string {
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("%s", strings.TrimSpace(capitalize(m.Kind)+" "+m.Organ))
	for _, kv := range [][2]string{
		{"Datum", svDate(m.MeetingDate)}, {"Tid", timeSpan(m)}, {"Plats", m.Place},
		{"Dnr", m.Dnr}, {"Region", m.Region}, {"Källfil", m.Source.File},
	} {
		if kv[1] != "" {
			line("%s: %s", kv[0], kv[1])
		}
	}
	if len(m.Attendees) > 0 {
		line("\nNärvarande")
		for _, p := range m.Attendees {
			line("  %s", person(p))
		}
	}
	for _, it := range m.Items {
		writeItem(&b, it)
	}
	return b.String()
}

func writeItem(b *strings.Builder, it ingest.Item) {
	fmt.Fprintf(b, "\n%s. %s%s\n", it.Label(), kindPrefix(it.Kind), it.Title)
	if len(it.Speakers) > 0 {
		fmt.Fprintf(b, "Föredragande: %s\n", people(it.Speakers))
	}
	if it.Body != "" {
		fmt.Fprintf(b, "\n%s\n", strings.TrimSpace(it.Body))
	}
	if len(it.Decisions) > 0 {
		b.WriteString("\nBeslut:\n")
		for _, d := range it.Decisions {
			fmt.Fprintf(b, "  %s\n", d)
		}
	}
}

func kindPrefix(kind string) string {
	if kind == "" {
		return ""
	}
	return kind + ": "
}

func timeSpan(m *ingest.Meeting) string {
	if m.StartTime == "" && m.EndTime == "" {
		return ""
	}
	return m.StartTime + "–" + m.EndTime
}

// person reads "Name, role, organisation", leaving out what is unknown.
func person(p ingest.Person) string {
	parts := make([]string, 0, 3)
	for _, s := range []string{p.Name, p.Role, p.Organisation} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

func people(ps []ingest.Person) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = person(p)
	}
	return strings.Join(out, "; ")
}

// capitalize puts the first letter in upper case: "Minnesanteckningar".
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
