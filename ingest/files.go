package ingest

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ReadFile reads path and parses it. The region and the date come from
// opts, else from a sidecar file "<path>.json" ({"region": "...", "date":
// "YYYY-MM-DD"}) if there is one; what the text says wins over both. A
// file larger than opts.MaxSize is refused unread.
func ReadFile(path string, opts Options) (*Meeting, error) {
	data, err := readLimited(path, opts.maxSize())
	if err != nil {
		return nil, err
	}
	side, err := readSidecar(path + ".json")
	if err != nil {
		return nil, &FileError{Path: path + ".json", Reason: "bad sidecar", Err: err}
	}
	opts.Region = cmp.Or(opts.Region, side.Region, side.Organisation)
	opts.Date = cmp.Or(opts.Date, side.Date)
	m, err := Parse(filepath.Base(path), data, opts)
	var fe *FileError
	if errors.As(err, &fe) {
		fe.Path = path
	}
	return m, err
}

// readLimited reads a file no larger than limit bytes.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &FileError{Path: path, Reason: "cannot read", Err: unwrapPathError(err)}
	}
	defer f.Close()
	info, err := f.Stat()
	if err == nil && info.Size() > limit {
		return nil, &FileError{Path: path, Reason: "file too large", Err: tooLarge(info.Size(), limit)}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, &FileError{Path: path, Reason: "cannot read", Err: unwrapPathError(err)}
	}
	if int64(len(data)) > limit {
		return nil, &FileError{Path: path, Reason: "file too large", Err: tooLarge(int64(len(data)), limit)}
	}
	return data, nil
}

// ErrTooLarge is a file over the size limit.
var ErrTooLarge = errors.New("file too large")

func tooLarge(size, limit int64) error {
	return fmt.Errorf("%w (%s > %s)", ErrTooLarge, megabytes(size), megabytes(limit))
}

// megabytes writes a size as "212 MB" (rounded up, so a file just over
// the limit does not read as equal to it).
func megabytes(n int64) string {
	const mb = 1 << 20
	if n%mb == 0 {
		return fmt.Sprintf("%d MB", n/mb)
	}
	if n < mb {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%d MB", n/mb+1)
}

func (o Options) maxSize() int64 {
	if o.MaxSize > 0 {
		return o.MaxSize
	}
	return DefaultMaxSize
}

// sidecar is the optional "<file>.json" next to a minutes file, for what
// the text does not say. "organisation" is another name for "region".
type sidecar struct {
	Region       string `json:"region"`
	Organisation string `json:"organisation"`
	Date         string `json:"date"`
}

func readSidecar(path string) (sidecar, error) {
	var s sidecar
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, unwrapPathError(err)
	}
	return s, json.Unmarshal(data, &s)
}

// Collect expands folders (recursively) and files into a sorted list of
// file paths. In a folder it takes every file but hidden ones (and hidden
// folders) and those whose extension says they are no document of minutes
// at all: *.json sidecars, notes (*.md), data (*.csv, *.tsv) and code. The
// format of the rest is told by their content, so a PDF named .txt or a
// file without an extension is read as what it is. Paths that do not exist or cannot be walked are *FileError; the
// rest are still returned.
func Collect(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	for _, p := range paths {
		info, err := os.Stat(p)
		switch {
		case err != nil:
			errs = append(errs, &FileError{Path: p, Reason: "cannot open", Err: unwrapPathError(err)})
		case info.IsDir():
			f, e := walkDir(p)
			files, errs = append(files, f...), append(errs, e...)
		default:
			files = append(files, p)
		}
	}
	slices.Sort(files)
	return slices.Compact(files), errs
}

// notMinutes are the extensions of files a folder of minutes holds beside
// them that are not minutes.
var notMinutes = map[string]bool{".json": true, ".md": true, ".csv": true, ".tsv": true, ".go": true,
	".sh": true, ".yaml": true, ".yml": true}

func walkDir(root string) ([]string, []error) {
	var files []string
	var errs []error
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &FileError{Path: path, Reason: "cannot open", Err: unwrapPathError(err)})
			return nil
		}
		hidden := path != root && strings.HasPrefix(d.Name(), ".")
		switch {
		case d.IsDir() && hidden:
			return filepath.SkipDir
		case !d.IsDir() && !hidden && !notMinutes[strings.ToLower(filepath.Ext(path))] && d.Type().IsRegular():
			files = append(files, path)
		}
		return nil
	})
	return files, errs
}

// unwrapPathError drops the *os.PathError around err: the FileError names
// the path already.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
