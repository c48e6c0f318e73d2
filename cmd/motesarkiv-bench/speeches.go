package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"motesarkiv/ingest"
)

// speechSource is what the generator draws from the real council
// speeches: their sentences in order (so that an item reads as a run of
// one speaker's argument), the agenda titles they were given under and
// the speakers, most frequent first.
type speechSource struct {
	sentences []string
	titles    []string
	speakers  []string // by number of speeches, descending
}

type speech struct {
	Speaker   string `json:"speaker"`
	ItemTitle string `json:"item_title"`
	Text      string `json:"text"`
}

// A sentence is dropped when it would read as structure to the parser
// (a decision, a speaker line, a case number) or when it holds a form of
// the probe phrase other than the exact one, which would blur the phrase
// count the generator records.
var (
	structuralRe = regexp.MustCompile(`(?i)(beslutade|beslöt|beslutar|föredrag|medverkande|\bdnr\b|§|bilag|justera)`)
	nearPhraseRe = regexp.MustCompile(`(?i)nära\s+vård|god\s+och\s+nära`)
	titlePrefix  = regexp.MustCompile(`^(?:Ärende|Interpellation|Motion|Fråga|Yrkande)\s*[-–:]\s*`)
	nonTitleRe   = regexp.MustCompile(`[^\p{L}\p{N} ,\-–()/åäöÅÄÖ]`)
)

// loadSpeeches reads anforanden.jsonl.gz, the first limit speeches of it
// when limit > 0 (tests).
func loadSpeeches(path string, limit int) (*speechSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open speeches: %w", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("read speeches %s: %w", path, err)
	}
	src := &speechSource{}
	counts := map[string]int{}
	titles := map[string]bool{}
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 0; sc.Scan() && (limit <= 0 || n < limit); n++ {
		var s speech
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return nil, fmt.Errorf("read speeches %s: %w", path, err)
		}
		counts[s.Speaker]++
		if t := cleanTitle(s.ItemTitle); t != "" && !titles[t] {
			titles[t] = true
			src.titles = append(src.titles, t)
		}
		for _, snt := range splitSentences(s.Text) {
			if ok, clean := usableSentence(snt); ok {
				src.sentences = append(src.sentences, clean)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read speeches %s: %w", path, err)
	}
	for name := range counts {
		if plausibleName(name) {
			src.speakers = append(src.speakers, name)
		}
	}
	sort.Slice(src.speakers, func(i, j int) bool {
		a, b := src.speakers[i], src.speakers[j]
		if counts[a] != counts[b] {
			return counts[a] > counts[b]
		}
		return a < b
	})
	if len(src.sentences) < 1000 || len(src.titles) < 10 || len(src.speakers) < 10 {
		return nil, fmt.Errorf("speeches %s: too little text (%d sentences, %d titles, %d speakers)",
			path, len(src.sentences), len(src.titles), len(src.speakers))
	}
	return src, nil
}

// splitSentences cuts text after ".", "!" or "?" followed by a space
// and a capital letter.
func splitSentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(text) && text[j] == ' ' {
			j++
		}
		if j == i+1 || j >= len(text) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[j:]); unicode.IsUpper(r) {
			out = append(out, text[start:i+1])
			start = j
		}
	}
	return append(out, text[start:])
}

func usableSentence(s string) (bool, string) {
	s = strings.Join(strings.Fields(s), " ")
	n := utf8.RuneCountInString(s)
	if n < 25 || n > 400 || structuralRe.MatchString(s) {
		return false, ""
	}
	if nearPhraseRe.MatchString(s) && !phraseRe.MatchString(s) {
		return false, ""
	}
	r, size := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) {
		return false, ""
	}
	s = string(unicode.ToUpper(r)) + s[size:]
	if !strings.ContainsAny(s[len(s)-1:], ".!?") {
		s += "."
	}
	return true, s
}

// cleanTitle makes an agenda title of a speech's item title: without the
// "Ärende - " prefix, without odd characters, not ending in a word that
// would make the parser wrap the heading onto the next line.
func cleanTitle(t string) string {
	t = titlePrefix.ReplaceAllString(strings.TrimSpace(t), "")
	t = strings.Join(strings.Fields(nonTitleRe.ReplaceAllString(t, " ")), " ")
	if t == "" {
		return ""
	}
	for {
		t = strings.Trim(t, " ,-–(/")
		f := strings.Fields(t)
		if len(f) == 0 {
			return ""
		}
		last := strings.ToLower(f[len(f)-1])
		if len(f) < 2 || !isFunctionWord(last) && len([]rune(last)) > 2 {
			break
		}
		t = strings.Join(f[:len(f)-1], " ")
	}
	if n := utf8.RuneCountInString(t); n < 8 || n > 160 || structuralRe.MatchString(t) || nearPhraseRe.MatchString(t) {
		return ""
	}
	r, size := utf8.DecodeRuneInString(t)
	if !unicode.IsLetter(r) {
		return ""
	}
	return string(unicode.ToUpper(r)) + t[size:]
}

// isFunctionWord: a word after which the parser reads a heading or a
// clause as going on (ingest's list), or one of a few more that make a
// generated title read as unfinished.
func isFunctionWord(w string) bool {
	return ingest.IsFunctionWord(w) || moreFunctionWords[w]
}

var moreFunctionWords = map[string]bool{"rörande": true, "beträffande": true, "ang": true, "rörande:": true}

// plausibleName keeps speakers written as two to four capitalised words.
func plausibleName(name string) bool {
	f := strings.Fields(name)
	if len(f) < 2 || len(f) > 4 {
		return false
	}
	for _, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
