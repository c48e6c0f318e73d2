package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"strings"

	"motesarkiv/index"
)

// search prints the hits for a query, for a person or, with --json, for
// a program.
func (a *app) search(ctx context.Context, args []string) (err error) {
	fset := flagSet("search")
	dir := a.indexFlag(fset)
	asJSON := fset.Bool("json", false, "")
	size := fset.Int("size", index.DefaultSize, "")
	mentions := fset.Bool("mentions", false, "")
	if err := a.parseFlags(fset, args, usageSearch); err != nil {
		return err
	}
	if fset.NArg() == 0 {
		return usageErrorf(usageSearch, "search needs a QUERY")
	}
	if *size < 1 {
		return usageErrorf(usageSearch, "--size %d: give a number of at least 1", *size)
	}
	// Opening would create an empty index; say what to do instead.
	if _, err := os.Stat(*dir); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no index at %s: run 'motesarkiv ingest PATH...' or 'motesarkiv serve' first", *dir)
	}
	ix, err := openIndex(*dir)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, ix.Close()) }()

	req := index.Request{Query: strings.Join(fset.Args(), " "), Sort: index.SortRelevance, Page: 1, Size: *size}
	if *mentions {
		return printMentions(ctx, a.stdout, ix, req, *asJSON)
	}
	res, err := ix.Search(ctx, req)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	return printHits(a.stdout, res, newMarker(a.stdout))
}

// printHits writes hits as a person reads them in a terminal.
func printHits(w io.Writer, res *index.Result, mark marker) error {
	switch {
	case res.Total == 0:
		_, err := fmt.Fprintln(w, "no hits")
		return err
	case uint64(len(res.Hits)) < res.Total:
		fmt.Fprintf(w, "%d hits, the first %d shown (--size for more)\n", res.Total, len(res.Hits))
	default:
		fmt.Fprintf(w, "%d hits\n", res.Total)
	}
	for _, h := range res.Hits {
		fmt.Fprintf(w, "\n%s  %s  %s  %s\n", h.MeetingDate, h.Organ, h.Item, h.Kind)
		fmt.Fprintf(w, "    %s\n    %s\n", h.Title, h.URL)
		for _, f := range orderedFragments(h) {
			fmt.Fprintf(w, "    %s\n", mark.text(f)) // the index marks cut ends with …
		}
	}
	return nil
}

// printMentions writes every mention of the query, in date order, with
// its context: one line each for a person, or one JSON object a line.
func printMentions(ctx context.Context, w io.Writer, ix *index.Index, req index.Request, asJSON bool) error {
	mark := newMarker(w)
	enc := json.NewEncoder(w)
	n, err := ix.Mentions(ctx, req, func(m index.Mention) error {
		if asJSON {
			return enc.Encode(m)
		}
		_, err := fmt.Fprintf(w, "%s  %s  %-4s %-9s …%s%s%s%s%s…\n", m.MeetingDate, m.MeetingID, m.Item, m.Field,
			m.Before, mark.open, m.Match, mark.close, m.After)
		return err
	})
	if err != nil || asJSON {
		return err
	}
	_, err = fmt.Fprintf(w, "%d mentions\n", n)
	return err
}

// orderedFragments lists a hit's highlighted fragments in a stable order:
// map order would change from run to run.
func orderedFragments(h index.Hit) []string {
	var out []string
	for _, field := range []string{"title", "speakers", "body", "decisions"} {
		out = append(out, h.Highlights[field]...)
	}
	for field, frags := range h.Highlights {
		switch field {
		case "title", "speakers", "body", "decisions":
		default:
			out = append(out, frags...)
		}
	}
	return out
}

// marker turns a fragment's HTML (escaped text with <mark>) into plain
// text: bold at a terminal, **word** elsewhere.
type marker struct{ open, close string }

func newMarker(w io.Writer) marker {
	if isTerminal(w) {
		return marker{"\x1b[1m", "\x1b[0m"}
	}
	return marker{"**", "**"}
}

func (m marker) text(fragment string) string {
	s := strings.NewReplacer("<mark>", m.open, "</mark>", m.close).Replace(fragment)
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}
