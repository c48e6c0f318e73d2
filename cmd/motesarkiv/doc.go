// Command motesarkiv parses, indexes, searches and serves Swedish meeting
// minutes. It is wiring only: flags, environment variables, the logger,
// signals and exit codes live here, and the work is done by the ingest,
// index and server packages. See usage.go for the commands, or run
// `motesarkiv help`.
//
// main is the only place that exits. Everything else returns errors to
// run, which main turns into an exit code: 0 for success, 2 for a command
// line that could not be understood, 1 for anything else.
package main
