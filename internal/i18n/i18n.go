// Package i18n localizes the workspace's user interface: a go-i18n bundle of
// the message files in translations/, CLDR plural rules, and the choice of a
// language from a person's setting and the browser's Accept-Language. It knows
// nothing of HTTP frameworks: callers pass the header and cookie values.
package i18n

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	toml "github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"
)

// Default is the language of the interface when nothing else matches.
const Default = "ru"

// Complete lists the languages whose message files must hold every message,
// in the order the language switcher shows them.
func Complete() []string { return []string{"ru", "kk", "en"} }

// Option is one language of the switcher.
type Option struct {
	Tag  string // BCP 47, as stored in the cookie
	Name string // the language's own name ("қазақ тілі")
}

// Bundle is the loaded messages and the matcher between requested and
// available languages. It is read-only after New and safe for concurrent use.
type Bundle struct {
	b       *goi18n.Bundle
	tags    []language.Tag // available, the default first
	matcher language.Matcher
	ids     map[string]map[string]bool // language → message ids
	locs    map[string]*Localizer      // one per available language
}

// New loads every active.*.toml file of fsys.
func New(fsys fs.FS) (*Bundle, error) {
	b := goi18n.NewBundle(language.Make(Default))
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	files, err := fs.Glob(fsys, "active.*.toml")
	if err != nil {
		return nil, fmt.Errorf("list message files: %w", err)
	}
	ids := map[string]map[string]bool{}
	for _, f := range files {
		mf, err := b.LoadMessageFileFS(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("load message file %s: %w", f, err)
		}
		set := map[string]bool{}
		for _, m := range mf.Messages {
			set[m.ID] = true
		}
		ids[mf.Tag.String()] = set
	}
	for _, c := range Complete() {
		if ids[c] == nil {
			return nil, fmt.Errorf("message file %s is missing", path.Join("translations", "active."+c+".toml"))
		}
	}
	// The default language first: the matcher falls back to the first tag.
	tags := []language.Tag{language.Make(Default)}
	for _, t := range b.LanguageTags() {
		if t.String() != Default {
			tags = append(tags, t)
		}
	}
	bd := &Bundle{b: b, tags: tags, matcher: language.NewMatcher(tags), ids: ids, locs: map[string]*Localizer{}}
	for _, t := range tags {
		bd.locs[t.String()] = &Localizer{tag: t.String(), l: goi18n.NewLocalizer(b, t.String())}
	}
	return bd, nil
}

// IDs lists the message ids of one language's file, sorted.
func (b *Bundle) IDs(lang string) []string {
	out := make([]string, 0, len(b.ids[lang]))
	for id := range b.ids[lang] {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// Languages lists the languages that have a message file.
func (b *Bundle) Languages() []string {
	out := make([]string, len(b.tags))
	for i, t := range b.tags {
		out[i] = t.String()
	}
	return out
}

// Options are the switcher's choices: the complete languages, each named in itself.
func (b *Bundle) Options() []Option {
	complete := Complete()
	out := make([]Option, len(complete))
	for i, c := range complete {
		out[i] = Option{Tag: c, Name: b.locs[c].T("lang.self")}
	}
	return out
}

// Match chooses the interface language: the person's choice (the cookie's
// value) when it names an available language, then the best match of the
// Accept-Language header, then Russian. A browser asking only for a language
// we lack (say "ky") gets Russian, the working language of the region, unless
// it also accepts one we have ("ky, en;q=0.5" → English).
func (b *Bundle) Match(choice, acceptLanguage string) string {
	if choice != "" {
		if t, err := language.Parse(choice); err == nil {
			if _, ok := b.locs[t.String()]; ok {
				return t.String()
			}
		}
	}
	if acceptLanguage == "" {
		return Default
	}
	wanted, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(wanted) == 0 {
		return Default
	}
	_, i, conf := b.matcher.Match(wanted...)
	if conf == language.No {
		return Default
	}
	return b.tags[i].String()
}

// Localizer returns the localizer of an available language (as Match returns
// it); any other tag gets the default language's.
func (b *Bundle) Localizer(lang string) *Localizer {
	if l, ok := b.locs[lang]; ok {
		return l
	}
	return b.locs[Default]
}

// Localizer turns message ids into text in one language. Templates call its
// methods: {{.L.T "editor.save"}}, {{.L.N "common.segments" 5}}.
type Localizer struct {
	tag string
	l   *goi18n.Localizer
}

// Tag is the language of the localizer.
func (l *Localizer) Tag() string { return l.tag }

// T returns the message id with optional template data given as key, value
// pairs: T("signin.wait", "Seconds", 3). A missing message shows its id, so a
// gap is visible rather than blank (and the message-id test fails on it).
func (l *Localizer) T(id string, kv ...any) string {
	out, err := l.l.Localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data(kv)})
	if err != nil && out == "" {
		return id
	}
	return out
}

// Lookup returns the message id filled with data, and false when the
// language has no such message (the caller then keeps its own wording).
func (l *Localizer) Lookup(id string, data map[string]string) (string, bool) {
	out, err := l.l.Localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data})
	if err != nil || out == "" || strings.Contains(out, "<no value>") {
		return "", false
	}
	return out, true
}

// N returns the plural form of the message for count n, with the count
// available as {{.Count}} and further data as key, value pairs.
func (l *Localizer) N(id string, n int, kv ...any) string {
	d := data(kv)
	if d == nil {
		d = map[string]any{}
	}
	d["Count"] = n
	out, err := l.l.Localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: d, PluralCount: n})
	if err != nil && out == "" {
		return id
	}
	return out
}

func data(kv []any) map[string]any {
	if len(kv) == 0 {
		return nil
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		k, _ := kv[i].(string)
		m[strings.TrimSpace(k)] = kv[i+1]
	}
	return m
}
