package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestVersionLocalBuild: a build from a checkout (here the test binary)
// says devel; scripts/install_test.sh checks that a go install of a
// release prints that release's version.
func TestVersionLocalBuild(t *testing.T) {
	r := runCmd(t, "", "-version")
	assert.Equal(t, exitOK, r.code)
	assert.Equal(t, "declutter devel\n", r.stderr)
	assert.Empty(t, r.stdout)
}
