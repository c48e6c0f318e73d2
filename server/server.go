package server

import (
	"context"
	"html/template"

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
}

// Config is what New needs. The logger is built by the caller: a library
// does not decide where logs go.
type Config struct {
	Index  Index
	Logger zerolog.Logger
}

// Server answers HTTP requests over an Index.
type Server struct {
	idx   Index
	log   zerolog.Logger
	pages map[string]*template.Template
}

// New returns a Server over cfg.Index. It parses the embedded templates,
// which cannot fail at run time once the tests pass.
func New(cfg Config) *Server {
	return &Server{
		idx:   cfg.Index,
		log:   cfg.Logger,
		pages: parsePages(),
	}
}
