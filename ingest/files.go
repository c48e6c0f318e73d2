package ingest

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ReadFile reads path and parses it. The region comes from opts, else from
// a sidecar file "<path>.json" ({"region": "..."}) if there is one; a
// region written in the text wins over both.
func ReadFile(path string, opts Options) (*Meeting, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &FileError{Path: path, Reason: "cannot read", Err: unwrapPathError(err)}
	}
	if opts.Region == "" {
		side, err := readSidecar(path + ".json")
		if err != nil {
			return nil, &FileError{Path: path + ".json", Reason: "bad sidecar", Err: err}
		}
		opts.Region = side.Region
	}
	m, err := Parse(filepath.Base(path), data, opts)
	var fe *FileError
	if errors.As(err, &fe) {
		fe.Path = path
	}
	return m, err
}

// sidecar is the optional "<file>.json" next to a minutes file, for what
// the text does not say.
type sidecar struct {
	Region string `json:"region"`
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

// Collect expands folders (recursively, .txt files, skipping hidden files
// and folders and *.json sidecars) and files into a sorted list of file
// paths. Paths that do not exist or cannot be walked are *FileError; the
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
		case !d.IsDir() && !hidden && strings.EqualFold(filepath.Ext(path), ".txt"):
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
