package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// A DOCX file is a ZIP archive whose word/document.xml holds the text in
// paragraphs (w:p) of runs (w:r) of text (w:t), tabs (w:tab) and breaks
// (w:br), and tables (w:tbl) of rows (w:tr) of cells (w:tc). The standard
// library reads both ZIP and XML, and the text of a document is a small
// part of the format, so no library is needed for it. The text comes out
// as a text export would have it: an empty line between paragraphs, a
// table row on one line with a tab between its cells, a page break where
// the document forces one. Running headers and footers live in parts of
// their own and are left out; tracked deletions and field codes are not
// text and are left out too.

type docxReader struct{}

// maxDocumentXML bounds what is decompressed: a ZIP bomb must not take
// the process down.
const maxDocumentXML = 64 << 20

func (docxReader) Read(_ string, data []byte) ([]string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	f := findZipFile(zr, "word/document.xml")
	if f == nil {
		return nil, fmt.Errorf("%w: a ZIP archive without word/document.xml", ErrNotDocument)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	defer rc.Close()
	text, err := docxText(io.LimitReader(rc, maxDocumentXML))
	if err != nil {
		return nil, fmt.Errorf("%w: word/document.xml: %w", ErrCorrupt, err)
	}
	if strings.TrimSpace(strings.ReplaceAll(text, "\f", "")) == "" {
		return nil, ErrEmpty
	}
	return strings.Split(text, "\f"), nil
}

func findZipFile(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, name) {
			return f
		}
	}
	return nil
}

// docxWriter collects the text of document.xml as the decoder walks it.
type docxWriter struct {
	out     strings.Builder
	para    strings.Builder // the paragraph being read
	cells   []string        // the cells of the table row being read
	cell    []string        // the paragraphs of the cell being read
	depth   int             // table nesting
	skip    int             // inside deleted text or a field code
	inRun   int             // inside a run (w:r), where w:tab is a tab and not a tab stop
	inText  bool
	started bool // some paragraph was written
}

func docxText(r io.Reader) (string, error) {
	d := xml.NewDecoder(r)
	var w docxWriter
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			w.start(t)
		case xml.EndElement:
			w.end(t.Name.Local)
		case xml.CharData:
			if w.inText && w.skip == 0 {
				w.para.Write(t)
			}
		}
	}
	return w.out.String(), nil
}

func (w *docxWriter) start(t xml.StartElement) {
	switch t.Name.Local {
	case "del", "instrText", "delText":
		w.skip++
	case "r":
		w.inRun++
	case "t":
		w.inText = true
	case "tab":
		if w.skip == 0 && w.inRun > 0 {
			w.para.WriteByte('\t')
		}
	case "br", "cr":
		switch {
		case w.inRun == 0 || w.skip > 0:
		case attr(t, "type") == "page" && w.depth == 0:
			w.pageBreak()
		default:
			w.para.WriteByte('\n')
		}
	case "noBreakHyphen":
		w.para.WriteByte('-')
	case "pageBreakBefore":
		if attr(t, "val") != "0" && attr(t, "val") != "false" && w.depth == 0 {
			w.pageBreak()
		}
	case "tbl":
		w.depth++
	case "tr":
		if w.depth == 1 {
			w.cells = nil
		}
	case "tc":
		if w.depth == 1 {
			w.cell = nil
		}
	}
}

func (w *docxWriter) end(name string) {
	switch name {
	case "del", "instrText", "delText":
		w.skip--
	case "r":
		w.inRun--
	case "t":
		w.inText = false
	case "p":
		w.endParagraph()
	case "tc":
		if w.depth == 1 {
			w.cells = append(w.cells, strings.Join(w.cell, " "))
		}
	case "tr":
		if w.depth == 1 {
			w.line(strings.TrimRight(strings.Join(w.cells, "\t"), "\t"), false)
		}
	case "tbl":
		w.depth--
		if w.depth == 0 {
			w.out.WriteString("\n")
		}
	}
}

// endParagraph writes a paragraph, or keeps it for its table cell.
func (w *docxWriter) endParagraph() {
	text := strings.TrimSpace(w.para.String())
	w.para.Reset()
	if w.depth > 0 {
		if text != "" {
			w.cell = append(w.cell, collapseSpace(text))
		}
		return
	}
	w.line(text, true)
}

// line writes one line of text; a paragraph is followed by an empty line.
func (w *docxWriter) line(text string, paragraph bool) {
	if text == "" && !paragraph {
		return
	}
	w.out.WriteString(text)
	w.out.WriteString("\n")
	if paragraph {
		w.out.WriteString("\n")
	}
	w.started = true
}

func (w *docxWriter) pageBreak() {
	if p := strings.TrimSpace(w.para.String()); p != "" {
		w.para.Reset()
		w.line(p, true)
	}
	if w.started {
		w.out.WriteString("\f")
	}
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
