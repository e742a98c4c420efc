package publish

import (
	"encoding/xml"
	"fmt"
	"io"
	"time"
)

// Feed is an Atom feed of releases.
type Feed struct {
	ID      string // a permanent IRI: the feed's own URL
	Title   string
	Lang    string
	SelfURL string
	// Updated is used when there are no entries; otherwise the newest
	// entry's time is the feed's.
	Updated time.Time
	Entries []FeedEntry
}

// FeedEntry is one release in a feed.
type FeedEntry struct {
	ID        string // the release's permanent URL
	Title     string
	URL       string
	Lang      string
	Published time.Time
	Updated   time.Time // the withdrawal time for a withdrawn release
	Summary   string
}

// The Atom document, as encoding/xml writes it.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr,omitempty"`
	ID      string      `xml:"id"`
	Title   atomText    `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomAuthor  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Gen     string      `xml:"generator"`
	Entries []atomEntry `xml:"entry"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel      string `xml:"rel,attr"`
	Type     string `xml:"type,attr,omitempty"`
	HrefLang string `xml:"hreflang,attr,omitempty"`
	Href     string `xml:"href,attr"`
}

type atomEntry struct {
	ID        string     `xml:"id"`
	Title     atomText   `xml:"title"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published"`
	Links     []atomLink `xml:"link"`
	Summary   *atomText  `xml:"summary,omitempty"`
}

// FeedAuthor is the feed-level author every entry inherits.
const FeedAuthor = "Tilmash"

func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// WriteAtom writes f as an Atom 1.0 (RFC 4287) document. Entries keep the
// order given (newest first is expected).
func WriteAtom(w io.Writer, f Feed) error {
	// A feed changes when an entry does: readers poll on it, so the time of
	// the request would make every poll look like news.
	updated := f.Updated
	for i, e := range f.Entries {
		if i == 0 || e.Updated.After(updated) {
			updated = e.Updated
		}
	}
	doc := atomFeed{Lang: f.Lang, ID: f.ID, Title: atomText{Type: "text", Text: f.Title}, Updated: atomTime(updated),
		Author: atomAuthor{Name: FeedAuthor}, Gen: "Tilmash",
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: f.SelfURL}}}
	for _, e := range f.Entries {
		ae := atomEntry{ID: e.ID, Title: atomText{Type: "text", Text: e.Title}, Updated: atomTime(e.Updated),
			Published: atomTime(e.Published),
			Links:     []atomLink{{Rel: "alternate", Type: "text/html", HrefLang: e.Lang, Href: e.URL}}}
		if e.Summary != "" {
			ae.Summary = &atomText{Type: "text", Text: e.Summary}
		}
		doc.Entries = append(doc.Entries, ae)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write feed: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write feed: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write feed: %w", err)
	}
	return nil
}
