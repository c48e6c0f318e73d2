package ingest

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParse parses the real minutes in testdata/, every format the
// parser reads as text; items/s and MB/s are what a whole-archive ingest
// gets from one core before indexing.
func BenchmarkParse(b *testing.B) {
	paths, err := filepath.Glob("../testdata/*.txt")
	if err != nil || len(paths) == 0 {
		b.Fatalf("no minutes in testdata: %v", err)
	}
	type file struct {
		name string
		data []byte
	}
	var files []file
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Parse(filepath.Base(p), data, Options{}); err != nil {
			continue // a file this parser refuses is no benchmark
		}
		files = append(files, file{filepath.Base(p), data})
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	items := 0
	for b.Loop() {
		for _, f := range files {
			m, err := Parse(f.name, f.data, Options{})
			if err != nil {
				b.Fatal(err)
			}
			items += len(m.Items)
		}
	}
	b.ReportMetric(float64(items)/b.Elapsed().Seconds(), "items/s")
}
