package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"tilmash/internal/store"
	"tilmash/internal/workflow"
)

// releaseLink is one release as the publish page lists it.
type releaseLink struct {
	Number      int
	Revision    int
	URL         string
	PublishedAt time.Time
	By          string
	Partial     bool // some segments shown in the source language, on a waiver
	Withdrawn   bool // its URL answers 410 Gone
}

// publishLang is one language's readiness and releases.
type publishLang struct {
	Tag, Native, Dir string
	Approved, Total  int
	Ready            bool
	Action           string
	Releases         []releaseLink
	Latest           string // the public "latest" link, when released
	Just             bool   // published by the request that led here
}

type publishView struct {
	DocID      int64
	Title      string
	Revision   int
	Langs      []publishLang
	CanPublish bool
}

// publishPage: GET /publish/:id — per language, n of N approved, a publish
// button when all are, and the releases with their public links.
func (s *Server) publishPage(c *gin.Context) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.failPage(c, err)
		return
	}
	ctx, a, l := c.Request.Context(), actor(c), s.localizer(c)
	doc, err := s.store.Document(ctx, id)
	if err != nil {
		s.failPage(c, err)
		return
	}
	langs, err := s.store.TargetLanguages(ctx)
	if err != nil {
		s.failPage(c, err)
		return
	}
	rels, err := s.store.Releases(ctx, id)
	if err != nil {
		s.failPage(c, err)
		return
	}
	v := publishView{DocID: id, Title: doc.Title, Revision: doc.Revision, CanPublish: a.CanPublish()}
	for _, lg := range langs {
		counts := doc.Counts[lg.Tag]
		pl := publishLang{Tag: lg.Tag, Native: lg.NativeName, Dir: lg.Direction, Approved: counts[workflow.Approved],
			Total: len(doc.Segments), Just: c.Query("published") == lg.Tag,
			Action: fmt.Sprintf("/publish/%d/%s", id, url.PathEscape(lg.Tag))}
		pl.Ready = pl.Total > 0 && pl.Approved == pl.Total
		for _, r := range rels { // newest first
			if r.Lang != lg.Tag {
				continue
			}
			pl.Releases = append(pl.Releases, releaseLink{Number: r.Number, Revision: r.Revision, PublishedAt: r.PublishedAt,
				By: r.PublishedBy, URL: releasePath(id, r.Lang, strconv.Itoa(r.Number)), Partial: r.Partial, Withdrawn: r.Withdrawn != nil})
			if r.Withdrawn == nil {
				pl.Latest = releasePath(id, r.Lang, "latest")
			}
		}
		v.Langs = append(v.Langs, pl)
	}
	s.render(c, http.StatusOK, viewPublish, l.T("publish.title"), v)
}

// publishRelease: POST /publish/:id/:lang {csrf} releases the approved text.
func (s *Server) publishRelease(c *gin.Context) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.failPage(c, err)
		return
	}
	res, err := s.store.PublishLanguages(c.Request.Context(), actor(c), id, store.PublishRequest{Langs: []string{c.Param("lang")}})
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.announce(c, res.Releases) // the webhooks hear of workspace releases as of API ones
	r, err := res.Single()
	if err != nil {
		s.failPage(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/publish/%d?published=%s#lang-%s", id, url.QueryEscape(r.Lang), r.Lang))
}
