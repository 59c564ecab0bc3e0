//go:build !race

package declutter

// charsetCorpusUnderRace: see charset_race_test.go.
const charsetCorpusUnderRace = false
