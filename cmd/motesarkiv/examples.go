package main

import (
	"embed"
	"fmt"
	"io/fs"
	"path"

	"github.com/rs/zerolog"

	"motesarkiv/ingest"
)

// examples are real minutes of Välfärdsrådet i Dalarna, bundled so that
// serve on an empty index shows a working search at once. They are copies
// of files in testdata/ (go:embed cannot reach a parent folder); a test
// keeps them equal.
//
//go:embed examples/*.txt
var examples embed.FS

const exampleRegion = "Dalarna"

// seedExamples ingests the bundled examples when the index holds no
// meeting, and says so in the log.
func seedExamples(ix archive, log zerolog.Logger) error {
	n, err := ix.MeetingCount()
	if err != nil || n > 0 {
		return err
	}
	names, err := fs.Glob(examples, "examples/*.txt")
	if err != nil {
		return err
	}
	for _, name := range names {
		if err := putExample(ix, name); err != nil {
			return err
		}
	}
	log.Info().Int("meetings", len(names)).Msg("index was empty: ingested the bundled example minutes")
	return nil
}

func putExample(ix archive, name string) error {
	data, err := examples.ReadFile(name)
	if err != nil {
		return err
	}
	// Both examples are Välfärdsrådet i Dalarna's, but the 2023 minutes
	// never say so in their text (testdata/ gives the region in a sidecar
	// file); the text still wins where it names a region.
	m, err := ingest.Parse(path.Base(name), data, ingest.Options{Region: exampleRegion})
	if err != nil {
		return fmt.Errorf("bundled example: %w", err)
	}
	if _, err := ix.Put(m); err != nil {
		return fmt.Errorf("index bundled example %s: %w", path.Base(name), err)
	}
	return nil
}
