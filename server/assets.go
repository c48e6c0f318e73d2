package server

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
)

// The pages' templates and styles are compiled into the binary.
var (
	//go:embed templates/*.html
	templateFS embed.FS
	//go:embed static
	staticFS embed.FS
)

// pageNames are the pages; each is parsed together with base.html, which
// holds the frame every page shares.
var pageNames = []string{"search", "meeting", "error"}

// parsePages parses every page. It panics on a broken template: they are
// embedded, so a test that builds a Server catches it before a release.
func parsePages() map[string]*template.Template {
	pages := make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		t := template.New("base.html").Funcs(templateFuncs)
		pages[name] = template.Must(t.ParseFS(templateFS, "templates/base.html", "templates/"+name+".html"))
	}
	return pages
}

// render executes a page into a buffer first, so that a template error
// becomes an error response instead of half a page.
func (s *Server) render(w http.ResponseWriter, status int, name string, data any) error {
	var buf bytes.Buffer
	if err := s.pages[name].Execute(&buf, data); err != nil {
		return fmt.Errorf("render %s page: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

func staticHandler() http.Handler {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // "static" is a literal that go:embed has checked
	}
	return http.StripPrefix("/static/", http.FileServerFS(sub))
}
