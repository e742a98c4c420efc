package record

import "time"

// Release is an immutable snapshot of one document revision in one
// language; only a withdrawal writes to it afterwards.
type Release struct {
	ID          int64
	DocumentID  int64
	Lang        string
	Number      int
	Revision    int
	Title       string
	Headline    string // the released headline, empty when the document opens with a sentence
	PublishedBy int64
	PublishedAt time.Time
	Partial     bool
	Reason      string // the waiver of a partial release
	Missing     int    // segments shown in the source language
	// A withdrawn release keeps its text but its URL answers 410 Gone.
	WithdrawnAt    *time.Time
	WithdrawnBy    int64
	WithdrawReason string
}

// ReleaseSegment is one segment's text as a release took it.
type ReleaseSegment struct {
	ReleaseID int64
	Ordinal   int
	SegmentID int64
	Paragraph int
	Position  int
	Source    string
	Text      string
	Lang      string // the language of Text (the source language for a waived gap)
	Version   int    // the translation version taken (0 for a waived gap)
}

// Withdrawal is what a withdrawal writes on a release.
type Withdrawal struct {
	At     time.Time
	By     int64
	Reason string
}

// OutboxMessage is one notification of one release event to one URL,
// owed until it is delivered or given up.
type OutboxMessage struct {
	ID        int64
	Delivery  string // the id all attempts of the notification share
	URL       string
	Event     string
	ReleaseID int64
	Body      []byte // signed as is on every attempt
	Attempts  int    // made so far
}

// Delivery is one attempt to deliver a notification.
type Delivery struct {
	ID        int64
	Delivery  string
	URL       string
	ReleaseID int64
	Event     string
	Attempt   int
	Status    int    // the receiver's HTTP status; 0 when none came
	Error     string // why the attempt failed, empty on success
	Final     bool   // no attempt follows: delivered or given up
	At        time.Time
}
