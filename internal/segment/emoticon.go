package segment

import "strings"

// emoticonAt reads the run of ")" or "(" at p[i] and the eyes before it (":", ";-" ...). It
// returns the run as a cluster, marked emoticon when it is one: a run after eyes (":)", ";-)",
// "=)))") or a bare run of two or more ("))", "((("). The cluster's end is the end of the run
// either way, so the scanner reads each run once.
func (s *Segmenter) emoticonAt(p string, start, i int) cluster {
	b := p[i]
	j := i
	for j < len(p) && p[j] == b {
		j++
	}
	c := cluster{start: i, end: j}
	if j-i == 1 && (i == start || !s.eyeEnd[p[i-1]]) {
		return c // a lone bracket, the common case
	}
	for _, eyes := range s.eyes {
		if i-len(eyes) >= start && strings.HasSuffix(p[:i], eyes) {
			c.start = i - len(eyes)
			c.emoticon = true
			return c
		}
	}
	c.emoticon = j-i >= 2
	c.bare = c.emoticon
	return c
}

// afterEmoticon: an emoticon ends the sentence before a capital letter, a @mention or another
// symbol, with a space between ("Спасибо :) Увидимся завтра.", "хозяин)) Кто …").
func (s *Segmenter) afterEmoticon(p string, c cluster) decision {
	f := lookAhead(p, c.end)
	switch {
	case f.class == nextEnd:
		return keep(ruleParagraphEnd).on(c.start, c.end)
	case f.class == nextOther && s.trailing(p, f.at):
		return keep(ruleTrailing).on(c.start, c.end)
	}
	return verdict(f.space && (f.class == nextUpper || f.class == nextOther), ruleEmoticon).on(c.start, c.end)
}
