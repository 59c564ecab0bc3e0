package goldentest

import (
	"fmt"
	"strings"
)

// diffContext is how many unchanged lines a hunk shows around a change.
const diffContext = 3

// maxDiffCells bounds the line-matching table. Beyond it the changed middle
// of the two texts is shown as one block removed and one added: still a
// correct diff, only less precise, and never a quadratic blow-up on huge
// pages.
const maxDiffCells = 4 << 20

// maxDiffLines bounds the printed diff so one broken page cannot flood the
// test log.
const maxDiffLines = 400

// op is one line of an edit script.
type op struct {
	kind byte // ' ', '-' or '+'
	line string
}

// diff returns a unified-style line diff turning want into got, with
// headers naming them wantName and gotName, or "" when they are equal. It
// is meant for people reading test failures, not for patch(1).
func diff(wantName, want, gotName, got string) string {
	if want == got {
		return ""
	}
	ops := editScript(splitLines(want), splitLines(got))
	var b strings.Builder
	fmt.Fprintf(&b, "--- %s\n+++ %s\n", wantName, gotName)
	printed := 0
hunks:
	for _, h := range hunks(ops) {
		fmt.Fprintf(&b, "@@ -%s +%s @@\n", hunkRange(h.wantStart, h.wantLen), hunkRange(h.gotStart, h.gotLen))
		for _, o := range ops[h.from:h.to] {
			if printed == maxDiffLines {
				b.WriteString("... (diff truncated)\n")
				break hunks
			}
			b.WriteByte(o.kind)
			b.WriteString(o.line)
			b.WriteByte('\n')
			printed++
		}
	}
	if want != "" && got != "" && strings.HasSuffix(want, "\n") != strings.HasSuffix(got, "\n") {
		b.WriteString("\\ the texts differ in their final newline\n")
	}
	return b.String()
}

// splitLines splits s into lines without their terminators; a final
// newline does not start an extra empty line.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// editScript matches a and b by their longest common subsequence of lines,
// after trimming the common prefix and suffix that most diffs consist of.
func editScript(a, b []string) []op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []op
	for _, l := range a[:pre] {
		ops = append(ops, op{' ', l})
	}
	ops = append(ops, lcsScript(a[pre:len(a)-suf], b[pre:len(b)-suf])...)
	for _, l := range a[len(a)-suf:] {
		ops = append(ops, op{' ', l})
	}
	return ops
}

// lcsScript is the classic dynamic-programming diff; see maxDiffCells.
func lcsScript(a, b []string) []op {
	var ops []op
	if (len(a)+1)*(len(b)+1) > maxDiffCells {
		for _, l := range a {
			ops = append(ops, op{'-', l})
		}
		for _, l := range b {
			ops = append(ops, op{'+', l})
		}
		return ops
	}
	// lcs[i][j] is the length of the LCS of a[i:] and b[j:].
	w := len(b) + 1
	lcs := make([]int32, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			switch {
			case a[i] == b[j]:
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			case lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
				lcs[i*w+j] = lcs[(i+1)*w+j]
			default:
				lcs[i*w+j] = lcs[i*w+j+1]
			}
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			ops = append(ops, op{' ', a[i]})
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i*w+j+1] > lcs[(i+1)*w+j]):
			ops = append(ops, op{'+', b[j]})
			j++
		default:
			ops = append(ops, op{'-', a[i]})
			i++
		}
	}
	return ops
}

// hunk is a run of ops[from:to] printed together, with its line ranges
// (1-based starts) in want and got.
type hunk struct {
	from, to           int
	wantStart, wantLen int
	gotStart, gotLen   int
}

// hunks groups changes closer than twice diffContext lines apart.
func hunks(ops []op) []hunk {
	var hs []hunk
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		from := max(i-diffContext, 0)
		to := i
		for to < len(ops) {
			if ops[to].kind != ' ' {
				to++
				continue
			}
			next := to
			for next < len(ops) && ops[next].kind == ' ' {
				next++
			}
			if next == len(ops) || next-to > 2*diffContext {
				to = min(to+diffContext, len(ops))
				break
			}
			to = next
		}
		hs = append(hs, newHunk(ops, from, to))
		i = to
	}
	return hs
}

func newHunk(ops []op, from, to int) hunk {
	h := hunk{from: from, to: to, wantStart: 1, gotStart: 1}
	for _, o := range ops[:from] {
		if o.kind != '+' {
			h.wantStart++
		}
		if o.kind != '-' {
			h.gotStart++
		}
	}
	for _, o := range ops[from:to] {
		if o.kind != '+' {
			h.wantLen++
		}
		if o.kind != '-' {
			h.gotLen++
		}
	}
	return h
}

// hunkRange formats a range the way unified diffs do: an empty range is
// numbered by the line before it.
func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start-1)
	}
	if n == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}
