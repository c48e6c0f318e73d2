package main

const usage = `motesarkiv-bench measures Mötesarkiv against PostgreSQL full-text search
on a generated archive of minutes. Run it from the repository root.

  motesarkiv-bench gen  -items N [-seed S] -out DIR [-speeches FILE]
      Writes a corpus: DIR/raw/<organ>/<year>/<meeting>.txt (minutes in
      the seeds' layout, sentences and speakers from the real council
      speeches in ../shared/corpus/goteborg-kf/anforanden.jsonl.gz),
      DIR/items.jsonl (the same items pre-parsed) and DIR/manifest.json
      (sizes, the number of items holding "God och Nära vård" by scanning
      the text, the query terms). Deterministic for one N and seed.

  motesarkiv-bench run  [-items N] [-seed S] [-dir DIR] [-corpus DIR] [-reps R]
                        [-clients 1,8] [-pg=false] [-keep]
      Generates the corpus (or reuses -corpus), builds cmd/motesarkiv,
      times "motesarkiv ingest" from the raw minutes to a searchable
      index, starts "motesarkiv serve" (start-up time, RSS, Go heap by
      gctrace), runs the query mix over HTTP on loopback with each number
      of concurrent clients, then does the same work on a throwaway
      PostgreSQL cluster (Unix socket, COPY, swedish tsvector, GIN) and
      prints one table with both and their ratios. It fails if either
      system misses the recorded phrase count, or if PostgreSQL cannot
      be started. Everything is under -dir (default: a temporary folder
      removed at the end).

  motesarkiv-bench peer CORPUS.jsonl RESULT.json [--reps R] [--harness DIR]
      The adapter for ../shared/peers/run-all: builds our index from the
      raw minutes beside CORPUS, runs the harness's query set in process
      and writes RESULT.json. cmd/motesarkiv-bench/peer.sh wraps it:
        ../shared/peers/run-all 100k --peer motesarkiv=$PWD/cmd/motesarkiv-bench/peer.sh

  motesarkiv-bench load [-items N] [-seed S] [-dir DIR] [-corpus DIR] [-clients 8]
                        [-warmup 10s] [-idle 60s] [-duration 10m] [-holdback 0.1]
                        [-pprof 127.0.0.1:PORT] [-keep]
      Issue 7's load run: ingests all but -holdback of the meetings,
      starts "motesarkiv serve --write-token" on loopback, measures the
      query mix with -clients clients on the idle server, then again for
      -duration while one uploader posts the held-back files to
      /api/v1/documents (and re-posts them, changed, so each replaces its
      meeting). Prints p50/p95/p99 of both phases and fails on any error
      or a loaded p99 above 2x the idle p99.

  motesarkiv-bench build -raw DIR -index DIR [-cpuprofile FILE]
  motesarkiv-bench query -index DIR -q QUERY [-for 5s] [-mentions] [-nofacets]
        [-from YYYY-MM-DD] [-to YYYY-MM-DD] [-kind K] [-organ O] [-cpuprofile FILE]
      The two halves in this process, for pprof: the ingest pipeline of
      "motesarkiv ingest", and index.Search repeated for a while (every
      facet counted unless -nofacets; -from/-to/-kind/-organ as the
      filtered class of the mix).
`
