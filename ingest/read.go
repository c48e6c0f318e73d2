package ingest

import (
	"bytes"
	"errors"
)

// Minutes arrive as plain text, PDF, Word (DOCX) or HTML. A Reader turns
// one such file into its text, page by page; the parser then works on the
// text alone, the same for every format. The format is told by the file's
// first bytes, never by its name: archives are full of files called .txt
// that are PDFs, and of names with no extension at all.

// Reader turns the bytes of one file into its text, one string per page.
// name is the file's name, for messages only. Errors are the package's
// sentinels (ErrNoTextLayer, ErrEncrypted, …), wrapped with detail.
type Reader interface {
	Read(name string, data []byte) (pages []string, err error)
}

// format is a Reader with the name Source.Format records and the test
// that recognises its files.
type format struct {
	name   string
	sniff  func(data []byte) bool
	reader Reader
}

// formats in the order they are tried; plain text, the last, takes
// anything, and its decoder refuses what is not text.
var formats = []format{
	{"pdf", isPDF, pdfReader{}},
	{"docx", isZIP, docxReader{}},
	{"html", isHTML, htmlReader{}},
	{"text", func([]byte) bool { return true }, textReader{}},
}

func formatOf(data []byte) format {
	for _, f := range formats {
		if f.sniff(data) {
			return f
		}
	}
	return formats[len(formats)-1]
}

// isPDF finds "%PDF-" in the first kilobyte, where readers look for it:
// some producers put a few bytes of junk before the header.
func isPDF(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))
}

// isZIP recognises the local file header that begins every ZIP archive;
// a DOCX is one, and so is anything else zipped, which the DOCX reader
// then refuses by its contents.
func isZIP(data []byte) bool { return bytes.HasPrefix(data, []byte("PK\x03\x04")) }

// isHTML looks at the first tag of the text, after a BOM and white space.
func isHTML(data []byte) bool {
	head := bytes.TrimLeft(bytes.TrimPrefix(data[:min(len(data), 512)], []byte("\xef\xbb\xbf")), " \t\r\n")
	head = bytes.ToLower(head)
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<!--"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return p != "<!--" || bytes.Contains(bytes.ToLower(data[:min(len(data), 4096)]), []byte("<html"))
		}
	}
	return false
}

// textReader reads plain text in the encodings of decode.go; form feeds
// are page breaks.
type textReader struct{}

func (textReader) Read(_ string, data []byte) ([]string, error) {
	text, err := decode(data)
	if err != nil {
		return nil, err
	}
	return []string{text}, nil
}

// Reasons a file of a known format is refused.
var (
	ErrNoTextLayer = errors.New("no text layer; OCR is not supported")
	ErrEncrypted   = errors.New("password-protected; give an unprotected copy")
	ErrCorrupt     = errors.New("damaged or truncated file")
	ErrNotDocument = errors.New("not a Word document")
)
