package workspace

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"tilmash/internal/app"
	"tilmash/internal/server/httpx"
	"time"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
	"tilmash/internal/publish"
	"tilmash/internal/workflow"
)

// releaseLink is one release as the publish page lists it.
type releaseLink struct {
	ID          int64
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
	Missing          int  // segments not approved: shown in Russian by a partial release
	Ready            bool // in full (publish.Ready)
	CanPartial       bool // with a waiver: at least one segment approved
	Action           string
	Releases         []releaseLink
	Latest           string        // the public "latest" link, when released
	Just             bool          // published by the request that led here
	Same             int           // the request that led here changed nothing: the live release's number
	Withdrew         int           // the request that led here withdrew this release
	Error            string        // localized: why the last action on this language was refused
	Detail           string        // the application's precise reason
	Reason           string        // the reason typed before a refusal, to type it not again
	Form             string        // which form the error belongs to: "partial" or "withdraw-N"
	Blockers         []blockerLink // the first segments not approved, linked to the editor
	MoreBlockers     int           // not approved beyond those listed
	EditorURL        string
}

type publishView struct {
	DocID      int64
	Title      string
	Revision   int
	Langs      []publishLang
	CanPublish bool
	// The several-languages form: its action, the languages it offers (those
	// ready in full), the refusal of its last submission, and what the
	// submission that led here published.
	MultiAction string
	MultiLangs  []publishLang
	MultiError  string
	MultiDetail string
	MultiDone   string
}

// publishPage: GET /publish/:id — per language, n of N approved, a publish
// button when all are, and the releases with their public links.
func (s *Server) publishPage(c *gin.Context) {
	s.renderPublish(c, http.StatusOK, publishLang{})
}

// renderPublish shows the publish page; failed, when its Tag is set, carries
// the refusal of the last action on that language.
func (s *Server) renderPublish(c *gin.Context, status int, failed publishLang) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.failPage(c, err)
		return
	}
	ctx, a, l := c.Request.Context(), actor(c), s.localizer(c)
	doc, err := s.app.Document(ctx, id)
	if err != nil {
		s.failPage(c, err)
		return
	}
	langs, err := s.app.TargetLanguages(ctx)
	if err != nil {
		s.failPage(c, err)
		return
	}
	rels, err := s.app.Releases(ctx, id)
	if err != nil {
		s.failPage(c, err)
		return
	}
	v := publishView{DocID: id, Title: doc.Title, Revision: doc.Revision, CanPublish: a.CanPublish(), MultiAction: publishPath(id),
		MultiDone: c.Query("multi")}
	if failed.Form == "multi" {
		v.MultiError, v.MultiDetail = failed.Error, failed.Detail
	} else if nr := c.Query("notready"); nr != "" {
		v.MultiError, v.MultiDetail = l.T("publish.failed"), "not every segment is approved in "+nr
	}
	just := map[string]bool{}
	for _, t := range strings.Split(c.Query("published"), ",") {
		just[t] = t != ""
	}
	unchanged := map[string]bool{}
	for _, t := range strings.Split(c.Query("unchanged"), ",") {
		unchanged[t] = t != ""
	}
	pages := editorPages(doc.Segments)
	for _, lg := range langs {
		counts := doc.Counts[lg.Tag]
		pl := publishLang{Tag: lg.Tag, Native: lg.NativeName, Dir: lg.Direction, Approved: counts[workflow.Approved],
			Total: len(doc.Segments), Just: just[lg.Tag] || unchanged[lg.Tag],
			Action: fmt.Sprintf("/publish/%d/%s", id, url.PathEscape(lg.Tag)), EditorURL: editorPath(id, lg.Tag)}
		if pl.Just {
			pl.Same, pl.Withdrew = atoi(c.Query("same")), atoi(c.Query("withdrew"))
		}
		if failed.Tag == lg.Tag {
			pl.Error, pl.Detail, pl.Reason, pl.Form, pl.Just = failed.Error, failed.Detail, failed.Reason, failed.Form, false
		}
		pl.Ready, pl.CanPartial = publish.Ready(pl.Approved, pl.Total)
		pl.Missing = pl.Total - pl.Approved
		if pl.Missing > 0 {
			bs, err := s.app.ReleaseBlockers(ctx, id, lg.Tag, maxBlockersShown)
			if err != nil {
				s.failPage(c, err)
				return
			}
			pl.Blockers, pl.MoreBlockers = blockerLinks(id, lg.Tag, bs, pages), pl.Missing-len(bs)
		}
		for _, r := range rels { // newest first
			if r.Lang != lg.Tag {
				continue
			}
			pl.Releases = append(pl.Releases, releaseLink{ID: r.ID, Number: r.Number, Revision: r.Revision, PublishedAt: r.PublishedAt,
				By: r.PublishedBy, URL: publish.ReleasePath(id, r.Lang, strconv.Itoa(r.Number)), Partial: r.Partial, Withdrawn: r.Withdrawn != nil})
			if r.Withdrawn == nil {
				pl.Latest = publish.ReleasePath(id, r.Lang, "latest")
				if unchanged[lg.Tag] && pl.Same == 0 {
					pl.Same = r.Number
				}
			}
		}
		if pl.Ready {
			v.MultiLangs = append(v.MultiLangs, pl)
		}
		v.Langs = append(v.Langs, pl)
	}
	s.render(c, status, viewPublish, l.T("publish.title"), v)
}

// publishRelease: POST /publish/:id/:lang {csrf} releases the approved
// text. With {mode=partial, allow_partial=1, reason} it releases what is
// approved and shows the Russian source for the rest, on the stated reason.
// When the text is the live release's already, no release is made and the
// page says so.
func (s *Server) publishRelease(c *gin.Context) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.failPage(c, err)
		return
	}
	lang := c.Param("lang")
	req, form := app.PublishRequest{Langs: []string{lang}}, ""
	if c.PostForm("mode") == "partial" {
		form = "partial"
		req.AllowPartial, req.Reason = true, strings.TrimSpace(c.PostForm("reason"))
		switch {
		case c.PostForm("allow_partial") != "1":
			s.publishRefused(c, lang, "partial", req.Reason, "publish.partial_confirm", nil)
			return
		case req.Reason == "":
			s.publishRefused(c, lang, "partial", req.Reason, "publish.reason_required", nil)
			return
		}
	}
	res, err := s.app.PublishLanguages(c.Request.Context(), actor(c), id, req)
	if err != nil {
		s.publishRefused(c, lang, form, req.Reason, "", err)
		return
	}
	r, err := res.Single()
	if err != nil {
		s.publishRefused(c, lang, form, req.Reason, "", err)
		return
	}
	q := url.Values{"published": {r.Lang}}
	if len(res.Releases) == 0 {
		q.Set("same", strconv.Itoa(r.Number))
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/publish/%d?%s#lang-%s", id, q.Encode(), r.Lang))
}

// withdrawReleaseForm: POST /publish/:id/:lang/withdraw {csrf, number, reason}
// takes a live release off the public, as the API's withdraw does, and tells
// the webhooks.
func (s *Server) withdrawReleaseForm(c *gin.Context) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.failPage(c, err)
		return
	}
	ctx, lang := c.Request.Context(), c.Param("lang")
	number := atoi(c.PostForm("number"))
	form := "withdraw-" + strconv.Itoa(number)
	reason := strings.TrimSpace(c.PostForm("reason"))
	if !actor(c).CanPublish() {
		s.publishRefused(c, lang, form, reason, "", apperr.New(apperr.Forbidden, "%s may not withdraw releases", actor(c).Name))
		return
	}
	if reason == "" {
		s.publishRefused(c, lang, form, reason, "publish.withdraw_reason_required", nil)
		return
	}
	rels, err := s.app.Releases(ctx, id)
	if err != nil {
		s.failPage(c, err)
		return
	}
	var rid int64
	for _, r := range rels {
		if r.Lang == lang && r.Number == number {
			rid = r.ID
		}
	}
	if rid == 0 {
		s.failPage(c, apperr.New(apperr.NotFound, "document %d has no release %d in %s", id, number, lang))
		return
	}
	r, err := s.app.Withdraw(ctx, actor(c), app.WithdrawRequest{ID: rid, Reason: reason, PublicURL: s.baseURL(c)})
	if err != nil {
		s.publishRefused(c, lang, form, reason, "", err)
		return
	}
	q := url.Values{"published": {r.Lang}, "withdrew": {strconv.Itoa(r.Number)}}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/publish/%d?%s#lang-%s", id, q.Encode(), r.Lang))
}

// publishRefused shows the publish page again with why an action on lang was
// refused: msgID when the form was incomplete, else the application's error.
// The reason typed is kept so nobody types it twice.
func (s *Server) publishRefused(c *gin.Context, lang, form, reason, msgID string, err error) {
	l := s.localizer(c)
	status, detail := http.StatusBadRequest, ""
	if err != nil {
		e, ok := apperr.As(err)
		if !ok {
			s.failPage(c, err)
			return
		}
		status, detail, msgID = httpx.StatusOf(e.Code), e.Message, "publish.failed"
		if e.Code == apperr.Forbidden {
			msgID = "publish.forbidden"
		}
	}
	tag := lang
	if lg, err := s.app.TargetLanguage(c.Request.Context(), lang); err == nil {
		tag = lg.Tag
	}
	s.renderPublish(c, status, publishLang{Tag: tag, Error: l.T(msgID), Detail: detail, Reason: reason, Form: form})
}
