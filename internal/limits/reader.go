package limits

import "io"

// Reader passes at most Limit bytes of R and fails on the next one, so that a
// file of exactly Limit bytes is read in full and a bigger one is refused
// without reading the rest of it. What is the kind of file, for the message.
type Reader struct {
	R     io.Reader
	Limit int64
	What  string // "glossary file"
	read  int64
}

// Read implements io.Reader; past the limit it returns an *Error (too_large).
func (r *Reader) Read(p []byte) (int, error) {
	if r.read > r.Limit {
		return 0, r.err()
	}
	if left := r.Limit + 1 - r.read; int64(len(p)) > left {
		p = p[:left] // one byte more than the limit tells a file of exactly the limit from a bigger one
	}
	n, err := r.R.Read(p)
	r.read += int64(n)
	if r.read > r.Limit {
		return n - int(r.read-r.Limit), r.err()
	}
	return n, err
}

func (r *Reader) err() error {
	return TooLarge(0, "the %s is larger than %s", r.What, Size(r.Limit))
}
