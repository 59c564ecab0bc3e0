package declutter

// builtinRules is the table of boilerplate rules declutter applies by
// default. Each rule is general: it keys on vendor markup many sites share
// (Mailchimp, Ghost, WordPress, schema.org) or on wording and structure that
// hold across sites, never on one publisher. Every rule has table tests in
// boilerplate_cases_test.go with elements it must remove and real body text
// it must keep (TestBoilerplateRulesAllTested checks that none is missing).
//
// Page rules run before the readability pass so that widgets never compete
// for the body; body rules run on what the readability pass isolated, where
// class names are still present.
var builtinRules = []Rule{
	{
		// Log-in and registration forms: their labels and validation
		// messages are never the article. First, so that one with an
		// e-mail field is not taken for a newsletter. The limit spares
		// ASP.NET pages, whose one form wraps the whole page.
		Name:     "account-form",
		Selector: `form:has(input[type="password" i])`,
		MaxChars: 2500,
	},
	// Newsletter sign-up widgets.
	{
		Name:     "newsletter-mailchimp",
		Selector: `#mc_embed_signup, .mc_embed_signup, [id^="mc_embed_signup"], form[action*="list-manage.com"], #mc-embedded-subscribe-form, .mc4wp-form, #mce-responses, .indicates-required`,
		Expand:   300,
	},
	{
		Name:     "newsletter-required-note",
		Stage:    StageBody,
		Text:     `(?i)^\*\s*indicates required$`,
		MaxChars: 40,
	},
	{
		Name:     "newsletter-form",
		Selector: `form:has(input[type="email"]), form:has(input[name*="email"]), [data-members-form], .kg-signup-card, [class*="newsletter"], [id*="newsletter"]:not(h1, h2, h3, h4, h5, h6), [class*="subscribe-form"], [class*="subscription-form"], [class*="signup-form"], [class*="substack"][class*="embed"]`,
		MaxChars: 600,
		Expand:   400,
	},
	{
		Name:     "newsletter-prompt",
		Stage:    StageBody,
		MinChars: 6,
		Text:     `(?i)^((enter|type) your e-?mail( address)?( here)?( to subscribe)?|please,? enter (a )?(correct|valid) e-?mail( address)?|(you('|’| a)re|successfully|successfuly) subscribed!?|thank you for (signing up|subscribing)\b.*|(sign up|subscribe) (for|to) (our|the|my) .{0,80}newsletters?\b.*|(get|receive) (our|the) .{0,40}newsletter\b.*|newsletter( sign-?up)?|subscribe( now| today)?|sign up( now| today)?|jetzt (für|zum) .{0,40}(newsletter|news) anmelden[.!]?|(melden sie sich|melde dich) (jetzt )?(für|zu) unserem .{0,30}newsletter an.*|never miss (the latest|a story|an update|our (latest|best)).{0,80}\b(sign(ing)? up|subscrib).*)$`,
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
		Stage:    StageBody,
		MinChars: 15,
		Text:     `(?i)^(already (a|an) (member|subscriber)\?.{0,40}(log|sign) ?in.*|(log|sign) in to (continue|read).*|this (article|content) is for (paying )?(members|subscribers) only.*)$`,
		MaxChars: 200,
		Expand:   400,
	},
	{
		// A reader appeal after the story: "Did you like this article?
		// Support us ..." and the donation boxes sites mark as such.
		Name:     "donation-appeal",
		Stage:    StageBody,
		MinChars: 30,
		Text:     `(?i)^((hat|hast) (ihnen|dir) (dieser|der|unser) (artikel|beitrag|text) gefallen\?|gefällt (ihnen|dir) unser .{1,40}\?|(did you )?(like|enjoy)(d|ed)? (this|the|our) (article|story|post|journalism)\?|if you (value|appreciate|enjoy(ed)?|like(d)?) (this|our) (article|story|journalism|reporting|work)\b).{0,300}\b(unterstütz|spende|mitglied|abonn|bezahlschranke|paywall|support|donat|contribut|subscri|member)`,
		MaxChars: 500,
	},
	{
		// Page stage: the readability pass unwraps such boxes.
		Name:     "donation-box",
		Selector: `[class~="donation"], [class*="donation-box"], [class*="donation-banner"], [class*="donate-box"], [class*="donation-cta"]`,
		MaxChars: 1500,
	},
	{
		// A subscription box's heading or pitch; expansion takes the box
		// with its list of benefits.
		Name:     "subscription-box",
		Stage:    StageBody,
		MinChars: 20,
		Text:     `(?i)^(this (content|article|story) is (reserved|available) (for|to) subscribers( only)?|subscribe (now )?to (unlock|read|access) (more|the latest|all|unlimited) .{0,80}|(become a subscriber|subscribe) (now )?for (unlimited|full) (digital )?access.{0,80})[.!]?$`,
		MaxChars: 160,
		Expand:   1500,
	},
	{
		// Disclaimers under a story: whose opinion it is, who answers for
		// the comments, that the figures come without guarantee.
		Name:     "disclaimer",
		Stage:    StageBody,
		MinChars: 20,
		Phrases: []string{"expressed", "not responsible for the", "meinung des", "meinung der", "ohne gewähr",
			"chroniony prawem"},
		Text:     `(?i)^(the (views|opinions) expressed (here |in this (article|post|column|piece) )?are (those of the (author|writer)s?|the (author|writer)'?s? own|solely).*|.{2,60} (is|are) not responsible for the (opinions|content|statements|views)\b.*|(der |dieser )?(beitrag|artikel|text) gibt (die|nur die|ausschließlich die) meinung (des|der) (autors|autorin|verfassers|verfasserin).*|alle angaben ohne gewähr.*|materiał chroniony prawem autorskim.*)$`,
		MaxChars: 300,
	},
	{
		// The notice where a paywall cuts the story, and the label that
		// marks it as for subscribers. No expansion: the notice is often
		// a child of the story's own header or last paragraph's wrapper.
		Name:     "paywall-notice",
		Stage:    StageBody,
		MinChars: 15,
		Text:     `(?i)^(il vous reste \d+([.,]\d+)? ?% de cet article à lire.*|pour lire la suite.{0,120}\b(compte|abonn|connect|inscri).*|um (den artikel |diesen artikel |den beitrag )?weiterzulesen.{0,120}\b(abo|anmelden|registrier|konto).*|la suite est réservée aux abonnés.*|(cet )?article réservé aux abonnés\.?|(dieser|der) (artikel|beitrag) ist (nur |exklusiv )?für (abonnenten|abonnentinnen|abonnent:innen)( verfügbar| sichtbar)?\.?|(este )?(artículo|contenido) (es )?exclusivo para suscriptores\.?|(articolo|contenuto) riservato agli abbonati\.?|(subscribe|log in|sign in) to (continue|keep) reading.*|to (view|read) the (full|whole|rest of the) (story|article),? (please )?(subscribe|log in|sign in|register).*|subscribe (now )?to our .{0,40}edition for the full story.*|if you('|’)re (seeing this message|already a subscriber).{0,160}\b(log|sign) ?in\b.*|you('ve| have) (reached|read) (your|all (of )?your) (\d+ )?free articles.*|this (is an? )?(article|story) is (only )?(available )?(for|to) subscribers( only)?\.?)$`,
		MaxChars: 200,
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
		Stage:    StageBody,
		Selector: `a, .post-edit-link, .edit-link`,
		Text:     `(?i)^(edit( this)?( post| page| article)?)$`,
		MaxChars: 20,
	},
	{
		// Consent managers' dialogs, whatever their size: they hold long
		// legal prose that can outscore a short article.
		Name:     "consent-manager",
		Selector: `#onetrust-consent-sdk, #onetrust-banner-sdk, #onetrust-pc-sdk, #CybotCookiebotDialog, .qc-cmp2-container, #usercentrics-root, [id^="sp_message_container"], #didomi-host, .didomi-popup, #truste-consent-track, .truste_box_overlay, #cmpbox, #cmpwrapper, .fc-consent-root, #gdpr-consent-tool-wrapper`,
	},
	{
		Name:     "cookie-consent",
		Selector: `[id*="cookie"]:not(h1, h2, h3, h4, h5, h6), [class*="cookie-banner"], [class*="cookie-consent"], [class*="cookie-notice"], [id*="consent"]:not(h1, h2, h3, h4, h5, h6), [class*="consent-banner"], [class*="gdpr"]`,
		MaxChars: 1500,
	},
	// Consent placeholders that stand in for an embedded video or post
	// until the reader agrees to load it.
	{
		Name:     "embed-consent",
		Stage:    StageBody,
		MinChars: 30,
		Phrases: []string{
			"an dieser stelle findest du einen externen inhalt", "an dieser stelle finden sie einen externen inhalt",
			"ich bin damit einverstanden, dass mir", "externe inhalte laden", "externen inhalt laden",
			"externe inhalte anzeigen", "externen inhalt anzeigen", "externe inhalte aktivieren",
			"personenbezogene daten können an drittplattformen übermittelt werden", "empfohlener redaktioneller inhalt",
			"this content is hosted by a third party", "this content is provided by a third party",
			"this embed is hosted by a third party", "click to load the content", "click here to load",
			"tap to load", "click to show the content", "to view this video please enable javascript",
			"your browser does not support the video", "your browser does not support the audio",
			"your browser does not support video", "please enable javascript to view",
		},
		MaxChars: 400,
		Expand:   600,
	},
	// Audio players and narration notices.
	{
		Name:     "audio-notice",
		Stage:    StageBody,
		MinChars: 6,
		Text:     `(?i)^(this (audio|article|story) (is|was) (created|generated|narrated|read) (with|by) (ai|artificial intelligence|an? (ai|automated|synthetic) voice)( assistance)?\.?|listen to (this|the) (article|story)( now)?\b.{0,40}|audio version( of this article)?|(\d+ ?(min|minutes?) )?listen)$`,
		MaxChars: 120,
		Expand:   250,
	},
	{
		Name:     "audio-player",
		Stage:    StageBody,
		Selector: `[class*="audio-player"], [class*="article-audio"], [class*="listen-button"], [class*="text-to-speech"], [class*="speechify"], [class*="trinity"], [class*="beyondwords"]`,
		MaxChars: 300,
	},
	// Reading-time labels such as "3 min read" or "Lesezeit: 4 Minuten".
	{
		Name:     "reading-time",
		MinChars: 4,
		Stage:    StageBody,
		Text:     `(?i)^((reading time|lesezeit|lesedauer|temps de lecture|tiempo de lectura)\s*:?\s*(ca\.\s*)?\d+\s*(-\s*\d+\s*)?(min|mins|minutes?|minuten|minutos)\.?|(ca\.\s*)?\d+\s*(-\s*\d+\s*)?(min|mins|minutes?|minuten|minutos)\.?\s*(read|reading|to read|lesen|lesezeit|lesedauer|de lecture|de lectura|lectura))$`,
		MaxChars: 40,
	},

	// Body rules: what the readability pass leaves inside the article.
	{
		Name:     "bookmark-card",
		Stage:    StageBody,
		Selector: `.kg-bookmark-card, [class*="bookmark-card"], .wp-block-embed-wordpress, .wp-embedded-content`,
		MaxChars: 700,
	},
	{
		// Teaser and related-content boxes are mostly links; a "teaser"
		// class without links is often the article's own lead.
		Name:           "teaser-card",
		Stage:          StageBody,
		Selector:       `[class*="related"], [class*="teaser"], [class*="read-more"], [class*="readmore"], [class*="read-also"], [class*="recommended"], [class*="more-stories"], [class*="also-read"]`,
		MaxChars:       700,
		MinLinkDensity: 0.3,
	},
	{
		// Headings that introduce a box or list of links to other articles.
		Name:      "related-heading",
		MinChars:  5,
		Stage:     StageBody,
		Selector:  `p, div, h2, h3, h4, h5, h6, strong, span, b, section > header`,
		Text:      `(?i)^(related( articles?| stories| posts| content| reading| news| coverage)?|read (also|more|next)|also read|see also|more (from|in) .{1,40}|more news|more stories|recommended( for you| reading)?|you (may|might) also (like|be interested in|enjoy)|don't miss|(auch|ebenfalls) interessant|lesen sie (auch|mehr|weiter)( die folgenden beiträge| zum thema)?|mehr (zum thema|dazu|zu .{1,40})( auf .{1,30})?|das (thema )?könnte (sie|dich) auch interessieren|weitere (artikel|beiträge|themen|nachrichten|news|tipps|infos|links|storys|stories|homestorys|tourentipps)( zum thema| aus (der|dem|unserer?) .{1,40})?|zum weiterlesen|(presse)?kontakt|ansprechpartner(in)?|press contact|media contact|(auch|mehr) (auf|bei) [\p{L}\d-]+\.(de|com|at|ch|fr|es|it|net|org)|(weitere|zusätzliche) informationen( zum thema| hierzu| zu .{1,40})?|zusatzinformationen|quellenangaben|einzelnachweise|inhaltsverzeichnis|table of contents|über (den|die) autor(in)?|about the author|(entdecke|entdecken sie) (weitere|mehr) .{1,40}|mehr themen|noch mehr (infos|artikel|beiträge|stories|storys|themen|tipps|news)\b.{0,40}|neueste (artikel|beiträge|nachrichten)|empfohlene (artikel|beiträge)|(auch|ebenfalls) lesen|siehe auch|empfehlungen aus .{1,40}|weiterführende (links|artikel|informationen)|verwandte (themen|artikel|beiträge)( auf unserem blog| zum thema)?|schon gelesen\??|heute empfehlen wir|empfehlungen( der redaktion)?|(à )?lire aussi|à lire (également|aussi)|sur le même sujet|à voir aussi|(les )?articles similaires|dans la même rubrique|(les )?plus lus|noticias relacionadas|artículos relacionados|(lo )?más leído|te recomendamos|articoli correlati|(ti )?potrebbe interessar(ti|e)|notícias relacionadas|mais lidas|lees ook|gerelateerde artikelen|meer over dit onderwerp|most (read|popular|viewed)|trending( now| stories)?|editor'?s picks|top stories|latest (news|stories|articles)|leer más|lee también|lea también|te puede interesar|también te puede interesar|puedes ver|czytaj (też|także|również)|zobacz (też|także)|leia também|veja também|leggi anche|vedi anche)\s*[:?!.]*$`,
		MaxChars:  80,
		Expand:    500,
		Following: true,
	},
	{
		// "Read more: <headline>" paragraphs inside the story.
		Name:           "read-also-link",
		MinChars:       10,
		Stage:          StageBody,
		Selector:       `p, div, li, h3, h4, strong, em, span`,
		Text:           `(?i)^(read (more|also|next)|also read|see also|related|more|lesen sie (auch|mehr)|mehr zum thema|auch interessant|(à )?lire aussi|lea (también|más)|lea|mira|le puede interesar|te puede interesar|vea también|lee también|leer más|puedes ver|ver también|czytaj (też|także|również)|zobacz (też|także)|leia também|leggi anche)\s*[:|>»\-–—]\s*\S`,
		MaxChars:       250,
		MinLinkDensity: 0.4,
	},
	{
		Name:     "comments",
		Stage:    StageBody,
		Selector: `#comments, .comments, #respond, .comment-respond, .comments-area, .comment-list, .commentlist, [id^="comment-"], [class*="comment-form"], [class*="comments-section"], #disqus_thread, .kommentare, #kommentare, [class*="kommentare-"]`,
	},
	{
		Name:      "comments-heading",
		MinChars:  5,
		Stage:     StageBody,
		Selector:  `h2, h3, h4, p, div, span, strong`,
		Text:      `(?i)^((\d+|no|keine) )?(comments?|kommentare?|commentaires?|comentarios?|leave a (reply|comment)|(write|post|add) a comment|kommentar (schreiben|verfassen|hinzufügen)|kommentare (schreiben|geschlossen|insgesamt)|comments are closed|laisser un commentaire|deja un comentario|sie müssen angemeldet sein,? um kommentare zu schreiben!?|be the first to comment( on this (article|story|post))?|no comments yet|noch keine kommentare( vorhanden)?|schreib(e|en sie) (den )?ersten kommentar|soyez le premier à (commenter|réagir))\s*[:.!]*(\s*\(?\d+\)?)?$`,
		MaxChars:  80,
		Expand:    200,
		Following: true,
	},
	{
		Name:     "ad-label",
		Selector: `:not(abbr)`,
		MinChars: 2,
		Stage:    StageBody,
		Text:     `(?i)^[-–—*(\s]*(anzeige|advertisement|advertising|werbung|publicidad|publicité|reklama|pubblicità|sponsored( content)?|ad|ads)[-–—*):\s]*$`,
		MaxChars: 25,
	},
	{
		// An advertisement's own label with its pitch: "ANZEIGE - Heute
		// mal ausgehen? Wie wäre es mit:". The label is written in
		// capitals, which prose never opens with.
		Name:     "ad-pitch",
		Stage:    StageBody,
		MinChars: 10,
		Text:     `^(ANZEIGE|WERBUNG|ADVERTISEMENT|SPONSORED|PUBLICIDAD|PUBLICITÉ)\s*[-–—:|]\s*.{3,120}$`,
		MaxChars: 140,
	},
	{
		Name:     "load-more",
		MinChars: 6,
		Stage:    StageBody,
		Text:     `(?i)^(load more|show more|mehr laden|lade weitere inhalte|weitere laden|mehr anzeigen|afficher plus|cargar más|ver más)( (articles|stories|news|artikel|beiträge|noticias|artículos))?\s*(…|\.\.\.)?$`,
		MaxChars: 40,
	},

	// Body rules for metadata that leaks into the story: copyright lines,
	// category and tag footers, social follow prompts, image credits,
	// ratings and print buttons.
	{
		Name:     "copyright-line",
		MinChars: 5,
		Stage:    StageBody,
		// A credit without a year ("© Agency/Photographer") ends before any
		// sentence: a paragraph that opens with an image's credit and goes
		// on with the story must stay.
		Text:     `(?i)^((©|\(c\)|copyright)\s*(©|\(c\))?\s*\d{4}.{0,160}|(©|\(c\))([^.!?]|[.!?]\S){0,100}((e\.v|inc|ltd|co|corp|s\.a)\.)?|(alle rechte vorbehalten|all rights reserved|written permission must be obtained|tous droits réservés|todos los derechos reservados).{0,160})$`,
		MaxChars: 200,
	},
	{
		// A licence statement: "This work is licensed under CC BY 4.0",
		// "Sofern nicht anders ausgewiesen, stehen Inhalte unter CC-BY".
		Name:     "license-line",
		MinChars: 20,
		Stage:    StageBody,
		Text:     `(?i)^(this (work|article|post|text|content|page) is licen[cs]ed under|except where otherwise noted|unless otherwise (noted|stated)|(dieser|der) (text|beitrag|artikel|inhalt) (wurde veröffentlicht|steht|ist lizenziert) unter|sofern nicht anders (angegeben|ausgewiesen|vermerkt)).{0,200}\b(licen[cs]e|lizenz|creative ?commons|cc[- ]by|cc0)\b.{0,120}$`,
		MaxChars: 300,
	},
	{
		Name:     "post-footer-meta",
		MinChars: 6,
		Stage:    StageBody,
		Text:     `(?i)^(this (entry|post|article) was posted|posted in\b|filed under\b|categor(y|ies)\s*:|tags?\s*:|tagged( with)?\s*:|schlagw(ö|oe)rter\s*:|kategorien?\s*:|stichw(ö|oe)rter\s*:|themen\s*:|etiquetas\s*:|mots-clés\s*:|catégories?\s*:|this (entry|post) was tagged\b|veröffentlicht (in|unter)\b|[\d./:, -]{6,24}(kategorien?|categor(y|ies)|rubrik)\s*:)`,
		MaxChars: 300,
	},
	{
		// WordPress's long entry footer, which runs past post-footer-meta's
		// limit: "Der Beitrag wurde am ... veröffentlicht und wurde unter
		// ... abgelegt. Du kannst die Kommentare zu diesen Eintrag ...".
		Name:     "entry-footer",
		MinChars: 20,
		Stage:    StageBody,
		// The phrases let the pattern, which can start anywhere in the
		// first words, run only on the few texts that hold one.
		Phrases: []string{"der beitrag wurde am", "abgelegt unter", "gespeichert unter", "you can follow any responses to this entry",
			"sie können alle antworten zu diesem eintrag"},
		Text:     `(?i)^(der beitrag wurde am .{0,80}\bveröffentlicht\b.{0,200}\b(abgelegt|eintrag)\b|.{0,80}\b(abgelegt|gespeichert) unter\b|.{0,160}\b(you can follow any responses to this entry|sie können alle antworten zu diesem eintrag)).*$`,
		MaxChars: 500,
	},
	{
		Name:     "social-follow",
		MinChars: 15,
		Stage:    StageBody,
		Text:     `(?i)^((follow|find) (us|me|[\p{Lu}][\p{L}.' ]{0,40}) on (twitter|facebook|instagram|linkedin|x|youtube|tiktok|threads|mastodon|bluesky)\b.{0,200}|you can (keep up|follow|find) (with )?me on (twitter|facebook|instagram|linkedin|x|mastodon|bluesky)\b.{0,120}|for the latest (news|stories|updates).{0,120}(download|follow|subscribe).{0,120}|folgen sie (uns|.{1,40}) (auf|bei) (twitter|facebook|instagram|x)\b.{0,120}|(share|teilen) (this|on|auf|via) .{0,40})$`,
		MaxChars: 300,
	},
	{
		Name:     "image-credit",
		MinChars: 6,
		Stage:    StageBody,
		Text:     `(?i)^((image|photo|picture|foto|bild|titel|beitrags)?(bild|foto)?\s*(credits?|quelle|nachweis|source)|titelbild|beitragsbild|crédits? photos?|bildquelle|fotos?|photos?|bild|imagen|foto de portada|źródło|fonte|fuente)\s*:\s*[\p{Lu}\p{N}©(].{0,80}$`,
		MaxChars: 100,
	},
	{
		Name:     "photo-credit-line",
		Selector: `:not(figcaption, figcaption *, figure *)`, // a credit in a caption is part of it
		Stage:    StageBody,
		MinChars: 6,
		Text:     `^((?i:photograph|photo|picture|image|foto|bild) (?i:by|von|via)|(?i:credit|credits|bildnachweis))\s*:?\s*\p{Lu}[\p{L}\p{N}.,&/' -]{0,60}$|^(?i:credit|credits)\s*:$`,
		MaxChars: 80,
	},
	{
		Name:     "rating-and-print",
		MinChars: 6,
		Stage:    StageBody,
		Text:     `(?i)^(was this (article|page|post) (helpful|useful)\??.{0,40}|war (der|dieser) (artikel|beitrag) (nützlich|hilfreich)\??.{0,40}|\(?noch keine bewertungen\)?|\(?no ratings yet\)?|rate this (article|post|recipe).{0,20}|(rezept|artikel|seite) drucken|print (this )?(article|recipe|page)|drucken|zum vergrößern auf das bild( klicken)?[.!]?|click (to|on the image to) (enlarge|zoom)|bild anzeigen|(bild|foto) vergrößern|we want to hear what you think about this article.{0,80}|hier (können sie|kannst du) (den|diesen) (artikel|beitrag) bewerten[.:!]?)$`,
		MaxChars: 120,
	},
	{
		// A short paragraph that is nothing but a link points elsewhere.
		Name:           "link-paragraph",
		Stage:          StageBody,
		Selector:       `p`,
		MinChars:       15,
		MaxChars:       100,
		MinLinkDensity: 0.95,
	},
	{
		Name:     "share-prompt",
		MinChars: 6,
		Stage:    StageBody,
		Text:     `(?i)^((artikel|beitrag|post|article|story)? ?(gefallen|gefällt (dir|ihnen)|liked (it|this))\?.{0,60}(teilen|share).{0,20}|möchten sie (den|diesen) (artikel|beitrag) teilen\??|share (this|the) (article|story|post)( with .{0,30})?[:!.]?|(jetzt |artikel |beitrag )?teilen\s*:?|(den |diesen )?(artikel|beitrag) (mit anderen )?teilen(/diskutieren)?\s*:?|mit diesem button kannst du.{0,120})$`,
		MaxChars: 200,
	},
	{
		// Advertising and affiliate disclosures.
		Name:     "ad-disclosure",
		MinChars: 30,
		Stage:    StageBody,
		Phrases: []string{
			"dieser beitrag enthält werbung", "dieser artikel enthält werbung", "this post contains affiliate",
			"this article contains affiliate", "this post may contain affiliate", "für links auf dieser seite",
			"for links on this page", "für käufe über diese links", "enthält affiliate-links", "enthält provisionslinks",
			"contains references to products from one or more of our advertisers", "we may receive compensation when you click",
			"we may earn a commission", "as an amazon associate", "we earn from qualifying purchases",
			"bei den verlinkungen handelt es sich um", "handelt es sich um affiliate-links", "handelt es sich um provisions-links",
			"solche links kennzeichnen wir mit einem sternchen", "geld erhalten wir, wenn sie",
		},
		MaxChars: 400,
	},
	{
		// Advertiser-disclosure panels and pop-ups of review and finance
		// sites: long legal prose the readability pass can take for the
		// article. Page stage, before it does.
		Name:     "advertiser-disclosure",
		Selector: `[class*="advertiser-disclosure"], [id*="advertiser-disclosure"], [class*="affiliate-disclosure"], [id*="affiliate-disclosure"], [class*="editorial-disclosure"], [class*="advertising-disclosure"]`,
		MaxChars: 3000,
	},
	{
		Name:     "post-navigation",
		MinChars: 6,
		Stage:    StageBody,
		Text:     `(?i)^((vorschau auf den )?(vorherige[rn]?|nächste[rn]?|previous|next|older|newer) (artikel|beitrag|post|article|story|entry)\b.{0,100}|weiterführende[rn]? links?:?|(\.\.\.|…) ?weiter zu .{0,80}|zurück zur (übersicht|startseite)|permalink|permalien|enlace permanente|back to (top|overview|home))$`,
		MaxChars: 160,
	},
	{
		Name:     "counters-and-notices",
		MinChars: 5,
		Stage:    StageBody,
		Phrases: []string{
			"aufrufe", "views", "hits", "gelesen", "wurde erfolgreich hinzugefügt", "wurde erfolgreich in den warenkorb",
			"letter to the editor", "únete", "síguenos", "suscríbete",
		},
		Text:     `(?i)^((aufrufe|views|hits|gelesen|seitenaufrufe)\s*:?\s*[\d.,]*( ?(mal|times))?|.*wurde erfolgreich (hinzugefügt|in den warenkorb gelegt).*|submit (your|a) letter to the editor.*|(únete|síguenos|suscríbete)\b.*\b(telegram|whatsapp|facebook|twitter|instagram|youtube)\b.*)$`,
		MaxChars: 260,
	},
	{
		// A byline or bare date left at the top or bottom of the story.
		Name:     "byline-line",
		Selector: `:not(h1, h2, h3, h4, h5, h6, td, th, a)`, // a linked date is an embedded post's permalink
		MinChars: 3,
		Stage:    StageBody,
		Text:     `^((?i:by|von|par|por|di|door|av|af)\s*:?\s*\p{Lu}[\p{L}.'\-]*( \p{Lu}[\p{L}.'\-]*){0,3}( (?i:and|und|et|y|e|&) \p{Lu}[\p{L}.'\-]*( \p{Lu}[\p{L}.'\-]*){0,3})?|(?i:von|by)\s*:?|\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}(,? \d{1,2}:\d{2}( (?i:uhr))?)?|(?i:posted|published|veröffentlicht|aktualisiert|zuletzt aktualisiert|updated|erstellt|publiziert|geschrieben|der beitrag wurde|publicado|publié)( (?i:on|am|el|le))?\s*:?\s*(\p{L}+,? )?(\d{1,2}[./-] ?\d{1,2}[./-] ?\d{2,4}|\p{L}+\.? \d{1,2},? \d{4}|\d{1,2}\.? \p{L}+\.? \d{4}|\d{4}-\d{2}-\d{2})(,? ((?i:um|at) )?\d{1,2}:\d{2}( ?(?i:uhr|am|pm))?)?|\d{1,2}:\d{2}( ?(?i:am|pm|uhr|h))?|(\d{1,2}\.? ?\p{L}+\.? \d{4}|\p{L}+\.? \d{1,2},? \d{4})(,? ((?i:um|at|à|a las) )?\d{1,2}[:.]\d{2}( ?(?i:uhr|am|pm|h))?)?( \| [^|]{1,40})?|[^|]{0,40}\|[^|]{0,40}\b(19|20)\d{2}\b[^|]{0,40}\|.{0,80})\.?$`,
		MaxChars: 80,
	},
	{
		Name:           "navigation",
		Stage:          StageBody,
		Selector:       `nav, [role="navigation"], [class*="breadcrumb"], [id*="breadcrumb"], [class*="menu"], [id*="menu"]`,
		MinLinkDensity: 0.5,
	},
	{
		// Breadcrumbs, whose last crumb (the headline, unlinked) keeps
		// their link density under the navigation rule's.
		Name:     "breadcrumb",
		Stage:    StageBody,
		Selector: `[class*="breadcrumb"], [id*="breadcrumb"], [itemtype*="BreadcrumbList"], [aria-label*="breadcrumb" i]`,
		MaxChars: 400,
	},
	{
		// A short list made only of links inside the story is a list of
		// teasers ("The latest news about ..."), not prose.
		Name:           "link-list",
		Stage:          StageBody,
		Selector:       `ul, ol`,
		MaxChars:       160,
		MinLinkDensity: 0.9,
	},
	{
		Name:     "share-bar",
		Stage:    StageBody,
		Selector: `[class*="share"]:not(blockquote, figure, figcaption, img, picture, p):not(:has(img, figcaption)), [class*="social"]:not(figure, p), [id*="share"]:not(h1, h2, h3, h4, h5, h6)`,
		MaxChars: 120,
	},
	{
		Name:     "form-controls",
		Stage:    StageBody,
		Selector: `button, input, select, textarea, label`,
	},
	{
		// Some CMSs wrap the whole page in one form, so only small forms go.
		Name:     "form",
		Stage:    StageBody,
		Selector: `form, fieldset`,
		MaxChars: 400,
	},
	{
		Name:     "author-box",
		Stage:    StageBody,
		Selector: `[class*="author-bio"], [class*="author-box"], [class*="about-author"], [class*="author-info"], [class*="author-card"]`,
		MaxChars: 1000,
	},
	{
		Name:     "byline-block",
		Stage:    StageBody,
		Selector: `[class*="byline"], [class*="post-meta"], [class*="entry-meta"], [class*="article-meta"], [class*="article__meta"], [itemprop="author"], [rel="author"]`,
		MaxChars: 200,
	},
	{
		Name:           "tag-list",
		Stage:          StageBody,
		Selector:       `[class*="tags"], [class*="tag-list"], [class*="post-tags"], [rel="tag"], [class*="categories"]`,
		MaxChars:       300,
		MinLinkDensity: 0.5,
	},
}
