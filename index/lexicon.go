package index

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

// The compound lexicon ships inside the binary: lexicon/sv.txt.gz, derived
// at development time by lexicon/gen.py from the Swedish Hunspell
// dictionary of LibreOffice (Göran Andersson's "Den stora svenska
// ordlistan", LGPL-3; see lexicon/README.md) and from word counts of real
// municipal Swedish. The dictionary marks which words may begin, stand
// inside or end a compound, and in which form: "avtals" with its linking
// s, "vecko" for vecka. That is what a splitter needs and a plain word
// list lacks.
//
//go:embed lexicon/sv.txt.gz
var lexiconGz []byte

// lexicon answers what a piece of a word may be in a compound. Its maps
// are wordMaps (wordmap.go), which the garbage collector need not scan.
type lexicon struct {
	first wordStrings // form that may begin a compound -> its lemma
	inner wordStrings // form that may stand inside one -> its lemma
	last  wordStrings // inflected form that may end one -> its lemma
	freq  wordInts    // lemma or learned word -> occurrences in the corpus
	// learned are words from the archive the dictionary lacks: parts, but
	// not lemmas, since their inflections are unknown.
	learned wordInts
	splits  memo[[]piece] // word -> split (decompound.go)
}

// lexiconBuilder holds the lexicon's maps while its file is read.
type lexiconBuilder struct {
	first, inner, last map[string]string
	freq               map[string]int
	learned            map[string]int
}

func (b *lexiconBuilder) freeze() *lexicon {
	return &lexicon{first: freezeStrings(b.first), inner: freezeStrings(b.inner), last: freezeStrings(b.last),
		freq: freezeInts(b.freq), learned: freezeInts(b.learned)}
}

var (
	lexOnce    sync.Once
	theLexicon *lexicon
)

// swedishLexicon loads the embedded lexicon on first use; the analyzer
// runs only after an index is opened, so a command that never searches
// never pays for it.
func swedishLexicon() *lexicon {
	lexOnce.Do(func() {
		l, err := parseLexicon(lexiconGz)
		if err != nil {
			panic("embedded lexicon: " + err.Error()) // the tests read it on every run
		}
		theLexicon = l
	})
	return theLexicon
}

func parseLexicon(gz []byte) (*lexicon, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	l := &lexiconBuilder{first: map[string]string{}, inner: map[string]string{}, last: map[string]string{}, freq: map[string]int{}, learned: map[string]int{}}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		l.addLine(sc.Text())
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return l.freeze(), nil
}

// addLine reads one line of the format lexicon/gen.py writes.
func (l *lexiconBuilder) addLine(line string) {
	f := strings.Fields(line)
	if len(f) < 2 || strings.HasPrefix(line, "#") {
		return
	}
	arg := func(i string) string {
		if len(f) > 2 {
			return f[2]
		}
		return i
	}
	switch f[0] {
	case "m":
		l.first[f[1]] = arg(f[1])
	case "u":
		l.inner[f[1]] = arg(f[1])
	case "h":
		// A form of two lemmas keeps the first, the shorter in the
		// file's order ("avtalet" is of avtal, not of the verb avtala).
		for _, form := range strings.Split(arg(""), ",") {
			if form = strings.Replace(form, "~", f[1], 1); l.last[form] == "" {
				l.last[form] = f[1]
			}
		}
	case "f", "l":
		n, _ := strconv.Atoi(arg("0"))
		l.freq[f[1]] += n
		if f[0] == "l" {
			l.learn(f[1], n)
		}
	}
}

// learnMin is how often a word the dictionary lacks must be seen on its
// own before it may be a part of a compound (Koehn and Knight 2003): a
// name such as "MiniMaria" then splits "MiniMariaverksamheten".
const learnMin = 5

// learn makes a word seen alone n times a possible part, first or last,
// with or without a linking s.
func (l *lexiconBuilder) learn(word string, n int) {
	if n < learnMin {
		return
	}
	if _, ok := l.first[word]; !ok {
		l.first[word] = word
		l.first[word+"s"] = word
	}
	if _, ok := l.last[word]; !ok {
		l.learned[word] = 1
	}
}

// ending is the lemma of a form that may end a compound.
func (l *lexicon) ending(form string) (string, bool) {
	if lemma, ok := l.last.get(form); ok {
		return lemma, true
	}
	return form, l.learned.has(form)
}
