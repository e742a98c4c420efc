package app

import (
	"slices"
	"sync"

	"tilmash/internal/glossary"
	"tilmash/internal/qa"
)

// maxCachedChecks bounds the findings kept per language; past it the cache
// starts again empty, which costs only recomputation.
const maxCachedChecks = 50_000

// checkKey is what findings depend on besides the language's glossary.
type checkKey struct{ source, target string }

// langChecks remembers the findings of one language's translations, computed
// with one glossary matcher: a change to the language's terms builds a new
// matcher (glossary.go), and findings made with the old one are dropped.
type langChecks struct {
	mu       sync.Mutex
	gl       *glossary.Glossary
	findings map[checkKey][]qa.Finding
}

// checkCache is the findings of every language. Checks are a pure function
// of source, target, language and terms, so a list of 200 segments need not
// run them 200 times on every request. Only the terms can change under a
// finding, and they are held by the glossary matcher the findings are keyed
// to: when the change log drops a language's matcher (another process's
// term change included), its findings go with it.
type checkCache struct {
	mu    sync.Mutex
	langs map[string]*langChecks
}

func (c *checkCache) forLang(lang string) *langChecks {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.langs == nil {
		c.langs = map[string]*langChecks{}
	}
	lc := c.langs[lang]
	if lc == nil {
		lc = &langChecks{}
		c.langs[lang] = lc
	}
	return lc
}

// get returns the findings of a translation, computing them on a miss. The
// result is qa.Check's own (nil when clean) in a slice of the caller's.
func (lc *langChecks) get(gl *glossary.Glossary, lang, source, target string) []qa.Finding {
	k := checkKey{source, target}
	lc.mu.Lock()
	if lc.gl != gl {
		lc.gl, lc.findings = gl, map[checkKey][]qa.Finding{}
	}
	f, ok := lc.findings[k]
	lc.mu.Unlock()
	if ok {
		return slices.Clone(f)
	}
	f = qa.Check(qa.Input{Source: source, Target: target, Lang: lang, Terms: gl.Match(source)})
	lc.mu.Lock()
	if lc.gl == gl {
		if len(lc.findings) >= maxCachedChecks {
			lc.findings = map[checkKey][]qa.Finding{}
		}
		lc.findings[k] = f
	}
	lc.mu.Unlock()
	return slices.Clone(f)
}

// checkWith runs the quality checks of a translation with gl, its
// language's glossary matcher: the findings, never nil.
func (a *App) checkWith(gl *glossary.Glossary, source, target, lang string) []qa.Finding {
	f := a.checks.forLang(lang).get(gl, lang, source, target)
	if f == nil {
		f = []qa.Finding{}
	}
	return f
}
