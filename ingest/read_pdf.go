package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// PDF text comes from PDFium, the PDF engine of Chromium, compiled to
// WebAssembly and run by wazero inside this process: no C library and no
// cgo, so `go build` and `go test` work on a machine with nothing
// installed (docs/parsing.md compares it with a pure-Go reader). PDFium
// gives each page's text as runs with their positions; layout.go turns
// them into lines, tabs between table cells and empty lines between
// paragraphs, as a text export would have them.

type pdfReader struct{}

func (pdfReader) Read(name string, data []byte) ([]string, error) {
	e, err := pdfEngine()
	if err != nil {
		return nil, fmt.Errorf("start the PDF reader: %w", err)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	doc, err := e.inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return nil, openError(err)
	}
	defer e.inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	n, err := e.inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	var pages []string
	empty := true
	for i := range n.PageCount {
		text, err := e.pageText(doc.Document, i)
		if err != nil {
			return nil, fmt.Errorf("%w: page %d: %w", ErrCorrupt, i+1, err)
		}
		empty = empty && strings.TrimSpace(text) == ""
		pages = append(pages, text)
	}
	if empty {
		return nil, ErrNoTextLayer
	}
	return pages, nil
}

// openError tells a password from damage; PDFium repairs what it can, so
// a file it cannot open at all is broken beyond that.
func openError(err error) error {
	switch {
	case errors.Is(err, pdfiumerrors.ErrPassword), errors.Is(err, pdfiumerrors.ErrSecurity):
		return ErrEncrypted
	default:
		return fmt.Errorf("%w: PDFium cannot open it (%w)", ErrCorrupt, err)
	}
}

// pdfiumEngine is the one PDFium instance of the process. PDFium is not safe
// for concurrent use, and one instance reads a typical file of minutes in
// milliseconds, so readers take turns.
type pdfiumEngine struct {
	mu   sync.Mutex
	inst pdfium.Pdfium
}

var (
	pdfOnce sync.Once
	pdfInst *pdfiumEngine
	pdfErr  error
)

// pdfEngine starts PDFium on first use. Compiling its WebAssembly takes
// seconds, so the compiled code is cached on disk (in the user's cache
// folder, as Go caches builds) and later starts take a fraction of one.
func pdfEngine() (*pdfiumEngine, error) {
	pdfOnce.Do(func() {
		cfg := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
		if dir, err := os.UserCacheDir(); err == nil {
			if cache, err := wazero.NewCompilationCacheWithDir(filepath.Join(dir, "motesarkiv", "wazero")); err == nil {
				cfg = cfg.WithCompilationCache(cache)
			}
		}
		pool, err := webassembly.Init(webassembly.Config{Context: context.Background(),
			MinIdle: 1, MaxIdle: 1, MaxTotal: 1, RuntimeConfig: cfg})
		if err != nil {
			pdfErr = err
			return
		}
		inst, err := pool.GetInstance(time.Minute)
		pdfInst, pdfErr = &pdfiumEngine{inst: inst}, err
	})
	return pdfInst, pdfErr
}

// pageText lays out one page's text runs as lines.
func (e *pdfiumEngine) pageText(doc references.FPDF_DOCUMENT, index int) (string, error) {
	r, err := e.inst.GetPageTextStructured(&requests.GetPageTextStructured{
		Page:                   requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: index}},
		Mode:                   requests.GetPageTextStructuredModeRects,
		CollectFontInformation: true,
	})
	if err != nil {
		return "", err
	}
	runs := make([]textRun, 0, len(r.Rects))
	for _, rect := range r.Rects {
		p := rect.PointPosition
		run := textRun{text: rect.Text, left: p.Left, right: p.Right, top: max(p.Top, p.Bottom), bottom: min(p.Top, p.Bottom)}
		if f := rect.FontInformation; f != nil {
			run.size = f.RenderedSize
			if run.size <= 0 {
				run.size = f.Size
			}
		}
		runs = append(runs, run)
	}
	return layout(runs), nil
}
