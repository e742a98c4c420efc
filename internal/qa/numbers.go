package qa

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// number is a number found in a text. Its canonical value (ASCII digits,
// no grouping, no leading zeros, "." before a fraction without trailing
// zeros) sits in numberScanner.values.
type number struct {
	start, end     int
	vStart, vEnd   int
	optional, used bool
}

// numberScanner finds numbers in text, reading digit grouping the way any
// of our locales writes it: "1 000", "1 000" (no-break), "1,000", "1.000",
// "1'000", Arabic "١٬٠٠٠"; decimals "2,5", "2.5", "٢٫٥"; dates
// "16.07.2019" (whose month may be written as a word in the target, so it is
// optional).
type numberScanner struct {
	native bool // Arabic-Indic and Persian digits count
	values []byte
	runs   []digitRun
}

// digitRun is a maximal run of digits and the separator that follows it
// (0 when the number ends there).
type digitRun struct {
	start, end   int
	vStart, vEnd int // the digits in ASCII, in values
	sep          rune
}

func isGroupSep(r rune) bool {
	switch r {
	case ' ', '\u00a0', '\u202f', '\u2009', ',', '.', '\'', '’', '٬':
		return true
	}
	return false
}

// groupClass makes all space-like group separators one class, so
// "1 000 000" with mixed no-break spaces is still one number.
func groupClass(r rune) rune {
	switch r {
	case ' ', '\u00a0', '\u202f', '\u2009':
		return ' '
	}
	return r
}

func isDecimalSep(r rune) bool { return r == ',' || r == '.' || r == '٫' }

func isDateSep(r rune) bool { return r == '.' || r == '/' }

// digit returns the value of r as a decimal digit.
func (ns *numberScanner) digit(r rune) (byte, bool) {
	switch {
	case r >= '0' && r <= '9':
		return byte(r - '0'), true
	case ns.native && r >= '٠' && r <= '٩':
		return byte(r - '٠'), true
	case ns.native && r >= '۰' && r <= '۹':
		return byte(r - '۰'), true
	}
	return 0, false
}

// scan appends the numbers of s to dst.
func (ns *numberScanner) scan(s string, dst []number) []number {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if _, ok := ns.digit(r); !ok {
			i += size
			continue
		}
		i = ns.readRuns(s, i)
		dst = ns.interpret(s, dst)
	}
	return dst
}

// readRuns reads digit runs joined by single separators from i and returns
// the offset after the last digit.
func (ns *numberScanner) readRuns(s string, i int) int {
	ns.runs = ns.runs[:0]
	for {
		run := digitRun{start: i, vStart: len(ns.values)}
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			d, ok := ns.digit(r)
			if !ok {
				break
			}
			ns.values = append(ns.values, '0'+d)
			i += size
		}
		run.end, run.vEnd = i, len(ns.values)
		sep, size := utf8.DecodeRuneInString(s[i:])
		if i < len(s) && (isGroupSep(sep) || isDecimalSep(sep) || isDateSep(sep)) && i+size < len(s) {
			if next, _ := utf8.DecodeRuneInString(s[i+size:]); ns.isDigit(next) {
				run.sep = sep
				ns.runs = append(ns.runs, run)
				i += size
				continue
			}
		}
		ns.runs = append(ns.runs, run)
		return i
	}
}

func (ns *numberScanner) isDigit(r rune) bool { _, ok := ns.digit(r); return ok }

func (r digitRun) digits() int { return r.vEnd - r.vStart }

// interpret turns the runs just read into numbers.
func (ns *numberScanner) interpret(s string, dst []number) []number {
	runs := ns.runs
	for k := 0; k < len(runs); {
		rk := runs[k]
		switch {
		case k+2 < len(runs) && isDateSep(rk.sep) && runs[k+1].sep == rk.sep &&
			rk.digits() <= 2 && runs[k+1].digits() <= 2 && (runs[k+2].digits() == 2 || runs[k+2].digits() == 4):
			dst = append(dst, ns.single(rk), ns.single(runs[k+1]), ns.single(runs[k+2]))
			dst[len(dst)-2].optional = true
			k += 3
		case k+1 < len(runs) && rk.digits() <= 3 && isGroupSep(rk.sep) && runs[k+1].digits() == 3:
			group := groupClass(rk.sep)
			j := k + 1
			for j+1 < len(runs) && groupClass(runs[j].sep) == group && runs[j+1].digits() == 3 {
				j++
			}
			var frac *digitRun
			if j+1 < len(runs) && isDecimalSep(runs[j].sep) && runs[j].sep != group {
				frac = &runs[j+1]
			}
			n := number{start: rk.start, end: runs[j].end, vStart: len(ns.values)}
			for _, g := range runs[k : j+1] {
				ns.values = append(ns.values, ns.values[g.vStart:g.vEnd]...)
			}
			if frac != nil {
				n.end = frac.end
				ns.appendFraction(*frac)
				j++
			}
			n.vEnd = len(ns.values)
			ns.trimLeadingZeros(&n)
			dst = append(dst, n)
			k = j + 1
		case k+1 < len(runs) && isDecimalSep(rk.sep):
			n := number{start: rk.start, end: runs[k+1].end, vStart: len(ns.values)}
			ns.values = append(ns.values, ns.values[rk.vStart:rk.vEnd]...)
			ns.appendFraction(runs[k+1])
			n.vEnd = len(ns.values)
			ns.trimLeadingZeros(&n)
			dst = append(dst, n)
			k += 2
		default:
			dst = append(dst, ns.single(rk))
			k++
		}
	}
	return dst
}

func (ns *numberScanner) single(r digitRun) number {
	n := number{start: r.start, end: r.end, vStart: r.vStart, vEnd: r.vEnd}
	ns.trimLeadingZeros(&n)
	return n
}

// appendFraction appends "." and the fraction's digits without trailing
// zeros ("2,50" equals "2.5"); a fraction of zeros adds nothing.
func (ns *numberScanner) appendFraction(f digitRun) {
	digits := bytes.TrimRight(ns.values[f.vStart:f.vEnd], "0")
	if len(digits) == 0 {
		return
	}
	ns.values = append(ns.values, '.')
	ns.values = append(ns.values, digits...)
}

// trimLeadingZeros drops leading zeros of the integer part ("07" is "7").
func (ns *numberScanner) trimLeadingZeros(n *number) {
	for n.vEnd-n.vStart > 1 && ns.values[n.vStart] == '0' && ns.values[n.vStart+1] != '.' {
		n.vStart++
	}
}

func (ns *numberScanner) value(n number) []byte { return ns.values[n.vStart:n.vEnd] }

// checkNumbers requires every number of the source in the target. A missing
// number paired with a number only the target has is reported as changed.
func checkNumbers(c *checker) {
	ns := numberScanner{native: true}
	var buf [32]number
	src := ns.scan(c.in.Source, buf[:0])
	ns.native = c.p.nativeDigits
	tgt := ns.scan(c.in.Target, make([]number, 0, len(src)+2))
	var missing []number
	for _, n := range src {
		if !n.optional && !ns.take(tgt, n) {
			missing = append(missing, n)
		}
	}
	for _, n := range src {
		if n.optional {
			ns.take(tgt, n)
		}
	}
	var extra []number
	for _, t := range tgt {
		// The month of a numeric date may stand for a month name in the source.
		if !t.used && !t.optional {
			extra = append(extra, t)
		}
	}
	for i, m := range missing {
		form := c.in.Source[m.start:m.end]
		if i < len(extra) {
			found := c.in.Target[extra[i].start:extra[i].end]
			c.add(IDNumberChanged, fmt.Sprintf("The number %q in the source appears as %q in the target.", form, found),
				"number", form, "found", found)
		} else {
			c.add(IDNumberMissing, fmt.Sprintf("The number %q from the source is missing in the target.", form), "number", form)
		}
	}
	for _, e := range extra[min(len(missing), len(extra)):] {
		form := c.in.Target[e.start:e.end]
		c.add(IDNumberExtra, fmt.Sprintf("The target has the number %q, which is not in the source.", form), "number", form)
	}
}

// take marks the first unused number in tgt with the value of n as used.
func (ns *numberScanner) take(tgt []number, n number) bool {
	v := ns.value(n)
	for i := range tgt {
		if !tgt[i].used && bytes.Equal(ns.value(tgt[i]), v) {
			tgt[i].used = true
			return true
		}
	}
	return false
}
