//go:build race

package declutter

// raceEnabled: the race detector slows the million-element tests about
// tenfold; they run in the plain test run.
const raceEnabled = true
