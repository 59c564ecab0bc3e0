package declutter

import (
	"context"

	"golang.org/x/net/html"
)

// cleanBody applies the body-stage rules and the structural cleanup to the
// isolated body.
func (e *Extractor) cleanBody(ctx context.Context, body *html.Node, a *Article) ([]Removal, error) {
	st := newTextStats(body)
	return applyRules(ctx, e.rules.body, body, st)
}
