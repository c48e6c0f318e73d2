package ingest

// Meeting is one sammanträde as its minutes record it. The JSON keys are a
// public contract: `motesarkiv parse` prints them and later tools read them.
type Meeting struct {
	// ID is an ASCII slug of organ and meeting date
	// ("valfardsradet-2026-04-09"); the index gives it a suffix when two
	// different meetings would collide.
	ID     string `json:"id"`
	Organ  string `json:"organ"`  // normalised: "Välfärdsrådet"
	Region string `json:"region"` // from the text, a flag or a sidecar; never from a file name
	Kind   string `json:"kind"`   // KindMinutes or KindProtocol
	Dnr    string `json:"dnr"`    // "HSN 2026/371"

	DocumentDate string `json:"document_date"` // YYYY-MM-DD
	MeetingDate  string `json:"meeting_date"`  // YYYY-MM-DD
	StartTime    string `json:"start_time"`    // HH:MM
	EndTime      string `json:"end_time"`      // HH:MM
	Place        string `json:"place"`

	Attendees []Person `json:"attendees"`
	Justerare []string `json:"justerare"`

	// PreviousMinutesDate is the date of the minutes this meeting approved
	// ("Föregående minnesanteckningar 260212").
	PreviousMinutesDate string `json:"previous_minutes_date"`

	Source Source `json:"source"`
	Items  []Item `json:"items"`
}

// Document kinds.
const (
	KindMinutes  = "minnesanteckningar"
	KindProtocol = "protokoll"
)

// Person is an attendee, a speaker (föredragande) or another participant.
// Role is what the minutes say of the person ("ordf", "v ordf",
// "utvecklingsledare"); Note keeps a remark such as "del av mötet".
type Person struct {
	Organisation string `json:"organisation"`
	Name         string `json:"name"`
	Role         string `json:"role"`
	// Party is the party letters a protocol writes after a politician's
	// name: "S" for "Aslan Akbas (S)".
	Party string `json:"party,omitempty"`
	Note  string `json:"note,omitempty"`
}

// Source identifies the file a meeting was parsed from.
type Source struct {
	File   string `json:"file"`   // base name as ingested
	Format string `json:"format"` // "text", later "pdf", "docx", …
	SHA256 string `json:"sha256"` // of the file's bytes, hex
}

// Item is one agenda item (punkt, ärende, §). Items are a flat list: a
// sub-item "6a" is an entry of its own with Number "6" and Sub "a", after
// the entry for item 6 itself.
type Item struct {
	Number       string    `json:"number"`
	Sub          string    `json:"sub"`
	Kind         string    `json:"kind"` // Information, Beslut, Rapport, Skriftlig information or ""
	Title        string    `json:"title"`
	Speakers     []Person  `json:"speakers"`
	Participants []Person  `json:"participants"`
	Dnr          string    `json:"dnr"`
	Decisions    []string  `json:"decisions"`
	Sections     []Section `json:"sections"`
	Attachments  []string  `json:"attachments"`
	Dates        []string  `json:"dates"` // YYYY-MM-DD mentioned in the item
	Body         string    `json:"body"`
}

// Section is a named part of a § item that is neither its account nor its
// decision: "Yrkanden", "Propositionsordning", "Omröstning", "Reservation",
// "Protokollsanteckning". Name is the heading as written; Text is the
// section's paragraphs, unwrapped. An item may hold the same name twice
// (two votes, each with its own Omröstning).
type Section struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// Label is the item's number and sub-item letter as people write them:
// "6" or "6a". It is the anchor of the item on the meeting page.
func (it Item) Label() string { return it.Number + it.Sub }
