package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"motesarkiv/ingest"
)

// The corpus is a folder:
//
//	raw/<organ>/<year>/<meeting id>.txt  minutes in the seeds' layout, what `motesarkiv ingest` reads
//	items.jsonl                          the same items pre-parsed, one JSON object a line, what PostgreSQL loads
//	manifest.json                        sizes, the phrase's recorded hit count, the query terms
//
// It is a pure function of the seed, the item count and the speeches.

// corpusItem is one agenda item as the generator wrote it.
type corpusItem struct {
	ID        string   `json:"id"` // <meeting id>/<item>, as the index names it
	MeetingID string   `json:"meeting_id"`
	Organ     string   `json:"organ"`
	Date      string   `json:"date"`
	Item      string   `json:"item"`
	Kind      string   `json:"kind"`
	Title     string   `json:"title"`
	Speakers  []string `json:"speakers"`
	Decisions []string `json:"decisions"`
	Body      string   `json:"body"`
}

// manifest records what a run needs to know of a corpus.
type manifest struct {
	Items          int            `json:"items"`
	Meetings       int            `json:"meetings"`
	Seed           uint64         `json:"seed"`
	RawBytes       int64          `json:"raw_bytes"`
	Phrase         string         `json:"phrase"`
	PhraseItems    int            `json:"phrase_items"`    // items whose text holds the phrase, by scanning
	PhraseMentions int            `json:"phrase_mentions"` // occurrences
	Injected       map[string]int `json:"injected"`        // by variant
	Decoys         int            `json:"decoys"`
	Common         []string       `json:"common"` // words in 10-35 % of items
	Rare           []string       `json:"rare"`   // words in about 0.1 % of items
	Parts          []string       `json:"parts"`  // words that are also parts of compounds
	TopSpeakers    []string       `json:"top_speakers"`
	TopOrgans      []string       `json:"top_organs"`
	GenSeconds     float64        `json:"gen_s"`
}

const probePhrase = "God och Nära vård"

// phraseRe is how the phrase is counted in generated text: any case, any
// white space (line breaks included) between the words.
var phraseRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])god\s+och\s+nära\s+vård(?:$|[^\p{L}\p{N}])`)

func genCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	items := fs.Int("items", 10000, "number of agenda items")
	seed := fs.Uint64("seed", 42, "random seed")
	out := fs.String("out", "", "output folder (required)")
	speeches := fs.String("speeches", defaultSpeeches, "anforanden.jsonl.gz")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("gen: -out is required")
	}
	man, err := generate(ctx, genConfig{items: *items, seed: *seed, out: *out, speeches: *speeches})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d items in %d meetings, %.1f MB raw, phrase in %d items (%d mentions), %.1fs -> %s\n",
		man.Items, man.Meetings, float64(man.RawBytes)/1e6, man.PhraseItems, man.PhraseMentions, man.GenSeconds, *out)
	return nil
}

// defaultSpeeches is relative to the repository root, where the bench runs.
const defaultSpeeches = "../shared/corpus/goteborg-kf/anforanden.jsonl.gz"

type genConfig struct {
	items       int
	seed        uint64
	out         string
	speeches    string
	speechLimit int // read only this many speeches (tests); 0: all
}

// generate writes a corpus, or finds the one already in cfg.out when its
// manifest says it was made from the same item count and seed.
func generate(ctx context.Context, cfg genConfig) (*manifest, error) {
	if m, err := readManifest(cfg.out); err == nil && m.Items == cfg.items && m.Seed == cfg.seed {
		return m, nil
	}
	start := time.Now()
	src, err := loadSpeeches(cfg.speeches, cfg.speechLimit)
	if err != nil {
		return nil, err
	}
	if err := os.RemoveAll(filepath.Join(cfg.out, "raw")); err != nil {
		return nil, err
	}
	g := newGenerator(src, cfg.seed)
	w, err := newCorpusWriter(cfg.out)
	if err != nil {
		return nil, err
	}
	for left := cfg.items; left > 0; {
		if err := ctx.Err(); err != nil {
			w.close()
			return nil, err
		}
		n := min(left, 8+g.r.IntN(13))
		if left-n > 0 && left-n < 8 {
			n = left
		}
		mt := g.meeting(n)
		if err := w.write(mt); err != nil {
			w.close()
			return nil, err
		}
		left -= n
	}
	if err := w.close(); err != nil {
		return nil, err
	}
	man := w.manifest(cfg.seed, g)
	man.GenSeconds = time.Since(start).Seconds()
	return man, writeJSONFile(filepath.Join(cfg.out, "manifest.json"), man)
}

func readManifest(dir string) (*manifest, error) {
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return nil, err
	}
	var m manifest
	return &m, json.Unmarshal(data, &m)
}

func writeJSONFile(path string, v any) error {
	data, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// organ is a body that meets, in the region it belongs to; its weight
// says how often it meets relative to the others.
type organ struct {
	name, region string
}

var organs = []organ{
	{"Välfärdsrådet", "Dalarna"}, {"Kommunstyrelsen", "Falun"}, {"Socialnämnden", "Borlänge"},
	{"Hälso- och sjukvårdsnämnden", "Dalarna"}, {"Regionstyrelsen", "Dalarna"},
	{"Omsorgsnämnden", "Mora"}, {"Länschefsnätverket", "Dalarna"}, {"Pensionärsrådet", "Ludvika"},
	{"Funktionshinderrådet", "Avesta"}, {"Utbildningsnämnden", "Leksand"},
	{"Kultur- och fritidsnämnden", "Rättvik"}, {"Miljö- och byggnämnden", "Hedemora"},
	{"Barn- och utbildningsnämnden", "Säter"}, {"Tekniska nämnden", "Smedjebacken"},
	{"Samhällsbyggnadsnämnden", "Vansbro"}, {"Vård- och omsorgsnämnden", "Orsa"},
	{"Arbetsmarknadsnämnden", "Gagnef"}, {"Folkhälsorådet", "Älvdalen"},
	{"Krisledningsnämnden", "Malung-Sälen"}, {"Brottsförebyggande rådet", "Falun"},
}

var (
	roles = []string{"ordförande", "utvecklingsledare", "verksamhetschef", "förvaltningschef", "socialchef",
		"strateg", "projektledare", "enhetschef", "medicinskt ansvarig sjuksköterska", "kommunalråd",
		"samordnare", "controller", "processledare"}
	orgNames = []string{"Region Dalarna", "Falu kommun", "Borlänge kommun", "Mora kommun", "RSS Dalarna",
		"Länschefsnätverket", "Högskolan Dalarna", "Ludvika kommun", "Avesta kommun", "Länsstyrelsen Dalarna"}
	kinds        = []string{"Information", "Information", "Information", "Beslut", "Beslut", "Rapport", "Skriftlig information", ""}
	phraseFrames = []string{
		"Arbetet sker i linje med omställningen till %s.",
		"Föreslagna åtgärder ska bidra till %s i hela länet.",
		"Utgångspunkten är %s och en stärkt primärvård.",
		"Dialogen handlade om vad %s betyder för kommunernas hemsjukvård.",
		"Flera ledamöter lyfte vikten av %s för äldre med stora behov.",
	}
	decoys = []string{
		"Diskussionen gällde god och nära omsorg för de äldre.",
		"Målet är en god vård och nära samverkan mellan huvudmännen.",
		"Vård som är god och nära efterfrågas av invånarna.",
		"Nära och god vård nämndes som ett långsiktigt mål.",
	}
	parts = []string{"vård", "avtal", "omsorg", "plan", "skola", "stöd", "arbete", "miljö", "trafik", "bostad", "hälsa", "ekonomi"}
)

type generator struct {
	r        *rand.Rand
	src      *speechSource
	speaker  *rand.Zipf
	organ    *rand.Zipf
	used     map[string]bool // organ/date already taken
	injected map[string]int
	decoys   int
}

func newGenerator(src *speechSource, seed uint64) *generator {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	return &generator{
		r:        r,
		src:      src,
		speaker:  rand.NewZipf(r, 1.1, 3, uint64(len(src.speakers)-1)),
		organ:    rand.NewZipf(r, 1.2, 2, uint64(len(organs)-1)),
		used:     map[string]bool{},
		injected: map[string]int{},
	}
}

// meetingText is one generated meeting: its file text and its items.
type meetingText struct {
	id, organ, region, date string
	text                    string
	items                   []corpusItem
}

var epoch = time.Date(2006, 1, 2, 0, 0, 0, 0, time.UTC)

// meeting generates one meeting of n items.
func (g *generator) meeting(n int) meetingText {
	var o organ
	var date time.Time
	for {
		o = organs[g.organ.Uint64()]
		date = epoch.AddDate(0, 0, g.r.IntN(20*365))
		if wd := date.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		if key := o.name + date.Format(time.DateOnly); !g.used[key] {
			g.used[key] = true
			break
		}
	}
	mt := meetingText{organ: o.name, region: o.region, date: date.Format(time.DateOnly)}
	mt.id = ingest.Slug(o.name) + "-" + mt.date
	wrap := g.r.IntN(4) == 0 // a quarter of the minutes are hard-wrapped
	var b strings.Builder
	attendees := g.attendees()
	fmt.Fprintf(&b, "Minnesanteckningar %s i %s\n\nDatum: %s\n\nTid: 09.00-12.00\n\nPlats: %s\n\nNärvarande:\n\n",
		o.name, o.region, mt.date, []string{"Digitalt via Teams", "Stadshuset", "Regionhuset, Falun", "Kommunhuset"}[g.r.IntN(4)])
	for i := 0; i < len(attendees); i += 3 {
		row := attendees[i:min(i+3, len(attendees))]
		fmt.Fprintf(&b, "%s\t%s\n", orgNames[(i/3)%len(orgNames)], strings.Join(row, "\t"))
	}
	b.WriteString("\n")
	for i := 1; i <= n; i++ {
		it := g.item(i, n, o, date, attendees)
		it.MeetingID, it.Organ, it.Date, it.Item = mt.id, o.name, mt.date, strconv.Itoa(i)
		it.ID = mt.id + "/" + it.Item
		writeItem(&b, it, o.name, wrap)
		mt.items = append(mt.items, it.corpusItem)
	}
	mt.text = b.String()
	return mt
}

// attendees are the people at the meeting; speakers are drawn from them.
func (g *generator) attendees() []string {
	seen := map[string]bool{}
	var out []string
	for len(out) < 6+g.r.IntN(10) {
		name := g.src.speakers[g.speaker.Uint64()]
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

// genItem is an item with the speaker line as the minutes write it.
type genItem struct {
	corpusItem
	speakerLine string
}

var formalia = []struct{ title, decision string }{
	{"Mötets öppnande", "att öppna mötet"},
	{"Godkännande av dagordning", "att godkänna dagordningen"},
	{"Val av justerare", "att utse %s till justerare"},
	{"Föregående minnesanteckningar", "att lägga minnesanteckningarna till handlingarna"},
}

func (g *generator) item(i, n int, o organ, date time.Time, attendees []string) genItem {
	it := genItem{corpusItem: corpusItem{Speakers: []string{}, Decisions: []string{}}}
	if i <= len(formalia) {
		f := formalia[i-1]
		it.Title = f.title
		if i == 4 {
			it.Title += " " + date.AddDate(0, -1, -g.r.IntN(20)).Format("060102")
		}
		d := f.decision
		if strings.Contains(d, "%s") {
			d = fmt.Sprintf(d, attendees[g.r.IntN(len(attendees))])
		}
		it.Decisions = []string{d}
		return it
	}
	if i == n && n > 8 {
		it.Title = "Övriga frågor"
		it.Body = g.paragraphs(1 + g.r.IntN(2))
		return it
	}
	it.Kind = kinds[g.r.IntN(len(kinds))]
	it.Title = g.src.titles[g.r.IntN(len(g.src.titles))]
	for k := 1 + g.r.IntN(3); k > 0 && g.r.IntN(10) < 9; k-- {
		s := attendees[g.r.IntN(len(attendees))]
		if !containsString(it.Speakers, s) {
			it.Speakers = append(it.Speakers, s)
		}
	}
	var groups []string
	for _, s := range it.Speakers {
		groups = append(groups, fmt.Sprintf("%s, %s, %s", s, roles[g.r.IntN(len(roles))], orgNames[g.r.IntN(len(orgNames))]))
	}
	it.speakerLine = strings.Join(groups, " och ")
	it.Body = g.body()
	it.Decisions = g.decisions(it.Kind, it.Title)
	g.inject(&it.corpusItem)
	return it
}

// body is a run of sentences from the speeches, in paragraphs; its
// length is drawn from a long-tailed distribution, as real items' are.
func (g *generator) body() string {
	n := int(math.Exp(1.6 + 0.9*g.r.NormFloat64()))
	return g.paragraphs(max(1, min(n, 120)))
}

func (g *generator) paragraphs(sentences int) string {
	at := g.r.IntN(len(g.src.sentences))
	var paras []string
	for sentences > 0 {
		k := min(sentences, 1+g.r.IntN(4))
		var p []string
		for range k {
			p = append(p, g.src.sentences[at%len(g.src.sentences)])
			at++
		}
		paras = append(paras, strings.Join(p, " "))
		sentences -= k
	}
	return strings.Join(paras, "\n\n")
}

func (g *generator) decisions(kind, title string) []string {
	topic := lowerFirst(title)
	switch {
	case kind == "Beslut":
		ds := []string{"att anta förslaget om " + topic}
		if g.r.IntN(2) == 0 {
			ds = append(ds, "att ge förvaltningen i uppdrag att återkomma med en plan för uppföljning")
		}
		return ds
	case kind == "Information" && g.r.IntN(2) == 0:
		return []string{"att lägga informationen till handlingarna"}
	case g.r.IntN(4) == 0:
		return []string{"att notera rapporten om " + topic}
	}
	return []string{}
}

// inject puts the phrase into about 2 % of substantive items, in varied
// case and across line breaks, and a near miss into another 2 %.
func (g *generator) inject(it *corpusItem) {
	switch x := g.r.IntN(100); {
	case x < 2:
		variant, text := g.phraseVariant()
		g.injected[variant]++
		switch y := g.r.IntN(10); {
		case y == 0 && variant != "linebreak":
			it.Title = "Omställningen till " + lowerFirst(text) + " – " + lowerFirst(it.Title)
		case y == 1 && variant != "linebreak":
			it.Decisions = append(it.Decisions, "att arbeta vidare i linje med "+text)
		default:
			frame := phraseFrames[g.r.IntN(len(phraseFrames))]
			it.Body = insertSentence(it.Body, fmt.Sprintf(frame, text), g.r.IntN(3))
		}
	case x < 4:
		g.decoys++
		it.Body = insertSentence(it.Body, decoys[g.r.IntN(len(decoys))], g.r.IntN(3))
	}
}

func (g *generator) phraseVariant() (string, string) {
	switch x := g.r.IntN(100); {
	case x < 40:
		return "canonical", probePhrase
	case x < 65:
		return "lowercase", strings.ToLower(probePhrase)
	case x < 75:
		return "uppercase", strings.ToUpper(probePhrase)
	default:
		return "linebreak", "God och Nära\nvård"
	}
}

// insertSentence adds s to the end of paragraph k of body (or the last).
func insertSentence(body, s string, k int) string {
	paras := strings.Split(body, "\n\n")
	k = min(k, len(paras)-1)
	paras[k] += " " + s
	return strings.Join(paras, "\n\n")
}

// writeItem writes an item in the seeds' layout.
func writeItem(b *strings.Builder, it genItem, organName string, wrap bool) {
	b.WriteString(it.Item + ". ")
	if it.Kind != "" {
		b.WriteString(it.Kind + ": ")
	}
	b.WriteString(it.Title + "\n\n")
	if it.speakerLine != "" {
		b.WriteString("Föredragande: " + it.speakerLine + "\n\n")
	}
	if it.Body != "" {
		for _, p := range strings.Split(it.Body, "\n\n") {
			if wrap {
				p = hardWrap(p, 90)
			}
			b.WriteString(p + "\n\n")
		}
	}
	if len(it.Decisions) > 0 {
		b.WriteString(organName + " beslutade\n\n")
		for _, d := range it.Decisions {
			b.WriteString(d + "\n\n")
		}
	}
}

// hardWrap breaks a paragraph into lines of at most width characters, as
// a PDF's text does. A line never starts with a digit, so that no wrapped
// line reads as an agenda heading.
func hardWrap(p string, width int) string {
	var lines []string
	var cur []string
	n := 0
	for _, w := range strings.Fields(p) {
		wl := utf8.RuneCountInString(w)
		if n > 0 && n+1+wl > width && !startsDigit(w) {
			lines = append(lines, strings.Join(cur, " "))
			cur, n = nil, 0
		}
		if n > 0 {
			n++
		}
		cur = append(cur, w)
		n += wl
	}
	lines = append(lines, strings.Join(cur, " "))
	return strings.Join(lines, "\n")
}

func startsDigit(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == 'G' && strings.HasPrefix(s, "God och") || strings.HasPrefix(s, "GOD") {
		return s // the phrase keeps its case
	}
	return strings.ToLower(string(r)) + s[size:]
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// corpusWriter writes meetings and keeps the counts the manifest needs.
type corpusWriter struct {
	dir      string
	jsonl    *os.File
	buf      *bufio.Writer
	enc      *json.Encoder
	items    int
	meetings int
	rawBytes int64
	phrase   int
	mentions int
	df       map[string]int // document frequency of words
	speakers map[string]int
	organs   map[string]int
}

func newCorpusWriter(dir string) (*corpusWriter, error) {
	if err := os.MkdirAll(filepath.Join(dir, "raw"), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(filepath.Join(dir, "items.jsonl"))
	if err != nil {
		return nil, err
	}
	buf := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	return &corpusWriter{dir: dir, jsonl: f, buf: buf, enc: enc,
		df: map[string]int{}, speakers: map[string]int{}, organs: map[string]int{}}, nil
}

func (w *corpusWriter) write(mt meetingText) error {
	sub := filepath.Join(w.dir, "raw", ingest.Slug(mt.organ), mt.date[:4])
	if err := os.MkdirAll(sub, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(sub, mt.id+".txt"), []byte(mt.text), 0o644); err != nil {
		return err
	}
	w.rawBytes += int64(len(mt.text))
	w.meetings++
	w.organs[mt.organ] += len(mt.items)
	for _, it := range mt.items {
		if err := w.enc.Encode(it); err != nil {
			return err
		}
		w.items++
		w.count(it)
	}
	return nil
}

// count scans an item's text for the phrase and its words.
func (w *corpusWriter) count(it corpusItem) {
	text := it.Title + "\n\n\n" + it.Body + "\n\n\n" + strings.Join(it.Decisions, "\n\n\n")
	if n := countPhrase(text); n > 0 {
		w.phrase++
		w.mentions += n
	}
	for _, s := range it.Speakers {
		w.speakers[s]++
	}
	seen := map[string]bool{}
	for _, word := range strings.FieldsFunc(strings.ToLower(text), notLetter) {
		if !seen[word] {
			seen[word] = true
			w.df[word]++
		}
	}
}

// countPhrase counts the phrase's occurrences, each field of an item
// apart (a phrase does not run from the title into the body).
func countPhrase(text string) int {
	n := 0
	for _, field := range strings.Split(text, "\n\n\n") {
		for {
			loc := phraseRe.FindStringIndex(field)
			if loc == nil {
				break
			}
			n++
			field = field[loc[1]-1:]
		}
	}
	return n
}

func notLetter(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r == 'å' || r == 'ä' || r == 'ö' || r == 'é')
}

func (w *corpusWriter) close() error {
	err := w.buf.Flush()
	if cerr := w.jsonl.Close(); err == nil {
		err = cerr
	}
	return err
}

func (w *corpusWriter) manifest(seed uint64, g *generator) *manifest {
	m := &manifest{Items: w.items, Meetings: w.meetings, Seed: seed, RawBytes: w.rawBytes,
		Phrase: probePhrase, PhraseItems: w.phrase, PhraseMentions: w.mentions,
		Injected: g.injected, Decoys: g.decoys, Parts: parts}
	type wc struct {
		w string
		n int
	}
	var words []wc
	for word, n := range w.df {
		if utf8.RuneCountInString(word) >= 5 && !isFunctionWord(word) {
			words = append(words, wc{word, n})
		}
	}
	sort.Slice(words, func(i, j int) bool {
		if words[i].n != words[j].n {
			return words[i].n > words[j].n
		}
		return words[i].w < words[j].w
	})
	rareDF := max(3, w.items/1000)
	for _, x := range words {
		switch {
		case x.n >= w.items/10 && x.n <= w.items*35/100 && len(m.Common) < 12:
			m.Common = append(m.Common, x.w)
		case x.n == rareDF && len(m.Rare) < 12:
			m.Rare = append(m.Rare, x.w)
		}
	}
	m.TopSpeakers = topKeys(w.speakers, 5)
	m.TopOrgans = topKeys(w.organs, 5)
	return m
}

func topKeys(counts map[string]int, n int) []string {
	var keys []string
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys[:min(n, len(keys))]
}
