package main

// The usage texts. Each command's text is shown on its own for
// `motesarkiv COMMAND -h` and after a mistake on its command line; usage
// is all of them with an introduction, for `motesarkiv help`.

const usageParse = `motesarkiv parse [--organisation O] [--date D] [--max-size MB] FILE

Parse parses one file of minutes (PDF, DOCX, HTML or text, told by its
content) and prints the meeting as indented JSON on standard output, and
nothing else there, so that the output can be piped to jq or saved as a
golden file. Nothing is indexed.

` + optionFlags

// optionFlags are the flags parse and ingest share: what the files do
// not say. A sidecar file FILE.json ({"region": "…", "date": "…"}) says
// it for one file; the text wins over both.
const optionFlags = `  --organisation O  the municipality or region ("Göteborgs Stad"), where
                    the text does not say (env MOTESARKIV_ORGANISATION;
                    --region R and MOTESARKIV_REGION are the same)
  --date D          the meeting date, YYYY-MM-DD, where the text gives
                    none (env MOTESARKIV_DATE)
  --max-size MB     refuse files larger than this (env MOTESARKIV_MAX_SIZE;
                    default 100)
`

const usageIngest = `motesarkiv ingest [--index DIR | --server URL --write-token T] [--organisation O] [--date D] [--max-size MB] [--log-level L] PATH...

Ingest parses the files named and every file in the folders named (PDF,
DOCX, HTML or text, each told by its content; hidden files, *.json
sidecars and notes such as *.md are passed over), and puts each meeting
into the index. A meeting is known by its id (organ and meeting date): a
file whose meeting is already in the index replaces it, and the same bytes
again change nothing. A copy of each ingested file is kept in the folder
"originals" beside the index folder. Each file is logged on standard error
as added, replaced or unchanged, with a progress bar at a terminal; a file
that cannot be read or parsed is named with the reason, and the rest are
still ingested. A summary is printed on standard output: files read,
meetings, items, each skipped file with its reason, seconds. Ingest fails
only when no file at all could be ingested.

  --index DIR       the index folder, created if missing (env MOTESARKIV_INDEX)
  --server URL      send the files to the server at URL instead, as
                    http://localhost:8080, which ingests them the same way
                    while it serves (env MOTESARKIV_SERVER); an index that
                    a server holds can only be written through it
  --write-token T   the server's write token (env MOTESARKIV_WRITE_TOKEN)
` + optionFlags + `  --log-level L     trace, debug, info, warn or error (env MOTESARKIV_LOG_LEVEL;
                    default info)
`

const usageSearch = `motesarkiv search [--index DIR] [--json] [--size N] [--mentions] QUERY...

Search prints the items that match QUERY, best first: meeting date, organ,
item, kind, title, the item's link on the web pages, and the matching
passages. The words of the query must all match; quote a phrase, put -
before a word to exclude it, and OR between words for either:

  motesarkiv search '"God och Nära vård"' -hemsjukvård

  --index DIR  the index folder (env MOTESARKIV_INDEX)
  --json       print the result as JSON, as /api/v1/search answers
  --size N     how many hits to print (default 20, at most 100)
  --mentions   print every mention instead, in date order, each with its
               context and a count at the end (with --json: one JSON
               object a line, as /api/v1/mentions?format=ndjson)
`

const usageServe = `motesarkiv serve [--index DIR] [--addr ADDR] [--cors-origin URL]... [--log-level L]

Serve answers HTTP on ADDR: the search page at /, meeting pages at /m/ID,
a timeline at /tidslinje, every mention at /forekomster, Atom feeds at
/feed.atom, the search for other sites at /embed.js and /embed, the JSON
API under /api/v1/, and /healthz. When the index is empty or missing,
serve first ingests the example minutes bundled into the binary
(Välfärdsrådet i Dalarna), so that a new installation has something to
search. An index built with another analysis chain than this binary's
is rebuilt in the background from the kept originals while the old one
serves, then swapped in (progress in the log and in /readyz). On SIGINT
or SIGTERM it stops taking requests, finishes those under way and closes
the index.

  --index DIR        the index folder, created if missing (env MOTESARKIV_INDEX)
  --addr ADDR        host:port to listen on (env MOTESARKIV_ADDR; default :8080)
  --cors-origin URL  an origin whose pages may search the archive from a
                     script (the <motesarkiv-sok> element) and frame /embed,
                     as https://intranat.example.se; repeat it, or separate
                     origins with commas (env MOTESARKIV_CORS_ORIGINS). Pages
                     of any other origin are refused.
  --log-level L      trace, debug, info, warn or error (env MOTESARKIV_LOG_LEVEL;
                     default info)
` + usageService

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

` + usageParse + "\n" + usageIngest + "\n" + usageSearch + "\n" + usageServe + "\n" + usageRemove + `
Run 'motesarkiv COMMAND -h' for one command's text alone.
`
