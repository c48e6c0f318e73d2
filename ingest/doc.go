// Package ingest owns the meeting model and everything from a file's bytes
// to a Meeting: encoding detection, text cleanup and the parser. It knows
// nothing of the index or of HTTP.
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
