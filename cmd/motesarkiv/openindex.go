package main

import (
	"errors"
	"fmt"

	"motesarkiv/index"
)

// openIndex opens (or creates) the index in dir, explaining the errors a
// user can do something about.
func openIndex(dir string) (*index.Index, error) {
	if dir == "" {
		return nil, errors.New("no index folder: give --index or set MOTESARKIV_INDEX (neither XDG_DATA_HOME nor HOME is set)")
	}
	if err := heldByServer(dir); err != nil { // client.go: say so at once
		return nil, err
	}
	ix, err := index.Open(dir)
	if errors.Is(err, index.ErrLocked) {
		return nil, lockedError(dir, err) // client.go
	}
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return ix, nil
}
