package server

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
)

// The pages' templates, styles and scripts are compiled into the binary.
var (
	//go:embed templates/*.html
	templateFS embed.FS
	//go:embed static
	staticFS embed.FS
)

// pageFiles are the files each page is parsed from; the first is the one
// executed. Most pages share base.html, the frame of the site; the embed
// page has a frame of its own, without the site's header. parts.html holds
// what several pages show (a hit, the hidden fields of a search).
var pageFiles = map[string][]string{
	"search":   {"base.html", "parts.html", "search.html"},
	"meeting":  {"base.html", "parts.html", "meeting.html"},
	"timeline": {"base.html", "parts.html", "timeline.html"},
	"mentions": {"base.html", "parts.html", "mentions.html"},
	"error":    {"base.html", "parts.html", "error.html"},
	"embed":    {"embed.html", "parts.html"},
}

// parsePages parses every page. It panics on a broken template: they are
// embedded, so a test that builds a Server catches it before a release.
func parsePages() map[string]*template.Template {
	pages := make(map[string]*template.Template, len(pageFiles))
	for name, files := range pageFiles {
		paths := make([]string, len(files))
		for i, f := range files {
			paths[i] = "templates/" + f
		}
		t := template.New(files[0]).Funcs(templateFuncs)
		pages[name] = template.Must(t.ParseFS(templateFS, paths...))
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
	w.Header().Set("Content-Security-Policy", s.pagePolicy(name))
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// staticMaxAge is how long browsers may keep the styles and scripts; the
// URLs carry no version, so it is short.
const staticMaxAge = "public, max-age=300"

func staticHandler() http.Handler {
	h := http.StripPrefix("/static/", http.FileServerFS(staticSub()))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", staticMaxAge)
		h.ServeHTTP(w, r)
	})
}

// staticFile serves one file of static/ at a path of its own, as
// /embed.js, which intranet pages include by that short name.
func staticFile(name string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", staticMaxAge)
		http.ServeFileFS(w, r, staticSub(), name)
	})
}

func staticSub() fs.FS {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // "static" is a literal that go:embed has checked
	}
	return sub
}

// templateFuncs are the helpers the templates call.
var templateFuncs = template.FuncMap{
	"join":   strings.Join,
	"person": person,
	"svDate": svDate,
}
