package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// decode turns a text file's bytes into a string. Minutes come from many
// tools: UTF-8 with or without a BOM, UTF-16 with a BOM (Windows "Unicode"
// exports), and Windows-1252 from older Word installations. Anything else
// that is not valid UTF-8 is read as Windows-1252, which accepts every byte,
// so the control-character check afterwards is what catches garbage.
func decode(data []byte) (string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", ErrEmpty
	}
	enc, body := sniff(data)
	if enc == nil {
		if bytes.IndexByte(body, 0) >= 0 {
			return "", ErrBinary
		}
		if !utf8.Valid(body) {
			enc = charmap.Windows1252
		}
	}
	text := string(body)
	if enc != nil {
		b, err := enc.NewDecoder().Bytes(body)
		if err != nil {
			return "", fmt.Errorf("%w: %w", ErrEncoding, err)
		}
		text = string(b)
	}
	if strings.TrimSpace(text) == "" {
		return "", ErrEmpty
	}
	if !looksLikeText(text) {
		return "", ErrEncoding
	}
	return text, nil
}

// sniff recognises byte order marks, and UTF-16 without one by its zero
// bytes in every other position (plain ASCII text in UTF-16).
func sniff(data []byte) (encoding.Encoding, []byte) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return nil, data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), data[2:]
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), data[2:]
	}
	switch zeroParity(data) {
	case 1:
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), data
	case 0:
		return xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), data
	}
	return nil, data
}

// zeroParity reports 1 when most odd bytes and no even bytes are zero (UTF-16
// LE of mostly Latin text), 0 for the mirror image (BE), and -1 otherwise.
func zeroParity(data []byte) int {
	if len(data) < 8 || len(data)%2 != 0 {
		return -1
	}
	var zeros [2]int
	for i, b := range data {
		if b == 0 {
			zeros[i%2]++
		}
	}
	half := len(data) / 2
	switch {
	case zeros[0] == 0 && zeros[1] > half*3/4:
		return 1
	case zeros[1] == 0 && zeros[0] > half*3/4:
		return 0
	}
	return -1
}

// looksLikeText refuses decoded data with more than a few control
// characters: binary files that happen to be valid UTF-8 or that came
// through the Windows-1252 fallback.
func looksLikeText(s string) bool {
	bad, n := 0, 0
	for _, r := range s {
		n++
		if r == utf8.RuneError || (unicode.IsControl(r) && !strings.ContainsRune("\t\n\r\f\v", r)) {
			bad++
		}
	}
	return bad*100 <= n
}
