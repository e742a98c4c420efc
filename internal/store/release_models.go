package store

import "time"

// Release is an immutable snapshot of one document revision in one language.
// Only a withdrawal ever writes to it after it is made, and only the
// Withdrawn* fields.
type Release struct {
	ID         int64     `gorm:"primaryKey"`
	DocumentID int64     `gorm:"uniqueIndex:idx_release_number;not null"`
	Document   *Document `gorm:"constraint:OnDelete:CASCADE"`
	Lang       string    `gorm:"uniqueIndex:idx_release_number;not null;index:idx_release_lang"`
	Number     int       `gorm:"uniqueIndex:idx_release_number;not null"`
	Revision   int
	Title      string
	// Headline is the released text of the document's headline (its first
	// paragraph, when that is one: publish.IsHeadline), in the release's
	// language; empty when the document opens with a sentence.
	Headline    string
	PublishedBy int64
	PublishedAt time.Time `gorm:"index:idx_release_lang"`
	// Partial releases show Missing segments in the source language, on the
	// publisher's Reason.
	Partial bool
	Reason  string
	Missing int
	// A withdrawn release keeps its text but its URL answers 410 Gone.
	WithdrawnAt    *time.Time
	WithdrawnBy    int64
	WithdrawReason string
}

// ReleaseSegment is one segment's text as a release took it.
type ReleaseSegment struct {
	ReleaseID int64    `gorm:"primaryKey"`
	Release   *Release `gorm:"constraint:OnDelete:CASCADE"`
	Ordinal   int      `gorm:"primaryKey"`
	SegmentID int64
	Paragraph int
	Position  int
	Source    string
	Text      string
	Lang      string // the language of Text (the source language for a waived gap)
	Version   int    // the translation version taken (0 for a waived gap)
}

// WebhookDelivery is one attempt to notify one URL of one release event.
type WebhookDelivery struct {
	ID int64 `gorm:"primaryKey"`
	// Delivery names the notification all attempts of one event to one URL share.
	Delivery  string `gorm:"index;not null"`
	URL       string
	ReleaseID int64 `gorm:"index"`
	Event     string
	Attempt   int
	Status    int    // the receiver's HTTP status; 0 when none came
	Error     string // why the attempt failed, empty on success
	Final     bool   // no attempt follows: delivered or given up
	At        time.Time
}
