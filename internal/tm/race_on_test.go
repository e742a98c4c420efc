//go:build race

package tm

// raceEnabled: the race detector slows this package's tests about tenfold, so big tests do less.
const raceEnabled = true
