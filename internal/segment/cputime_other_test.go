//go:build !unix

package segment

import "time"

// processCPU is unavailable here; benchmarks then report no CPU throughput.
func processCPU() time.Duration { return 0 }
