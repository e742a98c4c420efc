package publish

import (
	"bytes"
	"encoding/xml"
	"io"
	"testing"
	"time"

	"tilmash/internal/golden"
)

func sampleFeed() Feed {
	at := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	return Feed{ID: "https://t.example/feeds/kk.atom", Title: "Tilmash · қазақ тілі", Lang: "kk", SelfURL: "https://t.example/feeds/kk.atom",
		Updated: at.Add(-time.Hour), Entries: []FeedEntry{
			{ID: "https://t.example/releases/7/kk/2", URL: "https://t.example/releases/7/kk/2", Lang: "kk", Title: "A & <B>",
				Published: at, Updated: at.Add(time.Hour), Summary: "Себебі: x"},
			{ID: "https://t.example/releases/7/kk/1", URL: "https://t.example/releases/7/kk/1", Lang: "kk", Title: "A",
				Published: at.Add(-time.Minute), Updated: at.Add(-time.Minute)},
		}}
}

func TestWriteAtom(t *testing.T) {
	var b bytes.Buffer
	if err := WriteAtom(&b, sampleFeed()); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "feed.kk.atom", b.Bytes())
	// Well-formed XML all through.
	dec := xml.NewDecoder(bytes.NewReader(b.Bytes()))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("feed is not well-formed: %v", err)
		}
	}
	// The feed's updated is its newest entry's.
	var f struct {
		Updated string `xml:"updated"`
	}
	if err := xml.Unmarshal(b.Bytes(), &f); err != nil || f.Updated != "2026-11-29T11:00:00Z" {
		t.Errorf("updated = %q, %v", f.Updated, err)
	}
	// Even when the given time (the server's "now") is later.
	b.Reset()
	later := sampleFeed()
	later.Updated = later.Updated.Add(48 * time.Hour)
	if err := WriteAtom(&b, later); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(b.Bytes(), &f); err != nil || f.Updated != "2026-11-29T11:00:00Z" {
		t.Errorf("updated with a later default = %q, %v", f.Updated, err)
	}
	// Without entries, the given time.
	b.Reset()
	empty := sampleFeed()
	empty.Entries = nil
	if err := WriteAtom(&b, empty); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(b.Bytes(), &f); err != nil || f.Updated != "2026-11-29T09:00:00Z" {
		t.Errorf("empty feed updated = %q, %v", f.Updated, err)
	}
}
