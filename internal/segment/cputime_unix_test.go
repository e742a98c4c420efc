//go:build unix

package segment

import (
	"syscall"
	"time"
)

// processCPU is the CPU time the test process has used (all threads, garbage collector included).
// Benchmarks report throughput per CPU second beside wall-clock MB/s, because the machine they
// run on is shared and wall time measures the neighbours too.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
