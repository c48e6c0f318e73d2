package main

import (
	"context"
	"encoding/json"
	"fmt"

	"motesarkiv/ingest"
)

// parse prints one file's meeting as JSON on stdout.
func (a *app) parse(_ context.Context, args []string) error {
	fs := flagSet("parse")
	opts, err := a.ingestOptions(fs, args, usageParse)
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageErrorf(usageParse, "parse takes one FILE, not %d", fs.NArg())
	}
	m, err := ingest.ReadFile(fs.Arg(0), opts)
	if err != nil {
		return err // a *ingest.FileError names the file and the reason
	}
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("encode %s: %w", fs.Arg(0), err)
	}
	_, err = a.stdout.Write(append(out, '\n'))
	return err
}
