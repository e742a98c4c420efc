package app

import (
	"context"

	"tilmash/internal/record"
)

// ReleaseReader reads releases outside a transaction.
type ReleaseReader interface {
	// Releases lists a document's releases, newest first, withdrawn ones included.
	Releases(ctx context.Context, docID int64) ([]record.Release, error)
	// Release loads one release; a missing one is an apperr.NotFound.
	Release(ctx context.Context, id int64) (record.Release, error)
	// ReleaseNumbered loads release number of a document in a language;
	// number 0 means the latest live one, or the newest withdrawn one when
	// every release of the language was withdrawn. A missing one is an apperr.NotFound.
	ReleaseNumbered(ctx context.Context, docID int64, lang string, number int) (record.Release, error)
	// ReleaseText loads the segments a release took, in order.
	ReleaseText(ctx context.Context, releaseID int64) ([]record.ReleaseSegment, error)
	// LatestLiveNumber is the number of the newest live release of a
	// document in a language, 0 if none.
	LatestLiveNumber(ctx context.Context, docID int64, lang string) (int, error)
	// LiveReleases lists the latest live release of a document in each
	// language, in the catalogue's order.
	LiveReleases(ctx context.Context, docID int64) ([]record.Release, error)
	// LatestLive lists the newest live release of each of the documents × language.
	LatestLive(ctx context.Context, docIDs []int64) ([]record.Release, error)
	// PublishedLanguages lists the languages with a live release of a document.
	PublishedLanguages(ctx context.Context, docID int64) ([]string, error)
	// FeedReleases lists the newest releases in a language, of one document
	// (docID > 0) or of all, newest change (publication or withdrawal) first.
	FeedReleases(ctx context.Context, lang string, docID int64, limit int) ([]record.Release, error)
	// DerivedFrom maps each of ids that derives from another segment to it.
	DerivedFrom(ctx context.Context, ids []int64) (map[int64]int64, error)
	// NamesOf maps user ids to names.
	NamesOf(ctx context.Context, ids []int64) (map[int64]string, error)
}

// ReleaseWriter writes releases inside a transaction.
type ReleaseWriter interface {
	// TranslationsOf loads the translations of segments in languages.
	TranslationsOf(segIDs []int64, langs []string) ([]record.Translation, error)
	// LiveRelease loads the newest live release of a document in a language.
	LiveRelease(docID int64, lang string) (record.Release, bool, error)
	// ReleasedText loads the segments a release took, in order.
	ReleasedText(releaseID int64) ([]record.ReleaseSegment, error)
	// LastReleaseNumber is the highest release number of a document in a
	// language, withdrawn ones included; 0 if none.
	LastReleaseNumber(docID int64, lang string) (int, error)
	// InsertRelease writes a release and its text.
	InsertRelease(r *record.Release, text []record.ReleaseSegment) error
	// LockRelease loads a release to change it; a missing one is an apperr.NotFound.
	LockRelease(id int64) (record.Release, error)
	// WithdrawRelease marks a live release withdrawn; false when it was not live.
	WithdrawRelease(id int64, w record.Withdrawal) (bool, error)
	// NamesOf maps user ids to names.
	NamesOf(ids []int64) (map[int64]string, error)
	// Enqueue stores notifications to send, due now.
	Enqueue(msgs []record.OutboxMessage) error
}
