package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/declutter/declutter"
)

// -format explain prints the article text, then what the rules removed:
// one line per Article.Removed, in its order, with the rule's name and the
// snippet of the removed block. The removals are listed after the text,
// not placed where they were: an Article carries a snippet of each removed
// block but not its position, and the body kept no trace of it.

// ANSI styles of the explain format on a terminal.
const (
	ansiReset = "\x1b[0m"
	ansiRule  = "\x1b[1;31m" // bold red: the rule's name
	ansiDim   = "\x1b[2m"    // dim: the removed text and the heading
)

// removalLine is one removal as explain prints it.
type removalLine struct{ rule, snippet string }

// useColour says whether explain output to w is coloured: only on a
// terminal, and never when NO_COLOR is set (https://no-color.org).
func useColour(w io.Writer, getenv func(string) string, isTTY func(io.Writer) bool) bool {
	return getenv("NO_COLOR") == "" && isTTY(w)
}

func explainLines(rs []declutter.Removal) []removalLine {
	out := make([]removalLine, len(rs))
	for i, r := range rs {
		out[i] = removalLine{rule: r.Rule, snippet: r.Snippet}
	}
	return out
}

// writeExplain writes the explain format of one page.
func writeExplain(w io.Writer, title, text string, removed []removalLine, colour bool) {
	style := func(s, code string) string {
		if !colour {
			return s
		}
		return code + s + ansiReset
	}
	if title != "" {
		fmt.Fprintf(w, "%s\n\n", title)
	}
	fmt.Fprintf(w, "%s\n\n", text)
	if len(removed) == 0 {
		fmt.Fprintln(w, style("Removed by rules: none", ansiDim))
		return
	}
	fmt.Fprintln(w, style(fmt.Sprintf("Removed by rules (%d):", len(removed)), ansiDim))
	for _, r := range removed {
		snippet := strings.Join(strings.Fields(escapeControl(r.snippet)), " ")
		fmt.Fprintf(w, "  %s %s\n", style("["+r.rule+"]", ansiRule), style(snippet, ansiDim))
	}
}
