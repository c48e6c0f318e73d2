package ingest

import (
	"errors"
	"strings"
)

// Reasons a file is refused. They are wrapped in a *FileError that names the
// file, so a batch can report each bad file and go on with the rest.
var (
	ErrEmpty         = errors.New("empty file")
	ErrBinary        = errors.New("binary data, not text")
	ErrEncoding      = errors.New("not text in a known encoding")
	ErrUnknownLayout = errors.New("unknown layout: no meeting header or agenda items found")
)

// FileError names a file that could not be read or parsed and why, like
// *os.PathError.
type FileError struct {
	Path   string
	Reason string
	Err    error
}

// Error is "PATH: REASON: ERR" without the parts that are empty.
func (e *FileError) Error() string {
	var parts []string
	for _, s := range []string{e.Path, e.Reason} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	// A sentinel error usually is the reason; say it once.
	if e.Err != nil && e.Err.Error() != e.Reason {
		parts = append(parts, e.Err.Error())
	}
	return strings.Join(parts, ": ")
}

func (e *FileError) Unwrap() error { return e.Err }
