package goldentest

import (
	"strings"
	"testing"
)

func TestDiffEqual(t *testing.T) {
	if d := diff("a", "x\ny\n", "b", "x\ny\n"); d != "" {
		t.Fatalf("equal texts gave a diff:\n%s", d)
	}
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name, want, got, diff string
	}{
		{
			name: "changed line keeps context",
			want: "1\n2\n3\n4\n5\n6\n7\n8\n9\n",
			got:  "1\n2\n3\n4\nfive\n6\n7\n8\n9\n",
			diff: "--- want\n+++ got\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
		},
		{
			name: "added at end",
			want: "a\nb\n",
			got:  "a\nb\nc\n",
			diff: "--- want\n+++ got\n@@ -1,2 +1,3 @@\n a\n b\n+c\n",
		},
		{
			name: "removed from empty start",
			want: "a\n",
			got:  "",
			diff: "--- want\n+++ got\n@@ -1 +0,0 @@\n-a\n",
		},
		{
			name: "far apart changes make two hunks",
			want: "a\n1\n2\n3\n4\n5\n6\n7\n8\nb\n",
			got:  "A\n1\n2\n3\n4\n5\n6\n7\n8\nB\n",
			diff: "--- want\n+++ got\n@@ -1,4 +1,4 @@\n-a\n+A\n 1\n 2\n 3\n@@ -7,4 +7,4 @@\n 6\n 7\n 8\n-b\n+B\n",
		},
		{
			name: "final newline",
			want: "a\n",
			got:  "a",
			diff: "--- want\n+++ got\n\\ the texts differ in their final newline\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := diff("want", tt.want, "got", tt.got); got != tt.diff {
				t.Errorf("diff:\n%s\nwant:\n%s", got, tt.diff)
			}
		})
	}
}

// TestDiffApplies checks the edit script on random-ish inputs: keeping the
// ' ' and '-' lines must give back want, and ' ' and '+' lines got.
func TestDiffApplies(t *testing.T) {
	pairs := [][2]string{
		{"a b c d e f", "a c d x f"},
		{"x x x y", "y x x x"},
		{"", "p q"},
		{"1 2 3 4 5 6 7 8 9", "9 8 7 6 5 4 3 2 1"},
	}
	for _, p := range pairs {
		a, b := strings.Fields(p[0]), strings.Fields(p[1])
		var gotA, gotB []string
		for _, o := range editScript(a, b) {
			if o.kind != '+' {
				gotA = append(gotA, o.line)
			}
			if o.kind != '-' {
				gotB = append(gotB, o.line)
			}
		}
		if strings.Join(gotA, " ") != p[0] || strings.Join(gotB, " ") != p[1] {
			t.Errorf("edit script for %q -> %q gives %q -> %q", p[0], p[1], gotA, gotB)
		}
	}
}

func TestDiffHugeFallsBack(t *testing.T) {
	var a, b strings.Builder
	for i := range 3000 {
		a.WriteString(strings.Repeat("a", i%7) + "\n")
		b.WriteString(strings.Repeat("b", i%5) + "\n")
	}
	d := diff("want", a.String(), "got", b.String())
	if !strings.Contains(d, "diff truncated") {
		t.Errorf("a 3000-line diff was not truncated:\n%.300s", d)
	}
}
