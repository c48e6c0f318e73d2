package server

import (
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"motesarkiv/ingest"
)

// original is the kept copy of the file a meeting was parsed from: ingest
// keeps it as "<meeting id>.<ext>" in a folder of originals (Config.Originals).
type original struct {
	name string // in the folder
	ext  string // ".pdf"
}

// findOriginal looks for m's original; ok is false when no folder is
// configured or it holds no copy (a meeting ingested before copies were
// kept, or the bundled examples).
func (s *Server) findOriginal(m *ingest.Meeting) (original, bool) {
	if s.originals == nil {
		return original{}, false
	}
	names, err := fs.Glob(s.originals, globEscape(m.ID)+".*")
	if err != nil || len(names) == 0 {
		return original{}, false
	}
	return original{name: names[0], ext: path.Ext(names[0])}, true
}

// globEscape quotes the characters fs.Glob reads as a pattern; ids are
// ASCII slugs, so this is a guard rather than a need.
func globEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`).Replace(s)
}

// inlineTypes are the formats a browser may show in place. Every other
// one (an HTML original above all, whose scripts would run on this
// origin) is sent as a download, and all of them in a sandbox.
var inlineTypes = map[string]bool{".pdf": true, ".txt": true}

// meetingOriginal serves GET /m/{id}/original: the file the meeting was
// parsed from, under the name it was ingested with.
func (s *Server) meetingOriginal(w http.ResponseWriter, r *http.Request) error {
	m, err := s.idx.Meeting(r.PathValue("id"))
	if err != nil {
		return err
	}
	o, ok := s.findOriginal(m)
	if !ok {
		return errNoOriginal
	}
	f, err := s.originals.Open(o.name)
	if err != nil {
		return err
	}
	defer f.Close()
	disposition := "attachment"
	if inlineTypes[o.ext] {
		disposition = "inline"
	}
	name := m.Source.File
	if name == "" {
		name = o.name
	}
	w.Header().Set("Content-Type", originalType(o.ext))
	w.Header().Set("Content-Disposition", disposition+"; filename*=UTF-8''"+url.PathEscape(name))
	w.Header().Set("Content-Security-Policy", "sandbox")
	rs, ok := f.(io.ReadSeeker)
	if !ok {
		_, err = io.Copy(w, f)
		return err
	}
	http.ServeContent(w, r, "", time.Time{}, rs)
	return nil
}

func originalType(ext string) string {
	if ext == ".txt" {
		return "text/plain; charset=utf-8"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}
