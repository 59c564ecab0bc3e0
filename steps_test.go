package declutter

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestDisableSteps: every structural step's name is accepted by
// Options.DisableRules and switches that step off, while the real text
// around it stays; an unknown name still fails New with ErrInvalidRule.
func TestDisableSteps(t *testing.T) {
	for _, s := range builtinSteps {
		if _, err := New(Options{DisableRules: []string{s.Name}}); err != nil {
			t.Errorf("DisableRules %q: %v", s.Name, err)
		}
	}
	if _, err := New(Options{DisableRules: []string{"no-such-step"}}); !errors.Is(err, ErrInvalidRule) {
		t.Errorf("unknown name: err = %v, want ErrInvalidRule", err)
	}

	prose := "<p>" + strings.Repeat("The council met on Tuesday and agreed the budget after a long debate. ", 4) + "</p>"
	menu := "<ul>" + strings.Repeat(`<li><a href="/home">Home</a></li>`, 5) + "</ul>"
	for _, tc := range []struct {
		step, html, title, text string
		also                    []string // rules off in both runs, so that only the step can remove the text
	}{
		{"menu-list", "<div>" + prose + menu + prose + "</div>", "", "Home", []string{"link-list", "navigation"}},
		{"repeated-title", "<div><h1>Budget agreed</h1>" + prose + "</div>", "Budget agreed", "Budget agreed", nil},
	} {
		t.Run(tc.step, func(t *testing.T) {
			for _, off := range []bool{false, true} {
				opts := Options{DisableRules: tc.also}
				if off {
					opts.DisableRules = append([]string{tc.step}, tc.also...)
				}
				e, err := New(opts)
				if err != nil {
					t.Fatal(err)
				}
				_, body := parseBody(t, tc.html)
				removed, err := e.cleanBody(context.Background(), body, &Article{Title: tc.title})
				if err != nil {
					t.Fatal(err)
				}
				got := collapsedText(body)
				if !strings.Contains(got, "The council met") {
					t.Errorf("off=%v: prose lost: %q", off, got)
				}
				if off == hasRemoval(removed, tc.step) {
					t.Errorf("off=%v: removed %v", off, removed)
				}
				if off != strings.Contains(got, tc.text) {
					t.Errorf("off=%v: body = %q", off, got)
				}
			}
		})
	}
}

// TestBuiltinStepsDescribed: every step has a one-line description and is
// reported by BuiltinRules as a step, after the table rules.
func TestBuiltinStepsDescribed(t *testing.T) {
	got := BuiltinRules()
	steps := map[string]bool{}
	for _, r := range got {
		if r.Step {
			steps[r.Name] = true
			if !strings.HasSuffix(r.Description, ".") || strings.Contains(r.Description, "\n") {
				t.Errorf("%s: description %q is not one sentence", r.Name, r.Description)
			}
		}
	}
	for _, want := range []string{"repeated-title", "lead-image", "menu-list", "trim-header", "trim-tail"} {
		if !steps[want] {
			t.Errorf("BuiltinRules does not report step %q", want)
		}
	}
}

// TestDisableTrimSteps: with trim-header off the header chrome stays and
// only the tail is trimmed; with trim-tail off, the reverse.
func TestDisableTrimSteps(t *testing.T) {
	for _, tc := range []struct {
		head, tail    bool
		kept, gone    string
		want, notWant string
	}{
		{false, true, "Transport", "More stories", "trim-tail", "trim-header"},
		{true, false, "More stories", "Transport", "trim-header", "trim-tail"},
	} {
		_, body := parseBody(t, chromePage)
		removed := assembleBody(body, "Old bridge closes to cars", tc.head, tc.tail)
		text := collapsedText(body)
		if !strings.Contains(text, tc.kept) || strings.Contains(text, tc.gone) || !strings.Contains(text, "Work starts in May.") {
			t.Errorf("head=%v tail=%v: body = %q", tc.head, tc.tail, text)
		}
		if !hasRemoval(removed, tc.want) || hasRemoval(removed, tc.notWant) {
			t.Errorf("head=%v tail=%v: removed %v", tc.head, tc.tail, removed)
		}
	}
}
