package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"tilmash/internal/language"
	"tilmash/internal/segment"
)

func cmdSegment(args []string, stdin io.Reader, stdout io.Writer) error {
	fs := newFlags("segment")
	lang := fs.String("lang", language.Source, "language of the text")
	explain := fs.Bool("explain", false, "after each segment, print every candidate sentence end in it and the rule that split or kept it")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	w := bufio.NewWriterSize(stdout, 64<<10)
	seg := segment.For(*lang)
	var err error
	if *explain {
		err = explainSegments(seg, stdin, w)
	} else {
		err = seg.Stream(stdin, w)
	}
	if err != nil {
		w.Flush()
		return err
	}
	return w.Flush()
}

// explainSegments prints the segments as Stream does, each followed by its candidate sentence
// ends, one a line, indented with a tab:
//
//	<tab>split|keep<tab>context with | at the candidate<tab>rule: reason
//
// It reads the whole input: explaining is for a paragraph someone complains about, not for bulk.
func explainSegments(seg *segment.Segmenter, r io.Reader, w io.Writer) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("segment: read: %w", err)
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("segment: input is not valid UTF-8")
	}
	for i, p := range seg.Explain(string(data)) {
		if i > 0 {
			fmt.Fprintln(w)
		}
		next, from, runes := 0, 0, 0
		for _, s := range p.Sentences {
			at := from + strings.Index(p.Text[from:], s)
			runes += utf8.RuneCountInString(p.Text[from:at]) + utf8.RuneCountInString(s)
			from = at + len(s)
			fmt.Fprintln(w, s)
			for ; next < len(p.Boundaries) && p.Boundaries[next].Offset < runes; next++ {
				writeBoundary(w, p.Boundaries[next])
			}
		}
		for ; next < len(p.Boundaries); next++ {
			writeBoundary(w, p.Boundaries[next])
		}
	}
	return nil
}

func writeBoundary(w io.Writer, b segment.Boundary) {
	verdict := "keep"
	if b.Split {
		verdict = "split"
	}
	fmt.Fprintf(w, "\t%s\t%s\t%s: %s\n", verdict, b.Context, b.Rule, b.Reason)
}
