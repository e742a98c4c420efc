package app

import (
	"context"
	"fmt"
	"time"
)

// EventView is one history entry.
type EventView struct {
	ID      int64     `json:"id"`
	Segment int64     `json:"segment"`
	Action  string    `json:"action"`
	From    string    `json:"from"`
	To      string    `json:"to"`
	Version int       `json:"version"`
	Text    string    `json:"text"`
	Comment string    `json:"comment,omitempty"`
	Actor   string    `json:"actor"`
	At      time.Time `json:"at"`
}

// History lists the events of a segment × language, oldest first, including
// those of the segments it derives from (the sentence before a source change).
func (a *App) History(ctx context.Context, segID int64, lang string) ([]EventView, error) {
	l, err := a.TargetLanguage(ctx, lang)
	if err != nil {
		return nil, err
	}
	ids, err := a.db.Lineage(ctx, segID)
	if err != nil {
		return nil, err
	}
	names, err := a.db.UserNames(ctx)
	if err != nil {
		return nil, err
	}
	evs, err := a.db.Events(ctx, ids, l.Tag)
	if err != nil {
		return nil, fmt.Errorf("load history of segment %d: %w", segID, err)
	}
	out := make([]EventView, len(evs))
	for i, e := range evs {
		out[i] = EventView{ID: e.ID, Segment: e.SegmentID, Action: e.Action, From: e.FromState, To: e.ToState,
			Version: e.Version, Text: e.Text, Comment: e.Comment, Actor: names[e.ActorID], At: e.At}
		if e.ActorID == 0 {
			out[i].Actor = "system"
		}
	}
	return out, nil
}
