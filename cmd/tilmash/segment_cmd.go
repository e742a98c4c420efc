package main

import (
	"bufio"
	"io"

	"tilmash/internal/language"
	"tilmash/internal/segment"
)

func cmdSegment(args []string, stdin io.Reader, stdout io.Writer) error {
	fs := newFlags("segment")
	lang := fs.String("lang", language.Source, "language of the text")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	w := bufio.NewWriterSize(stdout, 64<<10)
	if err := segment.For(*lang).Stream(stdin, w); err != nil {
		w.Flush()
		return err
	}
	return w.Flush()
}
