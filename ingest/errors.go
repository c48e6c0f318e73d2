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
	ErrNoDate        = errors.New("no meeting date found; give one with --date")
)

// FileError names a file that could not be read or parsed and why, like
// *os.PathError.
type FileError struct {
	Path   string
	Reason string
	Err    error
}

// Error is "PATH: REASON: ERR" without the parts that are empty. A
// sentinel error usually is the reason, or begins the error's message
// ("file too large (212 MB > 100 MB)"): it is said once.
func (e *FileError) Error() string {
	var parts []string
	if e.Path != "" {
		parts = append(parts, e.Path)
	}
	msg := ""
	if e.Err != nil {
		msg = e.Err.Error()
	}
	switch {
	case e.Reason == "" || strings.HasPrefix(msg, e.Reason):
		parts = append(parts, msg)
	case msg == "":
		parts = append(parts, e.Reason)
	default:
		parts = append(parts, e.Reason, msg)
	}
	return strings.Join(nonEmpty(parts), ": ")
}

func (e *FileError) Unwrap() error { return e.Err }
