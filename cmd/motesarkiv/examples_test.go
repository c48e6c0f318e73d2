package main

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"testing"
)

// TestExamplesMatchTestdata keeps the bundled examples equal to the
// minutes in testdata/, which the parser's golden tests check.
func TestExamplesMatchTestdata(t *testing.T) {
	names, err := fs.Glob(examples, "examples/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != len(seeds) {
		t.Errorf("%d bundled examples, want %d", len(names), len(seeds))
	}
	for _, name := range names {
		bundled, err := examples.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(seedPath(path.Base(name)))
		if err != nil {
			t.Fatalf("bundled %s has no original in testdata/: %v", name, err)
		}
		if !bytes.Equal(bundled, want) {
			t.Errorf("bundled %s differs from testdata/; copy it again", name)
		}
	}
}
