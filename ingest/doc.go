// Package ingest owns the meeting model and everything from a file's bytes
// to a Meeting: encoding detection, text cleanup and the parser. It knows
// nothing of the index or of HTTP.
//
// Parsing (Parse, ReadFile) goes bytes -> text (decode.go: UTF-8, UTF-16
// with BOM, Windows-1252) -> lines without page furniture (clean.go) ->
// item headings found by their running numbers (items.go) -> header and
// attendance table before the first item (header.go, attendees.go) -> per
// item: speaker and participant lines (speakers.go), the organ's decision
// blocks (decisions.go) and the unwrapped body (clean.go). The rules are
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
//	närvarande               Attendees
//	justerare                Justerare (adjusters)
//	bilaga                   Attachment
//	dnr, diarienummer        case number (Meeting.Dnr, Item.Dnr)
//	minnesanteckningar       KindMinutes
//	protokoll                KindProtocol
package ingest
