package ingest

import (
	"regexp"
	"strings"
)

// The header of minutes is a title line ("Minnesanteckningar Välfärdsrådet
// i Dalarna"), sometimes a letterhead line above it, and "Key: value"
// lines: Datum, Dnr, Tid, Plats, Närvarande and its table.

var keyLineRe = regexp.MustCompile(`^([\p{L}][\p{L} .]{0,30}?)\s*:\s*(.*)$`)

// kindRe finds the word that names the document kind in the title.
var kindRe = regexp.MustCompile(`(?i)\b(sammanträdesprotokoll|mötesprotokoll|protokoll|minnesanteckningar|minnesanteckning|mötesanteckningar|anteckningar)\b`)

// header is what the lines before the first agenda item say.
type header struct {
	kind, organ, region string
	dnr, place          string
	dates               []string // every "Datum:" in order
	meetingDate         string   // an explicit "Sammanträdesdatum:"
	start, end          string
	justerare           []string
	rows                []string // the attendance table
	title               string
	letterhead          []string // lines above the title
	below               []string // other lines below the title
}

func parseHeader(lines []string) header {
	var h header
	inTable := false
	for _, l := range lines {
		if l == "" {
			continue
		}
		m := keyLineRe.FindStringSubmatch(l)
		switch {
		case m != nil:
			inTable = h.key(fold(m[1]), strings.TrimSpace(m[2]))
		case inTable:
			h.rows = append(h.rows, l)
		case h.title == "" && kindRe.MatchString(l):
			h.title = l
		case h.title == "":
			h.letterhead = append(h.letterhead, l)
		default:
			h.below = append(h.below, l)
		}
	}
	h.kind, h.organ, h.region = parseTitle(h.title)
	// Where the title names no organ ("Protokoll nr 8"), a line of the
	// letterhead does: the nearest above the title, else the first below.
	for i := len(h.letterhead) - 1; i >= 0 && h.organ == ""; i-- {
		_, h.organ, h.region = parseTitle(h.letterhead[i])
	}
	for i := 0; i < len(h.below) && h.organ == ""; i++ {
		_, h.organ, h.region = parseTitle(h.below[i])
	}
	return h
}

// fill takes from o what h lacks: the running header of the pages (o)
// names the organ and the meeting date when the first page does not.
func (h *header) fill(o header) {
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&h.kind, o.kind}, {&h.organ, o.organ}, {&h.region, o.region}, {&h.dnr, o.dnr},
		{&h.place, o.place}, {&h.meetingDate, o.meetingDate}, {&h.start, o.start}, {&h.end, o.end},
	} {
		if *f.dst == "" {
			*f.dst = f.src
		}
	}
	if len(h.dates) == 0 {
		h.dates = o.dates
	}
	if len(h.justerare) == 0 {
		h.justerare = o.justerare
	}
}

// key records one "Key: value" line and reports whether an attendance
// table follows.
func (h *header) key(k, v string) bool {
	var none dateCtx
	switch k {
	case "datum":
		if d := none.firstDate(v); d != "" {
			h.dates = append(h.dates, d)
		}
	case "sammantradesdatum", "motesdatum", "sammantrade", "mote":
		h.meetingDate = none.firstDate(v)
	case "dnr", "dnr.", "diarienummer", "diarienr":
		h.dnr = collapseSpace(v)
	case "tid", "klockan", "kl":
		h.start, h.end = parseTimes(v)
		if d := none.firstDate(v); d != "" && h.meetingDate == "" {
			h.meetingDate = d
		}
	case "plats", "lokal", "motesplats":
		h.place = collapseSpace(v)
	case "justerare", "justerande":
		h.justerare = splitNameList(v)
	case "region", "kommun":
		h.region = collapseSpace(v)
	case "narvarande", "deltagare", "narvarande ledamoter":
		return true
	}
	return false
}

// documentAndMeetingDate reads the "Datum:" lines: with two, the first is
// the date the minutes were written and the second the meeting's; with
// one, it is the meeting's.
func (h header) documentAndMeetingDate() (doc, meeting string) {
	meeting = h.meetingDate
	switch {
	case len(h.dates) >= 2:
		doc = h.dates[0]
		if meeting == "" {
			meeting = h.dates[1]
		}
	case len(h.dates) == 1 && meeting == "":
		meeting = h.dates[0]
	case len(h.dates) == 1:
		doc = h.dates[0]
	}
	if meeting == "" {
		meeting = dateCtx{}.firstDate(h.title)
	}
	return doc, meeting
}

var (
	organLeadRe  = regexp.MustCompile(`(?i)^(?:fört\s+)?(?:från|för|vid|över)\s+`)
	organCutRe   = regexp.MustCompile(`\s+[-–—]\s+|,|\s+den\s+\d|\s+\d`)
	organMeetRe  = regexp.MustCompile(`(?i)s\s+(?:möte|sammanträde)\b.*$`)
	organPlaceRe = regexp.MustCompile(`^(.+?)\s+i\s+(\p{Lu}.*)$`)
)

// parseTitle splits "Minnesanteckningar Välfärdsrådet i Dalarna" into the
// kind, the organ and the region or municipality named after "i".
func parseTitle(title string) (kind, organ, region string) {
	rest := title
	if loc := kindRe.FindStringIndex(title); loc != nil {
		kind = KindMinutes
		if strings.Contains(strings.ToLower(title[loc[0]:loc[1]]), "protokoll") {
			kind = KindProtocol
		}
		rest = title[:loc[0]] + " " + title[loc[1]:]
	}
	rest = strings.Trim(collapseSpace(rest), " :.-–")
	rest = organLeadRe.ReplaceAllString(rest, "")
	if loc := organCutRe.FindStringIndex(rest); loc != nil {
		rest = rest[:loc[0]]
	}
	rest = organMeetRe.ReplaceAllString(rest, "")
	if m := organPlaceRe.FindStringSubmatch(rest); m != nil {
		return kind, m[1], m[2]
	}
	if !capitalised(rest) { // "Protokoll nr 8" names no organ
		rest = ""
	}
	return kind, rest, ""
}

// fold lowercases s and strips diacritics from å, ä, ö and their kin, for
// comparing keys and building slugs.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		if f, ok := foldMap[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var foldMap = map[rune]string{'å': "a", 'ä': "a", 'à': "a", 'á': "a", 'â': "a", 'ö': "o", 'ø': "o",
	'ó': "o", 'ô': "o", 'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ü': "u", 'ú': "u", 'í': "i",
	'ï': "i", 'ç': "c", 'ñ': "n", 'æ': "ae", 'ß': "ss"}

// Slug is the ASCII form of s: folded, every run of other characters a '-'.
// It makes the organ part of a meeting id.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range fold(s) {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
