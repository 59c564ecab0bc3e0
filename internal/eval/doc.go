// Package eval scores article extractors against labelled pages.
//
// A dataset is a folder in the corpus format: DIR/truth.jsonl holds one
// JSON object per page (see Truth) and DIR/pages/<id>.html.gz the page
// bytes, gzipped (a plain DIR/pages/<id>.html is read too). Run extracts
// every page with one or more extractors, ScorePage compares one
// prediction with its truth and Summarize averages a dataset's scores.
//
// The measures, each counted only on the pages whose truth has the field:
//
//   - body precision, recall and F1 over 4-token shingles of the word
//     tokens (see Tokens); precision is averaged over the pages with any
//     predicted shingle, recall over the pages with any true shingle, and
//     F1 is the harmonic mean of the two averages;
//   - "with" snippets found and "without" snippets absent in the text,
//     white space collapsed, case-sensitive, as shares of all snippets and
//     as the share of pages passing every snippet check;
//   - title and site name: equal after NormalizeName;
//   - byline: token-set F1 against the truth's byline, or its authors;
//   - published: the same calendar day as the truth's date, read in the
//     truth's own offset;
//   - language: the same primary subtag.
//
// Files: corpus.go reads datasets, text.go holds tokenising and
// normalising, score.go scores one page, dates.go the published check,
// summary.go averages, run.go runs extractors, report.go prints tables and
// the worst pages.
package eval
