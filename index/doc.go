// Package index turns meetings into bleve documents and answers searches
// over them: the Swedish analysis chain, the query language, facets and
// highlighting. It imports ingest for the model and knows nothing of HTTP.
//
// # Documents
//
// Every agenda item is one document, id "<meeting id>/<label>" ("…/6a"),
// carrying its meeting's fields (organ, date, region, dnr) so that one
// search finds, filters and facets items without a join. An item with
// sub-items holds only its own text; each sub-item holds its own text,
// its parent's number and, where it names none, its parent's speakers.
//
// Every meeting is also one document, id "meeting:<meeting id>", whose
// only field is the stored JSON of the parsed meeting. It is written in the
// same batch as its items, so a meeting and its items appear and disappear
// together, and it is what GET /api/v1/meetings/{id} returns.
package index
