package public

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"tilmash/internal/app"
	"time"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
	"tilmash/internal/publish"
)

// feedEntries bounds the entries of a feed.
const feedEntries = 50

// languageFeed serves /feeds/LANG.atom: every document's releases in one
// language. A delegation subscribes once, in its language, and hears of
// new documents too; /releases/DOC/LANG/feed.atom narrows it to one document.
func (s *Server) languageFeed(c *gin.Context) {
	tag, ok := strings.CutSuffix(c.Param("file"), ".atom")
	if !ok {
		s.fail(c, apperr.New(apperr.NotFound, "no feed %q: feeds are at /feeds/LANG.atom", c.Param("file")))
		return
	}
	s.feed(c, tag, 0)
}

// feed writes the Atom feed of releases in lang, of document doc or of all (doc 0).
func (s *Server) feed(c *gin.Context, tag string, doc int64) {
	ctx := c.Request.Context()
	l, err := s.app.TargetLanguage(ctx, tag)
	if err != nil {
		s.fail(c, apperr.New(apperr.NotFound, "no feed in %q: %v", tag, err))
		return
	}
	rs, err := s.app.FeedReleases(ctx, l.Tag, doc, feedEntries)
	if err != nil {
		s.fail(c, err)
		return
	}
	base := s.baseURL(c)
	labels := publish.LabelsFor(l.Tag)
	f := publish.Feed{Lang: l.Tag, Title: "Tilmash · " + l.NativeName, SelfURL: base + "/feeds/" + l.Tag + ".atom",
		Updated: time.Now().UTC().Truncate(time.Second)}
	if doc > 0 {
		if len(rs) == 0 {
			if _, err := s.app.Document(ctx, doc); err != nil {
				s.fail(c, err)
				return
			}
		} else {
			f.Title = releaseName(rs[0]) + " · " + l.NativeName
		}
		f.SelfURL = base + publish.ReleasePath(doc, l.Tag, "feed.atom")
	}
	f.ID = f.SelfURL
	for _, r := range rs {
		url := base + publish.ReleasePath(r.DocumentID, r.Lang, strconv.Itoa(r.Number))
		e := publish.FeedEntry{ID: url, URL: url, Lang: r.Lang, Published: r.PublishedAt, Updated: r.PublishedAt,
			Title: fmt.Sprintf("%s · %s %d", releaseName(r), labels.Release, r.Number)}
		if r.Partial {
			e.Summary = labels.Partial
		}
		if r.Withdrawn != nil {
			e.Title = labels.Withdrawn + ": " + e.Title
			e.Updated = r.Withdrawn.At
			e.Summary = labels.Reason + ": " + r.Withdrawn.Reason
		}
		f.Entries = append(f.Entries, e)
	}
	var buf bytes.Buffer
	if err := publish.WriteAtom(&buf, f); err != nil {
		s.fail(c, err)
		return
	}
	writePublic(c, http.StatusOK, "atom", l.Tag, cacheLatest, buf.Bytes())
}

// releaseName is what a feed calls a release: its headline in the feed's
// language, or the document's title when the document has no headline.
func releaseName(r app.ReleaseView) string {
	if r.Headline != "" {
		return r.Headline
	}
	return r.Title
}
