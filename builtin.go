package declutter

import "slices"

// BuiltinRule is one rule of the built-in table, with what it removes.
type BuiltinRule struct {
	Rule
	// Description says in one line what the rule removes.
	Description string
	// Step marks a structural step of the pipeline rather than a rule of
	// the table: it has a name and a description (and Options.DisableRules
	// switches it off) but no selector or pattern; its Stage says which
	// tree it works on.
	Step bool
}

// builtinStep is a structural step that removes something and reports it
// in Article.Removed under its name, which Options.DisableRules accepts.
type builtinStep struct {
	Name, Description string
}

// builtinSteps are the structural steps, in pipeline order. Each name is
// the Rule of the Removals the step records.
var builtinSteps = []builtinStep{
	{"trim-header", "On article-like pages, the header chrome the readability pass kept before the story's first prose paragraph: kicker, repeated title, byline and date lines, share rows."},
	{"trim-tail", "On article-like pages, the chrome the readability pass kept after the story's last prose paragraph: headings over teaser lists, link rows, labels."},
	{"repeated-title", "A heading before the first paragraph that repeats the headline, which is a field of its own."},
	{"lead-image", "The lead image at the top of the body when it is the page's own image, which is a field of its own."},
	{"menu-list", "Lists that read as a site menu: several items, each only a short link."},
}

// BuiltinRules returns the boilerplate rules declutter applies by default,
// in the order of its table, each with a one-line description. The rules
// are copies: changing one changes nothing in declutter. To change a
// built-in rule, pass the changed copy in Options.Rules (same Name); to
// switch one off, name it in Options.DisableRules. After the table come
// the structural steps (Step true, Stage StageBody, no selector): they too
// report their removals under their name, and DisableRules switches them
// off.
func BuiltinRules() []BuiltinRule {
	out := make([]BuiltinRule, len(builtinRules), len(builtinRules)+len(builtinSteps))
	for i, r := range builtinRules {
		r.Phrases = slices.Clone(r.Phrases)
		out[i] = BuiltinRule{Rule: r, Description: builtinDescriptions[r.Name]}
	}
	for _, s := range builtinSteps {
		out = append(out, BuiltinRule{Rule: Rule{Name: s.Name, Stage: StageBody}, Description: s.Description, Step: true})
	}
	return out
}

// builtinDescriptions says what each rule of builtinRules removes, taken
// from the comments in boilerplate.go (and, where a rule has none, from its
// selector and pattern). The table itself stays in boilerplate.go; a test
// keeps the two in step (every rule described, no description of a rule
// that is not there).
var builtinDescriptions = map[string]string{
	"account-form":             "Log-in and registration forms (a form with a password field), their labels and validation messages.",
	"newsletter-mailchimp":     "Mailchimp and MC4WP sign-up embeds, with the banner around them.",
	"newsletter-required-note": `The "* indicates required" note of a sign-up form.`,
	"newsletter-form":          "Newsletter sign-up forms and boxes: e-mail forms, Ghost members forms and signup cards, newsletter, subscribe and Substack embeds.",
	"newsletter-prompt":        `Newsletter prompts and form messages: "Enter your email", "Subscribe to our newsletter", "Successfully subscribed".`,
	"membership-appeal":        `Membership, donation and subscription calls to action in a link or button ("Become a member", "Donate now"), with their banner.`,
	"paywall-prompt":           `Log-in prompts of a paywall: "Already a subscriber? Log in", "Sign in to continue reading".`,
	"donation-appeal":          `A reader appeal after the story: "Did you like this article? Support us ...".`,
	"donation-box":             "Boxes that sites mark as donation boxes or banners.",
	"subscription-box":         "A subscription box's heading or pitch, with its list of benefits.",
	"disclaimer":               "Disclaimers under a story: whose opinion it is, who answers for the comments, that the figures come without guarantee.",
	"paywall-notice":           "The notice where a paywall cuts the story, and the label that marks a story as for subscribers.",
	"skip-link":                `"Skip to content" links and screen-reader-only text.`,
	"edit-link":                `A CMS's "Edit post" link.`,
	"consent-manager":          "Consent managers' dialogs (OneTrust, Cookiebot, Quantcast and the like), whatever their size.",
	"cookie-consent":           "Cookie banners and notices.",
	"embed-consent":            "Consent placeholders that stand in for an embedded video or post until the reader agrees to load it.",
	"audio-notice":             `Narration notices: "This audio is created with AI assistance".`,
	"audio-player":             "Audio players, listen buttons and text-to-speech widgets.",
	"reading-time":             `Reading-time labels such as "3 min read" or "Lesezeit: 4 Minuten".`,
	"bookmark-card":            "Bookmark and embed cards that link to another article (Ghost, WordPress).",
	"teaser-card":              "Teaser and related-content boxes that are mostly links.",
	"related-heading":          `Headings that introduce a box or list of links to other articles ("Related", "Read more").`,
	"read-also-link":           `"Read more: <headline>" paragraphs inside the story.`,
	"comments":                 "Comment sections and reply forms.",
	"comments-heading":         `Comment headings and counts: "3 comments", "Leave a reply".`,
	"ad-label":                 `Advertisement labels: "Advertisement", "Anzeige", "Sponsored content".`,
	"ad-pitch":                 `An advertisement's label in capitals with its pitch: "ANZEIGE - Heute mal ausgehen?".`,
	"load-more":                `"Load more" and "Show more" buttons.`,
	"copyright-line":           "Copyright lines and credits without a year that end before any sentence.",
	"license-line":             `A licence statement: "This work is licensed under CC BY 4.0".`,
	"post-footer-meta":         `A post's category and tag footer: "Posted in", "Filed under", "Tags:".`,
	"entry-footer":             `WordPress's long entry footer: "Der Beitrag wurde am ... veröffentlicht und wurde unter ... abgelegt".`,
	"social-follow":            `Social follow prompts: "Follow us on Twitter".`,
	"image-credit":             `Image credit and source lines: "Bildquelle: ...", "Image credits: ...".`,
	"photo-credit-line":        `A photo credit line outside a caption: "Photo by ...", "Credit: ...".`,
	"rating-and-print":         `Rating and print prompts: "Was this article helpful?", "No ratings yet".`,
	"link-paragraph":           "A short paragraph that is nothing but a link: it points elsewhere.",
	"share-prompt":             `Share prompts: "Liked this article? Share it".`,
	"ad-disclosure":            "Advertising and affiliate disclosures.",
	"advertiser-disclosure":    "Advertiser-disclosure panels and pop-ups of review and finance sites, before the readability pass can take them for the article.",
	"post-navigation":          `Links to the previous and next posts: "Previous article", "Nächster Beitrag".`,
	"counters-and-notices":     `View counters, shop notices and follow prompts: "Views: 1,234", "... wurde erfolgreich hinzugefügt", "Síguenos".`,
	"byline-line":              "A byline or bare date left at the top or bottom of the story.",
	"navigation":               "Navigation menus and breadcrumbs left in the body, when they are mostly links.",
	"breadcrumb":               "Breadcrumbs, whose last crumb (the headline, unlinked) keeps their link density under the navigation rule's.",
	"link-list":                `A short list made only of links inside the story: a list of teasers ("The latest news about ...").`,
	"share-bar":                "Share bars and social buttons.",
	"form-controls":            "Buttons, inputs, selects, text areas and labels left in the body.",
	"form":                     "Small forms and fieldsets (some CMSs wrap the whole page in one form, so only small ones go).",
	"author-box":               "Author boxes and bios.",
	"byline-block":             "Short byline and post-meta blocks (author, date) left in the body; the metadata is read before.",
	"tag-list":                 "Tag and category lists.",
}
