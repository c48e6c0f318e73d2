package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rs/zerolog/hlog"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

// Writer changes the archive for the write endpoints. It is what
// `motesarkiv ingest` and `motesarkiv remove` do, so that a meeting sent
// over HTTP is parsed, indexed and kept exactly as one ingested from the
// command line.
type Writer interface {
	// Ingest parses the files and puts their meetings into the index,
	// keeping each original; it returns one result per file, in order.
	// It returns once the meetings are durable (index/durable.go).
	Ingest(ctx context.Context, files []string, opts ingest.Options) []FileResult
	// Remove takes a meeting, its items and its original out.
	Remove(id string) error
}

// FileResult is what became of one file given to Writer.Ingest.
type FileResult struct {
	Path    string
	Meeting *ingest.Meeting // nil when Err is set
	Outcome index.Outcome
	Err     error
}

// DefaultMaxUpload bounds a whole upload request when Config.MaxUpload
// is 0.
const DefaultMaxUpload = 100 << 20

// maxFieldSize bounds the text fields of an upload (date, organisation).
const maxFieldSize = 1 << 10

var (
	errNoWriter      = errors.New("this server cannot change the archive")
	errUploadTooLong = errors.New("upload too large")
	errBadUpload     = errors.New("bad upload")
)

// uploadAnswer is the answer to POST /api/v1/documents.
type uploadAnswer struct {
	Meetings []uploadedMeeting `json:"meetings"`
	Errors   []uploadError     `json:"errors"`
}

type uploadedMeeting struct {
	File    string `json:"file"`
	ID      string `json:"id"`
	Outcome string `json:"outcome"` // added, replaced, unchanged
	Items   int    `json:"items"`
	URL     string `json:"url"`
}

type uploadError struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
	Error  string `json:"error"`
}

// uploadDocuments answers POST /api/v1/documents: a multipart form with
// one or more parts named "file", and optionally "date" (YYYY-MM-DD) and
// "organisation" for what the files do not say. Each file is parsed by
// its content, whatever its name; the name only names it in the answer
// and in the archive. The answer lists the meetings created or replaced
// and the files that could not be ingested; it is 422 when none could.
func (s *Server) uploadDocuments(w http.ResponseWriter, r *http.Request) error {
	if s.writer == nil {
		return errNoWriter
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.maxUpload)
	mr, err := r.MultipartReader()
	if err != nil {
		return fmt.Errorf("%w: send multipart/form-data with one or more parts named file: %v", errBadUpload, err)
	}
	sp, err := newSpool(s.uploads)
	if err != nil {
		return err
	}
	defer sp.remove()
	opts := ingest.Options{MaxSize: s.maxUpload}
	names, err := readParts(mr, sp, &opts)
	if err != nil {
		return err
	}
	results := s.writer.Ingest(r.Context(), sp.paths, opts)
	s.metrics.CountIngest(results)
	ans := s.answerUpload(r, results, names)
	status := http.StatusOK
	if len(ans.Meetings) == 0 {
		status = http.StatusUnprocessableEntity
	}
	return writeJSON(w, status, ans)
}

// readParts spools the file parts and reads the fields into opts; it
// returns the files' names as the client gave them, cleaned.
func readParts(mr *multipart.Reader, sp *spool, opts *ingest.Options) ([]string, error) {
	var names []string
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, uploadReadError(err)
		}
		switch p.FormName() {
		case "file":
			name := safeName(p.FileName())
			if err := sp.add(name, p); err != nil {
				return nil, uploadReadError(err)
			}
			names = append(names, name)
		case "date", "organisation", "region":
			v, err := io.ReadAll(io.LimitReader(p, maxFieldSize))
			if err != nil {
				return nil, uploadReadError(err)
			}
			if err := setOption(opts, p.FormName(), strings.TrimSpace(string(v))); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("%w: unknown field %q; the files go in parts named file", errBadUpload, p.FormName())
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%w: no file; send one or more parts named file", errBadUpload)
	}
	return names, nil
}

func setOption(opts *ingest.Options, field, v string) error {
	if field == "date" {
		if _, err := time.Parse(dateLayout, v); err != nil && v != "" {
			return badParam("date", "Datumet går inte att läsa.", "%q is not a date; write YYYY-MM-DD", v)
		}
		opts.Date = v
		return nil
	}
	opts.Region = v
	return nil
}

// uploadReadError says why an upload could not be read: too large (413)
// or broken (400).
func uploadReadError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return fmt.Errorf("%w: at most %d MB a request", errUploadTooLong, mbe.Limit>>20)
	}
	if errors.Is(err, errSpool) {
		return err
	}
	return fmt.Errorf("%w: %v", errBadUpload, err)
}

// answerUpload turns results into the answer, naming each file as the
// client named it: the server's own paths never reach the client.
func (s *Server) answerUpload(r *http.Request, results []FileResult, names []string) uploadAnswer {
	ans := uploadAnswer{Meetings: []uploadedMeeting{}, Errors: []uploadError{}}
	for i, res := range results {
		name := names[min(i, len(names)-1)]
		if res.Err != nil {
			ans.Errors = append(ans.Errors, s.fileError(r, name, res.Err))
			continue
		}
		m := res.Meeting
		ans.Meetings = append(ans.Meetings, uploadedMeeting{
			File: name, ID: m.ID, Outcome: res.Outcome.String(), Items: len(m.Items), URL: "/m/" + m.ID,
		})
	}
	return ans
}

// fileError describes a file that could not be ingested. A parse error
// is the client's to fix and is shown; anything else is logged and
// described in general terms.
func (s *Server) fileError(r *http.Request, name string, err error) uploadError {
	var fe *ingest.FileError
	if errors.As(err, &fe) {
		msg := fe.Reason
		if fe.Err != nil && fe.Err.Error() != fe.Reason {
			msg = fe.Err.Error()
		}
		return uploadError{File: name, Reason: fe.Reason, Error: msg}
	}
	hlog.FromRequest(r).Error().Err(err).Str("file", name).Msg("could not ingest an upload")
	return uploadError{File: name, Reason: "index", Error: internalMessage}
}

// deleteMeeting answers DELETE /api/v1/meetings/{id}: the meeting, its
// items and its original leave the archive.
func (s *Server) deleteMeeting(w http.ResponseWriter, r *http.Request) error {
	if s.writer == nil {
		return errNoWriter
	}
	id := r.PathValue("id")
	if err := s.writer.Remove(id); err != nil {
		return err
	}
	s.metrics.removed.Inc()
	return writeJSON(w, http.StatusOK, map[string]string{"removed": id})
}

// safeName is a file name from a client made harmless: its last path
// element only (either slash), letters, digits and ". _ -" kept and the
// rest replaced, no leading dot, at most 120 bytes. Spooled files are
// created through an os.Root as well, so even a name this misses cannot
// leave the upload folder.
func safeName(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	name = path.Base(name)
	name = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("._- ", r) {
			return r
		}
		return '_'
	}, name)
	name = strings.TrimLeft(strings.TrimSpace(name), ".")
	for len(name) > 120 {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	if name == "" {
		return "upload"
	}
	return name
}

var errSpool = errors.New("cannot store the upload")

// spool is the folder of one upload request: each file in a folder of
// its own named by its position, under its cleaned name, so that two
// files of the same name do not meet and no sidecar is picked up.
type spool struct {
	dir   string
	root  *os.Root
	paths []string
}

func newSpool(parent string) (*spool, error) {
	if err := os.MkdirAll(parent, 0o700); err != nil {
		return nil, fmt.Errorf("%w: %v", errSpool, err)
	}
	dir, err := os.MkdirTemp(parent, "upload-")
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errSpool, err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("%w: %v", errSpool, err)
	}
	return &spool{dir: dir, root: root}, nil
}

// add writes r to the spool as name.
func (sp *spool) add(name string, r io.Reader) error {
	sub := strconv.Itoa(len(sp.paths))
	if err := sp.root.Mkdir(sub, 0o700); err != nil {
		return fmt.Errorf("%w: %v", errSpool, err)
	}
	rel := sub + "/" + name
	f, err := sp.root.Create(rel)
	if err != nil {
		return fmt.Errorf("%w: %v", errSpool, err)
	}
	_, err = io.Copy(f, r)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("%w: %v", errSpool, cerr)
	}
	if err != nil {
		return err
	}
	sp.paths = append(sp.paths, filepath.Join(sp.dir, sub, name))
	return nil
}

func (sp *spool) remove() {
	sp.root.Close()
	os.RemoveAll(sp.dir)
}

// setWrites takes the write, access and metrics settings from cfg.
func (s *Server) setWrites(cfg Config) {
	s.writer, s.writeToken, s.readToken = cfg.Writer, cfg.WriteToken, cfg.ReadToken
	s.uploads, s.maxUpload, s.ready = cfg.Uploads, cfg.MaxUpload, cfg.Ready
	if s.maxUpload <= 0 {
		s.maxUpload = DefaultMaxUpload
	}
	if s.uploads == "" {
		s.uploads = filepath.Join(os.TempDir(), "motesarkiv-uploads")
	}
	s.metrics = cfg.Metrics
	if s.metrics == nil {
		s.metrics = NewMetrics()
	}
	s.metrics.registerIndex(cfg.Index)
}
