#!/usr/bin/env bash
# make-files.sh writes the generated test files of testdata/ from the
# plain-text seeds: the seeds as DOCX, PDF (as LibreOffice exports a Word
# document) and HTML, a scanned PDF without a text layer, and the bad
# files of testdata/bad/. It needs LibreOffice and poppler-utils
# (apt-get install libreoffice-writer poppler-utils) and is run by hand,
# once, when the seeds or the generator change; its output is committed,
# so tests never need LibreOffice.
#
#	bash testdata/make-files.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go run ./ingest/internal/mkfiles -seeds testdata -out "$work"

# soffice needs a profile of its own to run headless beside a desktop one.
office() { soffice -env:UserInstallation="file://$work/profile" --headless "$@" >/dev/null 2>&1; }

mkdir -p testdata/files testdata/bad
for fodt in "$work"/*.fodt; do
	name=$(basename "$fodt" .fodt)
	# As an office works: the Word document is the original, the PDF its export.
	office --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$fodt"
	office --convert-to pdf:writer_pdf_Export --outdir "$work/pdf" "$work/$name.docx"
	cp "$work/$name.docx" "$work/pdf/$name.pdf" "$work/$name.html" testdata/files/
	# What a seed's sidecar says (its region) holds for its other formats.
	if [ -f "testdata/$name.txt.json" ]; then
		for ext in docx pdf html; do cp "testdata/$name.txt.json" "testdata/files/$name.$ext.json"; done
	fi
done
cp "$work"/files/* testdata/files/
cp "$work"/bad/* testdata/bad/

seed=testdata/files/valfardsradet-dalarna-2026-04-09
# A scan: the first page as a picture, in a PDF with no text.
pdftoppm -r 60 -f 1 -l 1 -png "$seed.pdf" "$work/scan"
go run ./ingest/internal/mkfiles -scan "$work"/scan-1.png -out testdata/bad/skannad.pdf
# A download cut off half way.
head -c "$(($(stat -c %s "$seed.pdf") / 2))" "$seed.pdf" >testdata/bad/avbruten.pdf
# A PDF that opens only with a password.
office --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"hemligt"}}' \
	--outdir "$work/secret" "$seed.docx"
cp "$work/secret/valfardsradet-dalarna-2026-04-09.pdf" testdata/bad/losenord.pdf
ls -l testdata/files testdata/bad
