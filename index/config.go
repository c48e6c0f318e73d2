package index

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	zapx "github.com/blevesearch/zapx/v17"
)

// Scorch settings chosen by measurement (docs/performance.md).
//
// Doc values, which facets and sorting read for every hit, are stored in
// compressed chunks of dvChunk documents. Scorch's default is 1,024: a
// search then decompresses, for each facet field, the whole chunk around
// each hit, and a rare word with 184 hits in 100,000 items spent 18 ms
// doing so. With 16 it takes 0.9 ms, a common word's search went from
// 129 ms to 20 ms, and the index grew by 7 %.
//
// zapx reads the chunk size from the same package variable it writes
// with, not from the segment, so an index written with another size would
// be read wrongly. Every index we create records its size (layoutKey) and
// Open refuses one that does not match rather than answer wrongly.
const dvChunk = 16

const layoutKey = "motesarkiv_dv_chunk"

// ErrOldLayout: the index on disk was written with other storage
// settings than this version reads; it must be built again.
var ErrOldLayout = errors.New("index was written by another version of motesarkiv: remove its folder and ingest again")

func init() {
	zapx.LegacyChunkMode = dvChunk
}

// markLayout records the settings in a new index.
func markLayout(b bleve.Index) error {
	return b.SetInternal([]byte(layoutKey), []byte(strconv.Itoa(dvChunk)))
}

// checkLayout refuses an index written with other settings.
func checkLayout(b bleve.Index) error {
	v, err := b.GetInternal([]byte(layoutKey))
	if err != nil {
		return err
	}
	if string(v) != strconv.Itoa(dvChunk) {
		return fmt.Errorf("%w (doc values in chunks of %q, this version reads %d)", ErrOldLayout, v, dvChunk)
	}
	return nil
}
