package main

import (
	"fmt"
	"os"
	"path/filepath"

	"motesarkiv/ingest"
)

// Ingest keeps a copy of each file it ingested in a folder "originals"
// beside the index folder, named by the meeting's id and the file's
// format ("valfardsradet-2026-04-09.pdf"), so that the archive can offer
// the original for download. A new file for the same meeting replaces the
// copy, as it replaces the meeting.

func originalsDir(indexDir string) string {
	return filepath.Join(filepath.Dir(filepath.Clean(indexDir)), "originals")
}

var formatExt = map[string]string{"pdf": ".pdf", "docx": ".docx", "html": ".html", "text": ".txt"}

// OriginalPath is where the original of meeting m is kept.
func originalPath(dir string, m *ingest.Meeting) string {
	return filepath.Join(dir, m.ID+formatExt[m.Source.Format])
}

// saveOriginal copies the file at path to the originals folder by way of
// a temporary file, so that a crash leaves the old copy or the new one.
func saveOriginal(dir, path string, m *ingest.Meeting) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("originals folder: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".original-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil { // durable before it is named (writer.go)
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// Another format of the same meeting may be kept already.
	for _, ext := range formatExt {
		if p := filepath.Join(dir, m.ID+ext); ext != formatExt[m.Source.Format] {
			os.Remove(p)
		}
	}
	if err := os.Rename(tmp.Name(), originalPath(dir, m)); err != nil {
		return err
	}
	return syncDir(dir)
}
