// Command mkfiles writes the office documents and the bad files of
// testdata/ from the plain-text seeds, so that the PDF, DOCX and HTML
// versions of a meeting say what its text says. testdata/make-files.sh
// runs it and then LibreOffice, which turns the Flat ODF documents it
// writes into DOCX and PDF as an office would export them.
//
//	go run ./ingest/internal/mkfiles -seeds testdata -out DIR
//
// It writes to DIR:
//
//	<seed>.fodt       the seed as a word-processor document: a paragraph per
//	                  line of text, the attendance as a table, a running
//	                  header and a footer "Sida N av M"
//	<seed>.html       the same as a web page
//	bad/…             files that must be refused, each for its own reason
//	files/…           a good file with an awkward name
//
// With -scan PNG it writes the picture as an image-only PDF to -out.
package main

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"html"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

func main() {
	seeds := flag.String("seeds", "testdata", "folder of the seed minutes")
	out := flag.String("out", "", "folder to write into")
	scan := flag.String("scan", "", "write a PNG picture as an image-only PDF to -out, instead")
	flag.Parse()
	if *scan != "" {
		if err := scanPDF(*scan, *out); err != nil {
			log.Fatal(err)
		}
		return
	}
	if *out == "" {
		log.Fatal("mkfiles: -out is required")
	}
	for _, d := range []string{*out, filepath.Join(*out, "bad"), filepath.Join(*out, "files")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			log.Fatal(err)
		}
	}
	for _, s := range seedDocs {
		text, err := os.ReadFile(filepath.Join(*seeds, s.name+".txt"))
		if err != nil {
			log.Fatal(err)
		}
		d := splitSeed(string(text))
		write(filepath.Join(*out, s.name+".fodt"), fodt(d, s))
		write(filepath.Join(*out, s.name+".html"), page(d, s))
	}
	for name, data := range badFiles() {
		write(filepath.Join(*out, "bad", name), data)
	}
	write(filepath.Join(*out, "files", oddName), []byte(oddMinutes))
}

func write(path string, data []byte) {
	if err := os.WriteFile(path, data, 0o644); err != nil {
		log.Fatal(err)
	}
}

// seedDoc says how one seed is laid out as a document.
type seedDoc struct {
	name   string
	header string // running header
	// nameCells puts each person of a table row in a cell of their own
	// (the seed separates them by tabs); otherwise a row has two cells,
	// the organisation and everyone else.
	nameCells bool
}

var seedDocs = []seedDoc{
	{name: "valfardsradet-dalarna-2026-04-09", header: "Välfärdsrådet i Dalarna\tMinnesanteckningar 2026-04-09", nameCells: true},
	{name: "valfardsradet-dalarna-2023-10-26", header: "Välfärdsrådet\tMinnesanteckningar 2023-10-26"},
}

// doc is a seed split into the paragraphs before the attendance table,
// the table's rows and the paragraphs after it. A paragraph is a run of
// non-empty lines: the seed's line breaks inside it are kept as line
// breaks, and its empty lines become the space between paragraphs.
type doc struct {
	before, after [][]string
	rows          [][]string
}

var (
	attendanceRe = regexp.MustCompile(`^(?i)närvarande\s*:`)
	itemRe       = regexp.MustCompile(`^\s*\d+\.\s`)
)

func splitSeed(text string) doc {
	var d doc
	state := 0 // 0 before the table, 1 in it, 2 after it
	var para []string
	end := func() {
		if len(para) > 0 {
			if state == 0 {
				d.before = append(d.before, para)
			} else {
				d.after = append(d.after, para)
			}
			para = nil
		}
	}
	for _, l := range strings.Split(strings.ReplaceAll(strings.TrimPrefix(text, "\ufeff"), "\r\n", "\n"), "\n") {
		l = strings.TrimRight(l, " \t")
		switch {
		case strings.TrimSpace(l) == "":
			end()
		case state == 1 && !itemRe.MatchString(l):
			d.rows = append(d.rows, strings.Split(strings.TrimSpace(l), "\t"))
		case state == 0 && attendanceRe.MatchString(strings.TrimSpace(l)):
			para = append(para, strings.TrimSpace(l))
			end()
			state = 1
		default:
			if state == 1 {
				state = 2
			}
			para = append(para, strings.TrimSpace(l))
		}
	}
	end()
	return d
}

// cells lays out one attendance row for s.
func (s seedDoc) cells(row []string) []string {
	if s.nameCells {
		return row
	}
	org, names := splitOrg(strings.Join(row, " "))
	return []string{org, names}
}

// splitOrg cuts a flat row "Region Dalarna Sofia Jarl (ordf) …" after its
// organisation: the words before the first of two capitalised words that
// the seed's tabless rows show to be a name. The seeds' organisations are
// one word, or "Region Dalarna".
func splitOrg(row string) (string, string) {
	f := strings.Fields(row)
	n := 1
	if len(f) > 1 && f[0] == "Region" {
		n = 2
	}
	return strings.Join(f[:n], " "), strings.Join(f[n:], " ")
}

func columns(d doc, s seedDoc) int {
	n := 2
	for _, r := range d.rows {
		n = max(n, len(s.cells(r)))
	}
	return n
}

func esc(s string) string { return html.EscapeString(s) }

func htmlLines(p []string) string {
	var out []string
	for _, l := range p {
		out = append(out, esc(l))
	}
	return strings.Join(out, "<br>\n")
}

// fodt writes a Flat ODF text document.
func fodt(d doc, s seedDoc) []byte {
	var b bytes.Buffer
	cols := columns(d, s)
	b.WriteString(fodtHead)
	fmt.Fprintf(&b, fodtStyles, headerXML(s.header))
	b.WriteString("<office:body><office:text>\n")
	for _, p := range d.before {
		fmt.Fprintf(&b, "<text:p text:style-name=\"P\">%s</text:p>\n", lines(p, "<text:line-break/>"))
	}
	fmt.Fprintf(&b, "<table:table table:name=\"Närvarande\" table:style-name=\"T\">\n")
	for i := range cols {
		fmt.Fprintf(&b, "<table:table-column table:style-name=\"C%d\"/>\n", i)
	}
	for _, r := range d.rows {
		b.WriteString("<table:table-row>")
		c := s.cells(r)
		for i := range cols {
			v := ""
			if i < len(c) {
				v = c[i]
			}
			fmt.Fprintf(&b, "<table:table-cell table:style-name=\"TC\" office:value-type=\"string\"><text:p text:style-name=\"Cell\">%s</text:p></table:table-cell>", esc(v))
		}
		b.WriteString("</table:table-row>\n")
	}
	b.WriteString("</table:table>\n")
	for _, p := range d.after {
		fmt.Fprintf(&b, "<text:p text:style-name=\"P\">%s</text:p>\n", lines(p, "<text:line-break/>"))
	}
	b.WriteString("</office:text></office:body></office:document>\n")
	out := b.String()
	// Column widths: the organisation, then the names.
	var styles strings.Builder
	for i := range cols {
		w := "4.6cm"
		switch {
		case i == 0:
			w = "3.2cm"
		case !s.nameCells:
			w = "13.8cm"
		}
		fmt.Fprintf(&styles, `<style:style style:name="C%d" style:family="table-column"><style:table-column-properties style:column-width="%s"/></style:style>`, i, w)
	}
	return []byte(strings.Replace(out, "<!--COLUMNS-->", styles.String(), 1))
}

// inline escapes a line and keeps its tabs as tabs.
func inline(p string) string {
	return strings.ReplaceAll(esc(p), "\t", "<text:tab/>")
}

// lines writes a paragraph's lines with br between them.
func lines(p []string, br string) string {
	var out []string
	for _, l := range p {
		out = append(out, inline(l))
	}
	return strings.Join(out, br)
}

func headerXML(h string) string {
	return inline(h)
}

const fodtHead = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
`

const fodtStyles = `<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="10.5pt" fo:language="sv" fo:country="SE" fo:hyphenate="false"/>
 </style:default-style>
 <style:style style:name="P" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm"/>
 </style:style>
 <style:style style:name="Cell" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm">
   <style:tab-stops><style:tab-stop style:position="17cm" style:type="right"/></style:tab-stops>
  </style:paragraph-properties>
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="T" style:family="table">
  <style:table-properties style:width="17cm" table:align="left" fo:margin-bottom="0.3cm"/>
 </style:style>
 <!--COLUMNS-->
 <style:style style:name="TC" style:family="table-cell">
  <style:table-cell-properties fo:padding-left="0.05cm" fo:padding-right="0.3cm" fo:border="none"/>
 </style:style>
 <style:page-layout style:name="PL">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.5cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.5cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="PL">
  <style:header><text:p text:style-name="Header">%s</text:p></style:header>
  <style:footer><text:p text:style-name="Header">Sida <text:page-number text:select-page="current">1</text:page-number> av <text:page-count>1</text:page-count></text:p></style:footer>
 </style:master-page>
</office:master-styles>
`

// page writes the seed as a web page.
func page(d doc, s seedDoc) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<style>td { padding-right: 1em }</style>\n</head>\n<body>\n", esc(strings.ReplaceAll(s.header, "\t", " – ")))
	fmt.Fprintf(&b, "<header><nav><a href=\"/\">Start</a></nav></header>\n<main>\n")
	for _, p := range d.before {
		fmt.Fprintf(&b, "<p>%s</p>\n", htmlLines(p))
	}
	b.WriteString("<table>\n")
	for _, r := range d.rows {
		b.WriteString("<tr>")
		for _, c := range s.cells(r) {
			fmt.Fprintf(&b, "<td>%s</td>", esc(c))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n")
	for _, p := range d.after {
		fmt.Fprintf(&b, "<p>%s</p>\n", htmlLines(p))
	}
	b.WriteString("</main>\n<script>document.title += ''</script>\n</body>\n</html>\n")
	return b.Bytes()
}

// badFiles are files an archive holds that must be refused, each with a
// clear reason. The truncated and the password-protected PDF and the
// scan are made by make-files.sh, which has LibreOffice.
func badFiles() map[string][]byte {
	r := rand.New(rand.NewPCG(1, 2))
	binary := make([]byte, 4096)
	for i := range binary {
		binary[i] = byte(r.UintN(256))
	}
	return map[string][]byte{
		"tom.txt":               {},
		"binar.dat":             binary,
		"inte-word.docx":        zipOf("data.csv", "namn;parti\nAslan Akbas;S\n"),
		"okand-layout.txt":      []byte(letter),
		"utan-datum.txt":        []byte(undated),
		"fel-teckenkodning.txt": ebcdic(undated),
	}
}

func zipOf(name, content string) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, err := w.Create(name)
	if err == nil {
		_, err = f.Write([]byte(content))
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		log.Fatal(err)
	}
	return b.Bytes()
}

// ebcdic encodes ASCII text in EBCDIC (code page 037), an encoding no
// minutes file should be in: letters land on bytes that are control
// characters or unassigned in Windows-1252.
func ebcdic(s string) []byte {
	const lower = "\x81\x82\x83\x84\x85\x86\x87\x88\x89\x91\x92\x93\x94\x95\x96\x97\x98\x99\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9"
	const upper = "\xc1\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xd1\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xd9\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9"
	var out []byte
	for _, c := range []byte(s) {
		switch {
		case c >= 'a' && c <= 'z':
			out = append(out, lower[c-'a'])
		case c >= 'A' && c <= 'Z':
			out = append(out, upper[c-'A'])
		case c >= '0' && c <= '9':
			out = append(out, 0xf0+c-'0')
		case c == '\n':
			out = append(out, 0x25)
		default:
			out = append(out, 0x40)
		}
	}
	return out
}

const letter = `Hej!

Tack för senast. Jag skickar här de bilder vi pratade om, och hör av mig
när jag vet mer om lokalen till hösten.

Med vänliga hälsningar
Karin
`

const undated = `Minnesanteckningar Styrgruppen for e-halsa

1. Inledning

Ordforanden halsade valkommen.

2. Rapport: Laget i projekten

Projekten loper enligt plan.
`

// oddName is a good file with the characters file names pick up on
// their way through mail and shared drives.
const oddName = "Minnesanteckningar – KPR Mora 2025-06-04 (kopia) #2 [slutlig] ö.txt"

const oddMinutes = `Minnesanteckningar Kommunala pensionärsrådet i Mora

Datum: 4 juni 2025
Plats: Kommunhuset, sal Siljan

1. Mötets öppnande
Pensionärsrådet beslutade att öppna mötet.

2. Information: Trygghetsboende
Föredragande: Eva Holm, förvaltningschef, Socialförvaltningen

Arbetet med nya trygghetsboenden i Noret pågår.

Pensionärsrådet beslutade:
att lägga informationen till handlingarna.
`
