package index

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// An index records the version of the mapping and analysis chain it was
// built with (AnalysisVersion, analysis.go) under versionKey. An index
// built with another chain answers differently, so a binary with a newer
// chain rebuilds it (rebuild.go); an index that records none was built
// before versions were recorded and counts as stale.
//
// # Generations
//
// A rebuild writes a new index while the old one keeps serving, so the
// index folder given to Open (the root) may hold generations:
//
//	root/current    the name of the live generation ("gen-20260409T101500")
//	root/gen-…/     a bleve index
//
// Open follows current when there is one. Without it the root is itself
// the bleve index, as every index was before its first rebuild. Replacing
// current by rename is the swap: a crash leaves the old generation live or
// the new one, never neither.
const (
	versionKey  = "motesarkiv_analysis_version"
	currentFile = "current"
	genPrefix   = "gen-"
)

// Version is the analysis version the index records; "" for an index
// that records none.
func (ix *Index) Version() (string, error) {
	v, err := ix.bleve.GetInternal([]byte(versionKey))
	if err != nil {
		return "", fmt.Errorf("read version of index %s: %w", ix.dir, err)
	}
	return string(v), nil
}

// Stale says whether the index was built with another mapping or
// analysis chain than this binary's, and must be rebuilt.
func (ix *Index) Stale() (bool, error) {
	v, err := ix.Version()
	return v != AnalysisVersion, err
}

// StampVersion records v as the index's analysis version. New indexes
// are stamped with AnalysisVersion; tests stamp another to play an index
// an older binary built.
func (ix *Index) StampVersion(v string) error {
	if err := ix.bleve.SetInternal([]byte(versionKey), []byte(v)); err != nil {
		return fmt.Errorf("record version of index %s: %w", ix.dir, err)
	}
	return nil
}

// liveDir is the folder of the live generation under root: the one its
// current file names, or root itself.
func liveDir(root string) (string, error) {
	name, err := os.ReadFile(filepath.Join(root, currentFile))
	if os.IsNotExist(err) {
		return root, nil
	}
	if err != nil {
		return "", fmt.Errorf("read live generation: %w", err)
	}
	gen := strings.TrimSpace(string(name))
	if !strings.HasPrefix(gen, genPrefix) || filepath.Base(gen) != gen {
		return "", fmt.Errorf("read live generation: %s names %q, not a generation", currentFile, gen)
	}
	return filepath.Join(root, gen), nil
}

// setLive makes gen the live generation under root, atomically.
func setLive(root, gen string) error {
	tmp := filepath.Join(root, currentFile+".tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("swap generation: %w", err)
	}
	_, err = f.WriteString(gen + "\n")
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(root, currentFile))
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("swap generation: %w", err)
	}
	return syncDir(root)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// removeDead removes what no generation uses any more: generations other
// than live, and the bleve files of a root that was itself the index.
// It runs only once the old generation is closed.
func removeDead(root, live string) error {
	entries, err := os.ReadDir(root)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		dead := strings.HasPrefix(name, genPrefix) && filepath.Join(root, name) != live
		dead = dead || (live != root && (name == "index_meta.json" || name == "store"))
		if dead {
			if err := os.RemoveAll(filepath.Join(root, name)); err != nil {
				return err
			}
		}
	}
	return nil
}
