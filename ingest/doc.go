// Package ingest owns the meeting model and everything from a file's bytes
// to a Meeting: encoding detection, text cleanup and the parser. It knows
// nothing of the index or of HTTP.
//
// Parsing (Parse, ReadFile) goes bytes -> pages of text by a Reader chosen
// by the content (read.go: plain text in decode.go, PDF in read_pdf.go and
// layout.go, DOCX in read_docx.go, HTML in read_html.go) -> lines without
// running headers, footers and page numbers (pages.go, clean.go) -> item
// headings found by their running numbers, "6." or "§ 12" (items.go,
// paragraphs.go, titles.go) -> header and attendance table before the
// first item, or the running header (header.go, attendees.go) -> per item:
// speaker and participant lines (speakers.go), the organ's decision blocks
// or a protocol's "Beslut" and named sections (decisions.go, sections.go),
// names with a party (party.go) and the unwrapped body (clean.go). The rules are
// general, written for the family of layouts Swedish minutes share, and
// each quirk they handle is a test case in testdata/, not a special case
// in code.
//
// Glossary (code in English, data in Swedish):
//
//	sammanträde, möte        Meeting
//	ärende, punkt, §         Item
//	föredragande             Speaker (Item.Speakers)
//	övriga medverkande       Item.Participants
//	beslut                   Decision (Item.Decisions)
//	yrkanden, omröstning,    Item.Sections
//	reservation, protokolls-
//	anteckning
//	närvarande               Attendees
//	justerare                Justerare (adjusters)
//	bilaga                   Attachment
//	dnr, diarienummer        case number (Meeting.Dnr, Item.Dnr)
//	minnesanteckningar       KindMinutes
//	protokoll                KindProtocol
package ingest
