package ingest

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestDecode(t *testing.T) {
	const want = "Välfärdsrådet ”MiniMaria” – 1. Mötets öppnande"
	tests := []struct {
		name string
		in   []byte
	}{
		{"utf-8", []byte(want)},
		{"utf-8 with bom", append([]byte{0xEF, 0xBB, 0xBF}, want...)},
		{"utf-16 le with bom", utf16Bytes(want, false, true)},
		{"utf-16 be with bom", utf16Bytes(want, true, true)},
		{"utf-16 le without bom", utf16Bytes(want, false, false)},
		// Windows-1252: ä=E4, å=E5, ö=F6, Ö=D6, ”=94, –=96.
		{"windows-1252", []byte("V\xe4lf\xe4rdsr\xe5det \x94MiniMaria\x94 \x96 1. M\xf6tets \xf6ppnande")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode(tt.in)
			if err != nil || got != want {
				t.Errorf("decode = %q, %v; want %q", got, err, want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name   string
		in     []byte
		want   error
		reason string
	}{
		{"empty", nil, ErrEmpty, "empty file"},
		{"white space only", []byte(" \r\n\t\n"), ErrEmpty, "empty file"},
		{"bom only", []byte{0xEF, 0xBB, 0xBF, '\n'}, ErrEmpty, "empty file"},
		{"binary", []byte("\x7fELF\x02\x01\x01\x00\x00\x00binary"), ErrBinary, "binary data, not text"},
		{"truncated pdf", []byte("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R"), ErrCorrupt, ErrCorrupt.Error()},
		{"no date", []byte("Minnesanteckningar Välfärdsrådet\n\n1. Mötets öppnande\n"), ErrNoDate, ErrNoDate.Error()},
		{"control characters", []byte(strings.Repeat("\x01\x02\x03abc", 20)), ErrEncoding, "not text in a known encoding"},
		{"no items", []byte("Minnesanteckningar Välfärdsrådet\n\nDatum: 2026-04-09\n\nInget att anteckna.\n"), ErrUnknownLayout, ErrUnknownLayout.Error()},
		{"prose", []byte("Det här är ett brev.\nMed vänliga hälsningar\n"), ErrUnknownLayout, ErrUnknownLayout.Error()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Parse("dir/x.txt", tt.in, Options{})
			var fe *FileError
			if m != nil || !errors.As(err, &fe) {
				t.Fatalf("Parse = %v, %v; want a *FileError", m, err)
			}
			if !errors.Is(err, tt.want) || fe.Reason != tt.reason || fe.Path != "dir/x.txt" {
				t.Errorf("err = %#v; want reason %q wrapping %v", fe, tt.reason, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "dir/x.txt: "+tt.reason) {
				t.Errorf("message %q", err)
			}
		})
	}
}

func TestFileErrorMessage(t *testing.T) {
	tests := []struct {
		err  *FileError
		want string
	}{
		{&FileError{Path: "a.txt", Reason: "empty file", Err: ErrEmpty}, "a.txt: empty file"},
		{&FileError{Path: "a.txt", Reason: "cannot read", Err: errors.New("permission denied")}, "a.txt: cannot read: permission denied"},
		{&FileError{Path: "a.txt", Err: errors.New("boom")}, "a.txt: boom"},
		{&FileError{Reason: "bad"}, "bad"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}
