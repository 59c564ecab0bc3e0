package declutter

// builtinRules is the table of boilerplate rules declutter applies by
// default. Each rule is general: it keys on vendor markup many sites share
// (Mailchimp, Ghost, WordPress, schema.org) or on wording and structure that
// hold across sites, never on one publisher. Every rule has table tests in
// boilerplate_test.go with elements it must remove and real body text it
// must keep.
//
// Page rules run before the readability pass so that widgets never compete
// for the body; body rules run on what the readability pass isolated, where
// class names are still present.
var builtinRules = []Rule{
	// Newsletter sign-up widgets.
	{
		Name:     "newsletter-mailchimp",
		Selector: `#mc_embed_signup, .mc_embed_signup, [id^="mc_embed_signup"], form[action*="list-manage.com"], #mc-embedded-subscribe-form, .mc4wp-form, #mce-responses, .indicates-required`,
		Expand:   300,
	},
	{
		Name:     "newsletter-required-note",
		Text:     `(?i)^\*\s*indicates required$`,
		MaxChars: 40,
	},
	{
		Name:     "newsletter-form",
		Selector: `form:has(input[type="email"]), form:has(input[name*="email" i]), [data-members-form], .kg-signup-card, [class*="newsletter" i], [id*="newsletter" i], [class*="subscribe-form" i], [class*="subscription-form" i], [class*="signup-form" i], [class*="substack" i][class*="embed" i]`,
		MaxChars: 600,
		Expand:   400,
	},
	{
		Name:     "newsletter-prompt",
		Text:     `(?i)^((enter|type) your e-?mail( address)?( here)?( to subscribe)?|please,? enter (a )?(correct|valid) e-?mail( address)?|(you('| a)re|successfully|successfuly) subscribed!?|thank you for (signing up|subscribing)\b.*|(sign up|subscribe) (for|to) (our|the|my) .{0,80}newsletters?\b.*|(get|receive) (our|the) .{0,40}newsletter\b.*|newsletter( sign-?up)?|subscribe( now| today)?|sign up( now| today)?)$`,
		MaxChars: 200,
		Expand:   250,
	},
	// Membership, donation and subscription appeals. The cue is a call to
	// action in a link or button; expansion takes its banner with it.
	{
		Name:     "membership-appeal",
		Selector: `a, button`,
		Text:     `(?i)^(become an? (member|supporter|subscriber|patron|friend)|gift (a )?membership|join (us|now|today|the club)|donate( now| today)?|make a (donation|contribution)|support (us|our (work|journalism|reporting))|subscribe (now|today)|(jetzt )?(mitglied werden|unterstützen|spenden))\b.{0,30}$`,
		MaxChars: 60,
		Expand:   1500,
	},
	{
		Name:     "paywall-prompt",
		Text:     `(?i)^(already (a|an) (member|subscriber)\??.{0,40}(log|sign) ?in.*|(log|sign) in to (continue|read).*|this (article|content) is for (paying )?(members|subscribers) only.*)$`,
		MaxChars: 200,
		Expand:   400,
	},
	// Site chrome.
	{
		Name:     "skip-link",
		Selector: `a[href^="#"], a.skip-link, .screen-reader-text`,
		Text:     `(?i)^(skip|jump) to (main )?(content|navigation|main|article|search|footer)\b`,
		MaxChars: 60,
	},
	{
		Name:     "edit-link",
		Selector: `a, .post-edit-link, .edit-link`,
		Text:     `(?i)^(edit( this)?( post| page| article)?)$`,
		MaxChars: 20,
	},
	{
		Name:     "cookie-consent",
		Selector: `[id*="cookie" i], [class*="cookie-banner" i], [class*="cookie-consent" i], [class*="cookie-notice" i], [id*="consent" i], [class*="consent-banner" i], #onetrust-consent-sdk, [class*="gdpr" i]`,
		MaxChars: 1500,
	},
	// Audio players and narration notices.
	{
		Name:     "audio-notice",
		Text:     `(?i)^(this (audio|article|story) (is|was) (created|generated|narrated|read) (with|by) (ai|artificial intelligence|an? (ai|automated|synthetic) voice)( assistance)?\.?|listen to (this|the) (article|story)( now)?\b.{0,40}|audio version( of this article)?|(\d+ ?(min|minutes?) )?listen)$`,
		MaxChars: 120,
		Expand:   250,
	},
	{
		Name:     "audio-player",
		Selector: `[class*="audio-player" i], [class*="article-audio" i], [class*="listen-button" i], [class*="text-to-speech" i], [class*="speechify" i], [class*="trinity" i], [class*="beyondwords" i]`,
		MaxChars: 300,
	},
	// Reading-time labels such as "3 min read" or "Lesezeit: 4 Minuten".
	{
		Name:     "reading-time",
		Text:     `(?i)^((reading time|lesezeit|temps de lecture|tiempo de lectura)\s*:?\s*)?(ca\.\s*)?\d+\s*(-\s*\d+\s*)?(min|mins|minutes?|minuten|minutos)\.?(\s*(read|reading|to read|lesen|lesezeit|de lecture|de lectura|lectura))?$`,
		MaxChars: 40,
	},

	// Body rules: what the readability pass leaves inside the article.
	{
		Name:     "bookmark-card",
		Stage:    StageBody,
		Selector: `.kg-bookmark-card, [class*="bookmark-card" i], .wp-block-embed-wordpress, .wp-embedded-content`,
		MaxChars: 700,
	},
	{
		// Teaser and related-content boxes are mostly links; a "teaser"
		// class without links is often the article's own lead.
		Name:           "teaser-card",
		Stage:          StageBody,
		Selector:       `[class*="related" i], [class*="teaser" i], [class*="read-more" i], [class*="readmore" i], [class*="read-also" i], [class*="recommended" i], [class*="more-stories" i], [class*="also-read" i]`,
		MaxChars:       700,
		MinLinkDensity: 0.3,
	},
	{
		Name:     "related-heading",
		Stage:    StageBody,
		Selector: `p, div, h2, h3, h4, h5, h6, strong, span`,
		Text:     `(?i)^(related( articles?| stories| posts| content| reading)?|read (also|more|next)|see also|more (from|on|about) .{0,40}|recommended( for you)?|you (may|might) also (like|be interested in)|auch interessant|lesen sie auch|mehr zum thema|das könnte (sie|dich) auch interessieren|weitere artikel|lire aussi|à lire aussi|leer más|lee también|te puede interesar)\s*:?$`,
		MaxChars: 60,
		Expand:   500,
	},
	{
		Name:     "share-bar",
		Stage:    StageBody,
		Selector: `[class*="share" i], [class*="social" i], [id*="share" i]`,
		MaxChars: 120,
	},
	{
		Name:     "form-controls",
		Stage:    StageBody,
		Selector: `form, button, input, select, textarea, fieldset`,
	},
	{
		Name:     "author-box",
		Stage:    StageBody,
		Selector: `[class*="author-bio" i], [class*="author-box" i], [class*="about-author" i], [class*="author-info" i], [class*="author-card" i]`,
		MaxChars: 1000,
	},
	{
		Name:     "byline-block",
		Stage:    StageBody,
		Selector: `[class*="byline" i], [class*="post-meta" i], [class*="entry-meta" i], [class*="article-meta" i], [class*="article__meta" i], [class*="dateline" i], [itemprop="author"], [rel="author"]`,
		MaxChars: 200,
	},
	{
		Name:           "tag-list",
		Stage:          StageBody,
		Selector:       `[class*="tags" i], [class*="tag-list" i], [class*="post-tags" i], [rel="tag"], [class*="categories" i]`,
		MaxChars:       300,
		MinLinkDensity: 0.5,
	},
}
