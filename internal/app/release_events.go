package app

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"

	"tilmash/internal/publish"
	"tilmash/internal/record"
)

// LinkedRelease is a release with its public links, as the API and the
// webhook notifications show it.
type LinkedRelease struct {
	ReleaseView
	URL       string `json:"url"`
	LatestURL string `json:"latest_url"`
}

// Link adds a release's public links under base, the service's public
// address ("https://tilmash.example.org").
func Link(base string, r ReleaseView) LinkedRelease {
	return LinkedRelease{ReleaseView: r,
		URL:       base + publish.ReleasePath(r.DocumentID, r.Lang, strconv.Itoa(r.Number)),
		LatestURL: base + publish.ReleasePath(r.DocumentID, r.Lang, "latest")}
}

// hookPayload is the JSON body of a notification.
type hookPayload struct {
	Event    string        `json:"event"`
	Delivery string        `json:"delivery"`
	Release  LinkedRelease `json:"release"`
}

// releaseEvents are the notifications of one release event, one per
// configured URL, for the use case to queue in its own transaction: an event
// is owed exactly when its change commits.
func (a *App) releaseEvents(event, base string, r ReleaseView) ([]record.OutboxMessage, error) {
	if !a.webhooks.Enabled() {
		return nil, nil
	}
	msgs := make([]record.OutboxMessage, 0, len(a.webhooks.URLs))
	for _, u := range a.webhooks.URLs {
		id := deliveryID()
		body, err := json.Marshal(hookPayload{Event: event, Delivery: id, Release: Link(base, r)})
		if err != nil {
			return nil, fmt.Errorf("notification of release %d: %w", r.ID, err)
		}
		msgs = append(msgs, record.OutboxMessage{Delivery: id, URL: u, Event: event, ReleaseID: r.ID, Body: body})
	}
	return msgs, nil
}

// deliveryID names one notification; its attempts share it.
func deliveryID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
