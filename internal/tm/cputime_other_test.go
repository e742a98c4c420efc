//go:build !linux

package tm

import "time"

func threadCPU() time.Duration { return 0 }

const haveThreadCPU = false
