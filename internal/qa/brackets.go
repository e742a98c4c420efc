package qa

import (
	"fmt"
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

// signature summarises problems by family, so a target that mirrors an
// unbalanced source is not blamed for it.
func signature(ps []bracketProblem) string {
	counts := map[string]int{}
	for _, p := range ps {
		counts[fmt.Sprintf("%c%v", family(p.r), p.unclosed)]++
	}
	return fmt.Sprint(counts)
}

// checkBrackets reports unbalanced quotes and brackets in the target,
// unless the source is unbalanced in the same way.
func checkBrackets(c *checker) {
	tp := bracketProblems(c.in.Target)
	if len(tp) == 0 {
		return
	}
	if sp := bracketProblems(c.in.Source); len(sp) > 0 && signature(sp) == signature(tp) {
		return
	}
	for _, p := range tp {
		if p.unclosed {
			c.add(IDBrackets, fmt.Sprintf("The target opens %q without closing it: %q.", string(p.r), contextAfter(c.in.Target, p.pos)))
		} else {
			c.add(IDBrackets, fmt.Sprintf("The target closes %q without opening it, after %q.", string(p.r), contextBefore(c.in.Target, p.pos)))
		}
	}
}
