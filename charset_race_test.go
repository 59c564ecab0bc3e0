//go:build race

package declutter

// charsetCorpusUnderRace is true in race builds, where reading the whole
// corpus takes minutes and finds no race: the corpus test is sequential.
const charsetCorpusUnderRace = true
