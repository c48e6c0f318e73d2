package main

import (
	"fmt"
	"io"
	"strings"
)

// progress draws a bar on a terminal as files are ingested:
//
//	[##########..........] 12/24 files
//
// Where standard error is no terminal (a log file, CI) it draws nothing:
// the log lines say the same, one per file.
type progress struct {
	w     io.Writer
	total int
}

func newProgress(w io.Writer, total int) *progress {
	if !isTerminal(w) {
		return nil
	}
	return &progress{w: w, total: total}
}

const barWidth = 30

func (p *progress) show(done int) {
	if p == nil || p.total == 0 {
		return
	}
	n := barWidth * done / p.total
	fmt.Fprintf(p.w, "\r\033[K[%s%s] %d/%d files", strings.Repeat("#", n), strings.Repeat(".", barWidth-n), done, p.total)
}

func (p *progress) end() {
	if p != nil {
		fmt.Fprint(p.w, "\n")
	}
}
