package ingest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

const minimal = "Minnesanteckningar Välfärdsrådet\n\nDatum: 2026-04-09\n\n1. Mötets öppnande\n\nVälfärdsrådet beslutade\n\natt öppna mötet\n"

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCollect(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"b.txt":          minimal,
		"a.TXT":          minimal,
		"a.TXT.json":     `{"region": "Dalarna"}`,
		"notes.md":       "x",
		".hidden.txt":    minimal,
		".git/c.txt":     minimal,
		"sub/2023/c.txt": minimal,
	})
	missing := filepath.Join(dir, "missing")
	got, errs := Collect([]string{dir, filepath.Join(dir, "b.txt"), missing})
	want := []string{filepath.Join(dir, "a.TXT"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "sub", "2023", "c.txt")}
	if !slices.Equal(got, want) {
		t.Errorf("Collect = %q, want %q", got, want)
	}
	var fe *FileError
	if len(errs) != 1 || !errors.As(errs[0], &fe) || fe.Path != missing || !errors.Is(errs[0], fs.ErrNotExist) {
		t.Errorf("errors = %v, want one *FileError for %s", errs, missing)
	}
}

func TestReadFileRegion(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"plain.txt":       minimal,
		"side.txt":        minimal,
		"side.txt.json":   `{"region": "Gävleborg"}`,
		"text.txt":        "Minnesanteckningar Välfärdsrådet i Dalarna\n\nDatum: 2026-04-09\n\n1. Mötets öppnande\n",
		"text.txt.json":   `{"region": "Gävleborg"}`,
		"broken.txt":      minimal,
		"broken.txt.json": `{"region": `,
	})
	tests := []struct {
		file, flag, want string
	}{
		{"plain.txt", "", ""},
		{"plain.txt", "Jämtland", "Jämtland"},
		{"side.txt", "", "Gävleborg"},
		{"side.txt", "Jämtland", "Jämtland"},
		{"text.txt", "Jämtland", "Dalarna"},
		{"text.txt", "", "Dalarna"},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.flag, func(t *testing.T) {
			m, err := ReadFile(filepath.Join(dir, tt.file), Options{Region: tt.flag})
			if err != nil {
				t.Fatal(err)
			}
			if m.Region != tt.want || m.Source.File != tt.file {
				t.Errorf("region %q, file %q; want %q, %q", m.Region, m.Source.File, tt.want, tt.file)
			}
		})
	}
	_, err := ReadFile(filepath.Join(dir, "broken.txt"), Options{})
	var fe *FileError
	if !errors.As(err, &fe) || fe.Reason != "bad sidecar" {
		t.Errorf("broken sidecar: %v", err)
	}
}

func TestReadFileErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{"empty.txt": ""})
	for _, tt := range []struct {
		name string
		want error
	}{{"empty.txt", ErrEmpty}, {"missing.txt", fs.ErrNotExist}} {
		path := filepath.Join(dir, tt.name)
		_, err := ReadFile(path, Options{})
		var fe *FileError
		if !errors.As(err, &fe) || fe.Path != path || !errors.Is(err, tt.want) {
			t.Errorf("ReadFile(%s) = %v, want a *FileError for the path wrapping %v", tt.name, err, tt.want)
		}
	}
}
