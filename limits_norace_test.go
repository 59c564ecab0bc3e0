//go:build !race

package declutter

const raceEnabled = false
