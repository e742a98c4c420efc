//go:build !unix

package store

import "os"

// useLock only opens the file where flock is not available.
func useLock(path string) (*os.File, error) { return os.Open(path) }

// exclusiveLock only opens the file where flock is not available.
func exclusiveLock(path string) (*os.File, error) { return os.Open(path) }
