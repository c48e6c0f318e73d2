package index

import (
	"errors"
	"path/filepath"
	"testing"
)

// An index written with another doc-value chunk size would be read
// wrongly, so Open refuses it.
func TestOpenRefusesOtherLayout(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.bleve.SetInternal([]byte(layoutKey), []byte("1024")); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if _, err := Open(dir); !errors.Is(err, ErrOldLayout) {
		t.Fatalf("Open of an index with chunks of 1024 = %v, want ErrOldLayout", err)
	}
}

func TestOpenKeepsItsLayout(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	ix, err = Open(dir)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	ix.Close()
}
