package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// run runs one command line. It is main without the process: tests call it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	a := &app{stdout: stdout, stderr: stderr, getenv: os.Getenv}
	return a.run(ctx, args)
}

// app is one invocation: where its output goes and how it reads the
// environment, which tests replace.
type app struct {
	stdout, stderr io.Writer
	getenv         func(string) string

	// ready, when set, is called with the address serve listens on, so
	// that a test can serve on port 0 and learn the port.
	ready func(net.Addr)
}

func (a *app) run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageErrorf(usage, "no command given")
	}
	var cmd func(*app, context.Context, []string) error
	switch args[0] {
	case "parse":
		cmd = (*app).parse
	case "ingest":
		cmd = (*app).ingest
	case "search":
		cmd = (*app).search
	case "serve":
		cmd = (*app).serve
	case "remove":
		cmd = (*app).remove
	case "help", "-h", "-help", "--help":
		_, err := fmt.Fprint(a.stdout, usage)
		return err
	default:
		return usageErrorf(usage, "unknown command %q", args[0])
	}
	err := cmd(a, ctx, args[1:])
	if errors.Is(err, errHelpShown) {
		return nil
	}
	return err
}

// exitCode reports err on stderr and returns the process's exit code.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	fmt.Fprintf(stderr, "motesarkiv: %v\n", err)
	var u *usageError
	if errors.As(err, &u) {
		fmt.Fprintf(stderr, "\n%s", u.usage)
		return 2
	}
	return 1
}

// usageError is a command line that could not be understood; the exit
// code is 2 and the command's usage follows the message.
type usageError struct {
	err   error
	usage string
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usageErrorf(usage, format string, args ...any) error {
	return &usageError{err: fmt.Errorf(format, args...), usage: usage}
}

// errHelpShown ends a command whose -h printed its usage.
var errHelpShown = errors.New("help shown")

// flagSet returns a FlagSet that leaves reporting to run: flag's own
// messages would go to os.Stderr rather than to the app's writer.
func flagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses args, printing usage on stdout for -h.
func (a *app) parseFlags(fs *flag.FlagSet, args []string, usage string) error {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(a.stdout, usage)
		return errHelpShown
	case err != nil:
		return usageErrorf(usage, "%s: %v", fs.Name(), err)
	}
	return nil
}
