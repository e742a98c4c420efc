package loadtest

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// clockTick is the unit of /proc/PID/stat's CPU times (USER_HZ), 100 on
// every Linux platform Go runs on.
const clockTick = 10 * time.Millisecond

// processCPU is the CPU time a process has used, user and system, read from
// /proc; ok is false where there is no /proc (the report then leaves it out).
// On a machine shared with other work, CPU per request is steadier than
// requests per second.
func processCPU(pid int) (d time.Duration, ok bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, false
	}
	// The command name (field 2) may hold spaces; the fields after it do not.
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, false
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return time.Duration(utime+stime) * clockTick, true
}

// cpuStall is the machine's total time some task waited for a CPU (Linux's
// pressure stall information); ok is false where it is not available. Its
// growth over a phase shows how much other work competed for the CPUs.
func cpuStall() (d time.Duration, ok bool) {
	b, err := os.ReadFile("/proc/pressure/cpu")
	if err != nil {
		return 0, false
	}
	line, _, _ := strings.Cut(string(b), "\n") // "some avg10=... total=MICROSECONDS"
	for _, f := range strings.Fields(line) {
		if v, found := strings.CutPrefix(f, "total="); found {
			us, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return 0, false
			}
			return time.Duration(us) * time.Microsecond, true
		}
	}
	return 0, false
}
