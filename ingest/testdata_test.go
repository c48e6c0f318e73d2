package ingest

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// badFiles are the files of testdata/bad/ and the reason each must be
// refused with (make-files.sh writes them).
var badFiles = map[string]error{
	"avbruten.pdf":          ErrCorrupt,
	"binar.dat":             ErrBinary,
	"fel-teckenkodning.txt": ErrEncoding,
	"inte-word.docx":        ErrNotDocument,
	"losenord.pdf":          ErrEncrypted,
	"okand-layout.txt":      ErrUnknownLayout,
	"skannad.pdf":           ErrNoTextLayer,
	"tom.txt":               ErrEmpty,
	"utan-datum.txt":        ErrNoDate,
}

// TestTestdataFolder reads testdata/ as `motesarkiv ingest testdata/`
// does: every file outside bad/ is a meeting, and every file in bad/ is a
// *FileError that names it and gives its reason.
func TestTestdataFolder(t *testing.T) {
	files, errs := Collect([]string{filepath.Join("..", "testdata")})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	seen := map[string]bool{}
	for _, f := range files {
		_, err := ReadFile(f, Options{})
		name := filepath.Base(f)
		if filepath.Base(filepath.Dir(f)) != "bad" {
			if err != nil {
				t.Errorf("%s: %v", f, err)
			}
			continue
		}
		seen[name] = true
		want, ok := badFiles[name]
		var fe *FileError
		switch {
		case !ok:
			t.Errorf("%s: a bad file the test does not know", f)
		case !errors.As(err, &fe) || fe.Path != f || !errors.Is(err, want):
			t.Errorf("%s: %v, want a *FileError for the path wrapping %q", f, err, want)
		case !strings.HasPrefix(err.Error(), f+": "+want.Error()):
			t.Errorf("message %q does not begin with the file and %q", err, want)
		}
	}
	for name := range badFiles {
		if !seen[name] {
			t.Errorf("testdata/bad/%s is missing (run testdata/make-files.sh)", name)
		}
	}
}

func TestReadFileTooLarge(t *testing.T) {
	dir := writeFiles(t, map[string]string{"stor.txt": minimal})
	path := filepath.Join(dir, "stor.txt")
	_, err := ReadFile(path, Options{MaxSize: 10})
	var fe *FileError
	if !errors.As(err, &fe) || !errors.Is(err, ErrTooLarge) || fe.Path != path {
		t.Fatalf("ReadFile = %v, want a *FileError wrapping ErrTooLarge", err)
	}
	if want := path + ": file too large (1 MB > 1 MB)"; err.Error() == want {
		t.Errorf("message %q says nothing", err)
	}
}

func TestMegabytes(t *testing.T) {
	for _, tt := range []struct {
		n    int64
		want string
	}{{100 << 20, "100 MB"}, {212<<20 + 5, "213 MB"}, {212 << 20, "212 MB"}, {500, "500 bytes"}} {
		if got := megabytes(tt.n); got != tt.want {
			t.Errorf("megabytes(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
