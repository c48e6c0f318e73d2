package main

// The usage texts. Each command's text is shown on its own for
// `motesarkiv COMMAND -h` and after a mistake on its command line; usage
// is all of them with an introduction, for `motesarkiv help`.

const usageParse = `motesarkiv parse [--region R] FILE

Parse parses one file of minutes and prints the meeting as indented JSON
on standard output, and nothing else there, so that the output can be
piped to jq or saved as a golden file. Nothing is indexed.

  --region R   the region or municipality, where the text does not say
               (env MOTESARKIV_REGION)
`

const usageIngest = `motesarkiv ingest [--index DIR] [--region R] [--log-level L] PATH...

Ingest parses the files named and every file in the folders named, and
puts each meeting into the index. A meeting is known by its id (organ and
meeting date): a file whose meeting is already in the index replaces it,
and the same bytes again change nothing. Each file is logged on standard
error as added, replaced or unchanged; a file that cannot be read or
parsed is named with the reason, and the rest are still ingested. A
summary is printed on standard output. Ingest fails only when no file at
all could be ingested.

  --index DIR    the index folder, created if missing (env MOTESARKIV_INDEX)
  --region R     the region or municipality, where the text does not say
                 (env MOTESARKIV_REGION)
  --log-level L  trace, debug, info, warn or error (env MOTESARKIV_LOG_LEVEL;
                 default info)
`

const usageSearch = `motesarkiv search [--index DIR] [--json] [--size N] QUERY...

Search prints the items that match QUERY, best first: meeting date, organ,
item, kind, title, the item's link on the web pages, and the matching
passages. The words of the query must all match; quote a phrase, put -
before a word to exclude it, and OR between words for either:

  motesarkiv search '"God och Nära vård"' -hemsjukvård

  --index DIR  the index folder (env MOTESARKIV_INDEX)
  --json       print the result as JSON, as /api/v1/search answers
  --size N     how many hits to print (default 20, at most 100)
`

const usageServe = `motesarkiv serve [--index DIR] [--addr ADDR] [--log-level L]

Serve answers HTTP on ADDR: the search page at /, meeting pages at /m/ID,
the JSON API at /api/v1/search and /api/v1/meetings/ID, and /healthz.
When the index is empty or missing, serve first ingests the example
minutes bundled into the binary (Välfärdsrådet i Dalarna), so that a new
installation has something to search. On SIGINT or SIGTERM it stops
taking requests, finishes those under way and closes the index.

  --index DIR    the index folder, created if missing (env MOTESARKIV_INDEX)
  --addr ADDR    host:port to listen on (env MOTESARKIV_ADDR; default :8080)
  --log-level L  trace, debug, info, warn or error (env MOTESARKIV_LOG_LEVEL;
                 default info)
`

const usage = `Mötesarkiv searches Swedish meeting minutes (minnesanteckningar and
protokoll). It parses them into meetings and their items, keeps them in a
full-text index on local disk with Swedish word analysis, and serves a
search API and web pages over the index.

usage: motesarkiv COMMAND [flags] [arguments]

Flags come after the command; -flag and --flag are the same. Every flag
can also be set by the environment variable named with it; a flag given on
the command line wins over the variable.

The index folder defaults to $XDG_DATA_HOME/motesarkiv/index, or
~/.local/share/motesarkiv/index when XDG_DATA_HOME is not set.

Logs go to standard error: readable lines at a terminal, JSON lines
otherwise. Standard output carries only a command's result.

Exit status: 0 on success, 1 on failure, 2 for a command line that could
not be understood.

Commands:

` + usageParse + "\n" + usageIngest + "\n" + usageSearch + "\n" + usageServe + `
Run 'motesarkiv COMMAND -h' for one command's text alone.
`
