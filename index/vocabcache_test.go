package index

import (
	"testing"
	"time"
)

// TestVocabularyCatchesUp: after a write, searches are served the old
// vocabulary at once and the new one soon after, read in the background.
func TestVocabularyCatchesUp(t *testing.T) {
	ix := openTemp(t)
	if _, err := ix.Put(synthetic("m-2026-01-01", "2026-01-01", "a")); err != nil {
		t.Fatal(err)
	}
	v, err := ix.cachedVocabulary()
	if err != nil || v.len() == 0 {
		t.Fatalf("first vocabulary: %d words, %v", v.len(), err)
	}
	m := synthetic("m-2026-02-01", "2026-02-01", "b")
	m.Items[1].Body = "Zebrafinkar i hemtjänsten."
	if _, err := ix.Put(m); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		v, err := ix.cachedVocabulary()
		if err != nil {
			t.Fatal(err)
		}
		if v.has("zebrafinkar") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the vocabulary never learned the new word (%d words)", v.len())
		}
		time.Sleep(20 * time.Millisecond)
	}
}
