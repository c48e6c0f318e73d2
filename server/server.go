package server

import (
	"context"
	"html/template"
	"io/fs"

	"github.com/rs/zerolog"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

// Index is what the server needs of the search index. *index.Index
// satisfies it; tests may pass anything that does.
type Index interface {
	Search(ctx context.Context, r index.Request) (*index.Result, error)
	Meeting(id string) (*ingest.Meeting, error)
	MeetingCount() (int, error)
	// Occurrences walks every matching item with its matched spans: the
	// mention list and the marks on a meeting page are made from them.
	Occurrences(ctx context.Context, r index.Request, fn func(index.Occurrence) error) error
	// Neighbours are the meetings of the same organ before and after.
	Neighbours(ctx context.Context, m *ingest.Meeting) (prev, next index.MeetingRef, err error)
	// Suggest completes a word being typed in the search box.
	Suggest(ctx context.Context, prefix string, limit int) ([]index.Suggestion, error)
}

// Config is what New needs. The logger is built by the caller: a library
// does not decide where logs go.
type Config struct {
	Index Index
	// Mentions lists every mention of a search. When nil, it is the
	// index's own list where the index has one (indexmentions.go), and
	// otherwise one the server makes from the index's occurrences
	// (mentions.go).
	Mentions Mentioner
	// Originals is the folder where ingest keeps each meeting's file as
	// "<meeting id>.<ext>"; nil when there is none. The meeting page links
	// the original when it is there, and the parsed text otherwise.
	Originals fs.FS
	// CORSOrigins are the origins ("https://intranat.example.se") whose
	// pages may call the API from a script and show /embed in a frame.
	// Requests from any other origin are refused. See ParseOrigin.
	CORSOrigins []string
	Logger      zerolog.Logger

	// Writes and access (issue 7; documents.go, auth.go). Writer, when
	// set, serves POST /api/v1/documents and DELETE /api/v1/meetings/{id};
	// they need WriteToken as a Bearer token, and answer 403 when it is
	// empty. ReadToken, when set, is needed for everything else but
	// /healthz and /readyz. Uploads are spooled in the folder Uploads
	// (inside the data folder) and bounded by MaxUpload bytes a request
	// (DefaultMaxUpload when 0).
	Writer     Writer
	WriteToken string
	ReadToken  string
	Uploads    string
	MaxUpload  int64
	// Metrics are served at /metrics; New makes them when nil.
	Metrics *Metrics
	// Ready, when set, is asked by /readyz after the index: an error (a
	// rebuild under way) makes the server not ready.
	Ready func() error
}

// Server answers HTTP requests over an Index.
type Server struct {
	idx      Index
	mentions Mentioner
	origins  map[string]bool
	// originals may be nil.
	originals fs.FS
	log       zerolog.Logger
	pages     map[string]*template.Template

	writer                Writer
	writeToken, readToken string
	uploads               string
	maxUpload             int64
	metrics               *Metrics
	ready                 func() error
}

// New returns a Server over cfg.Index. It parses the embedded templates,
// which cannot fail at run time once the tests pass. Origins that
// ParseOrigin refuses are left out.
func New(cfg Config) *Server {
	s := &Server{
		idx:       cfg.Index,
		mentions:  cfg.Mentions,
		origins:   map[string]bool{},
		originals: cfg.Originals,
		log:       cfg.Logger,
		pages:     parsePages(),
	}
	if s.mentions == nil {
		s.mentions = defaultMentions(cfg.Index)
	}
	s.setWrites(cfg) // documents.go
	for _, o := range cfg.CORSOrigins {
		if origin, err := ParseOrigin(o); err == nil {
			s.origins[origin] = true
		}
	}
	return s
}

// defaultMentions lists mentions with the index's own Mentions where it
// has one, and with kwic, over its occurrences, where not.
func defaultMentions(ix Index) Mentioner {
	if im, ok := ix.(indexMentioner); ok {
		return fromIndex{im}
	}
	return kwic{ix}
}
