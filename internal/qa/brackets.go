package qa

import (
	"fmt"
	"strconv"
	"strings"
)

// bracket pairs; “ opens in English and closes „ in German-style quoting.
var closerOf = map[rune]rune{
	'(': ')', '[': ']', '{': '}', '«': '»', '„': '“', '“': '”', '‹': '›', '"': '"',
}

// isCloser lists characters that close a pair (“ is handled apart).
func isCloser(r rune) bool { return strings.ContainsRune(")]}»”›", r) }

// bracketProblem is an unclosed opener or an unexpected closer.
type bracketProblem struct {
	pos      int
	r        rune
	unclosed bool
}

// family groups quotation marks together, because a translation changes
// their style («» → “”) but should keep their balance.
func family(r rune) rune {
	switch r {
	case '(', ')':
		return '('
	case '[', ']':
		return '['
	case '{', '}':
		return '{'
	}
	return '"'
}

// bracketProblems finds the unbalanced quotes and brackets of s.
func bracketProblems(s string) []bracketProblem {
	type open struct {
		pos int
		r   rune
	}
	var stack []open
	var problems []bracketProblem
	for i, r := range s {
		top := rune(0)
		if len(stack) > 0 {
			top = stack[len(stack)-1].r
		}
		switch {
		case r == '"' && top == '"', r == '“' && top == '„', r == '”' && (top == '“' || top == '„'):
			stack = stack[:len(stack)-1]
		case r == '"', r == '“', r == '„', r == '«', r == '(', r == '[', r == '{', r == '‹':
			stack = append(stack, open{i, r})
		case isCloser(r):
			// Close the nearest matching opener; openers above it were left open.
			j := len(stack) - 1
			for j >= 0 && closerOf[stack[j].r] != r && !(r == '”' && stack[j].r == '„') {
				j--
			}
			if j < 0 {
				problems = append(problems, bracketProblem{pos: i, r: r})
				continue
			}
			for _, o := range stack[j+1:] {
				problems = append(problems, bracketProblem{pos: o.pos, r: o.r, unclosed: true})
			}
			stack = stack[:j]
		}
	}
	for _, o := range stack {
		problems = append(problems, bracketProblem{pos: o.pos, r: o.r, unclosed: true})
	}
	return problems
}

// class is the kind of a bracket problem: the family of the mark and
// whether it is left open or closes nothing.
type class struct {
	family   rune
	unclosed bool
}

func (p bracketProblem) class() class { return class{family(p.r), p.unclosed} }

// checkBrackets reports unbalanced quotes and brackets in the target,
// judged against the source: a source may legitimately leave marks
// unpaired (list items "1)", "а)"; a quote that runs on into the next
// sentence), and its translation then does the same. Of each kind of
// problem, the target is blamed only for those beyond the source's count;
// the first ones are taken to mirror the source.
func checkBrackets(c *checker) {
	tp := bracketProblems(c.in.Target)
	if len(tp) == 0 {
		return
	}
	sourceCount := map[class]int{}
	for _, p := range bracketProblems(c.in.Source) {
		sourceCount[p.class()]++
	}
	targetCount := map[class]int{}
	for _, p := range tp {
		targetCount[p.class()]++
	}
	seen := map[class]int{}
	for _, p := range tp {
		k := p.class()
		seen[k]++
		if seen[k] <= sourceCount[k] {
			continue
		}
		mark := string(p.r)
		problem, ctx, msg := "unopened", contextBefore(c.in.Target, p.pos), ""
		if p.unclosed {
			problem, ctx = "unclosed", contextAfter(c.in.Target, p.pos)
			msg = fmt.Sprintf("The target opens %q without closing it: %q.", mark, ctx)
		} else {
			msg = fmt.Sprintf("The target closes %q without opening it, after %q.", mark, ctx)
		}
		args := []string{"mark", mark, "context", ctx, "problem", problem}
		if n := sourceCount[k]; n > 0 {
			src, tgt := strconv.Itoa(n), strconv.Itoa(targetCount[k])
			msg = strings.TrimSuffix(msg, ".") + fmt.Sprintf(" (the source has %s such unpaired marks, the target %s).", src, tgt)
			args = append(args, "source_count", src, "target_count", tgt)
		}
		c.add(IDBrackets, msg, args...)
	}
}
