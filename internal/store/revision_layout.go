package store

import (
	"database/sql"
	"sync"
	"time"

	"gorm.io/gorm"
)

// layoutSegment is one segment's place in a revision, and what never
// changes about it once the revision is stored.
type layoutSegment struct {
	ID             int64
	Paragraph      int
	Position       int
	Source         string
	DerivedFromID  *int64
	PreviousSource string // the source of the segment it derives from
}

// layoutKey names a stored revision beyond doubt: SQLite may give a deleted
// row's id to a new row, but not the deleted row's creation time too.
type layoutKey struct {
	revision int64
	created  int64 // UnixNano
}

// maxCachedLayouts bounds the layouts kept; past it the cache starts empty.
const maxCachedLayouts = 64

// layoutCache keeps the layouts of recently listed revisions. A revision's
// segments, their order, places and sources never change, so a list of
// 200 segments need not read them (and join four tables) on every request:
// it reads only the translations.
type layoutCache struct {
	mu sync.Mutex
	m  map[layoutKey][]layoutSegment
}

// layoutSQL reads a revision's segments in order, with the source of the
// segment each derives from.
const layoutSQL = `SELECT s.id, rs.paragraph, rs.position, s.source, s.derived_from_id, p.source
FROM revision_segments rs
JOIN segments s ON s.id = rs.segment_id
LEFT JOIN segments p ON p.id = s.derived_from_id
WHERE rs.revision_id = ?
ORDER BY rs.ordinal`

// layout returns the segments of a revision, from the cache or read with db.
// The slice is shared: callers must not change it.
func (c *layoutCache) layout(db *gorm.DB, revision int64, created time.Time) ([]layoutSegment, error) {
	key := layoutKey{revision, created.UnixNano()}
	c.mu.Lock()
	l, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return l, nil
	}
	rs, err := db.Raw(layoutSQL, revision).Rows()
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	l = []layoutSegment{}
	for rs.Next() {
		var sg layoutSegment
		var derived sql.NullInt64
		var prev sql.NullString
		if err := rs.Scan(&sg.ID, &sg.Paragraph, &sg.Position, &sg.Source, &derived, &prev); err != nil {
			return nil, err
		}
		if derived.Valid {
			sg.DerivedFromID, sg.PreviousSource = &derived.Int64, prev.String
		}
		l = append(l, sg)
	}
	if err := rs.Err(); err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxCachedLayouts {
		c.m = map[layoutKey][]layoutSegment{}
	}
	c.m[key] = l
	c.mu.Unlock()
	return l, nil
}
