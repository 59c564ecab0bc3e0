package declutter_test

import (
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/declutter/declutter"
)

var updateREADME = flag.Bool("readme.update", false, "TestREADMERuleTable: rewrite the README's table of built-in rules")

// TestREADMEExampleCompiled: the README's Go example is the function
// summarise of example_test.go, which Example_summarise runs, character
// for character, so that the README cannot show code that does not build
// or does what it no longer says.
func TestREADMEExampleCompiled(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	src, err := os.ReadFile("example_test.go")
	require.NoError(t, err)

	const open = "```go\n// summarise "
	i := strings.Index(string(readme), open)
	require.GreaterOrEqual(t, i, 0, "README.md has no Go block starting with the summarise function")
	block := string(readme)[i+len("```go\n"):]
	block = block[:strings.Index(block, "```\n")]

	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "example_test.go", src, parser.ParseComments)
	require.NoError(t, err)
	var fn *ast.FuncDecl
	for _, d := range f.Decls {
		if d, ok := d.(*ast.FuncDecl); ok && d.Name.Name == "summarise" {
			fn = d
		}
	}
	require.NotNil(t, fn, "example_test.go has no func summarise")
	code := string(src[fset.Position(fn.Doc.Pos()).Offset:fset.Position(fn.End()).Offset]) + "\n"
	assert.Equal(t, code, block, "README.md's example and summarise in example_test.go differ")
	assert.Contains(t, block, "return nil\n\tcase err != nil:", "the ErrNoContent branch returns")
}

const (
	rulesBegin = "<!-- builtin-rules: generated from BuiltinRules() by TestREADMERuleTable; go test -run TestREADMERuleTable -readme.update . -->\n"
	rulesEnd   = "<!-- end of builtin-rules -->\n"
)

// TestREADMERuleTable: the README's table of built-in rules is
// BuiltinRules(), every rule in table order with its stage and
// description. After adding or changing a rule, regenerate it with
// -readme.update and review the diff.
func TestREADMERuleTable(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	s := string(readme)
	i, j := strings.Index(s, rulesBegin), strings.Index(s, rulesEnd)
	require.True(t, i >= 0 && j > i, "README.md has no table of built-in rules between its markers")

	var b strings.Builder
	b.WriteString("\n| rule | stage | removes |\n|---|---|---|\n")
	for _, r := range declutter.BuiltinRules() {
		stage := r.Stage.String()
		if r.Step {
			stage = "step"
		}
		b.WriteString("| `" + r.Name + "` | " + stage + " | " + strings.ReplaceAll(r.Description, "|", `\|`) + " |\n")
	}
	b.WriteString("\n")
	want := b.String()
	got := s[i+len(rulesBegin) : j]
	if *updateREADME && got != want {
		require.NoError(t, os.WriteFile("README.md", []byte(s[:i+len(rulesBegin)]+want+s[j:]), 0o644))
		return
	}
	assert.Equal(t, want, got, "README.md's table of built-in rules is stale: go test -run TestREADMERuleTable -readme.update .")
}
