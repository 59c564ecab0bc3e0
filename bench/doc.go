// Package bench compares declutter with other Go article extractors on
// the same pages: quality with the scoring of internal/eval (cmd/compare)
// and cost per page (the benchmarks in bench_test.go and cmd/speed).
//
// It is a module of its own so that users of declutter never download the
// peers. contenders.go wraps each extractor, pages.go loads corpus pages
// into memory and stats.go holds the small statistics the reports need.
package bench
