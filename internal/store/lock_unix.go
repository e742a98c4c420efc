//go:build unix

package store

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// useLock marks the database at path as in use by this process for as long
// as the returned file stays open: a shared flock, which any number of
// servers and commands may hold at once and which restore's exclusive lock
// cannot take. (SQLite's own locks are fcntl locks, independent of flock.)
func useLock(path string) (*os.File, error) {
	return flock(path, syscall.LOCK_SH, "%s is being restored; try again when the restore has finished")
}

// exclusiveLock takes the database at path for a restore; it fails at once
// while any process has it open through Open.
func exclusiveLock(path string) (*os.File, error) {
	return flock(path, syscall.LOCK_EX, "%s is in use by a running tilmash (serve or another command); stop it before restoring")
}

// flock opens path and locks it without waiting; busy is the message, with
// the path, when another process holds a lock that excludes this one.
func flock(path string, how int, busy string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf(busy, path)
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return f, nil
}
