package declutter

// boilerplateCases holds, for every built-in rule, markup it must remove
// (as real sites of that family write it) and real story text it must keep
// (prose that mentions the rule's cue words). TestBoilerplateRules runs
// them; TestBoilerplateRulesAllTested makes sure every rule has both.
var boilerplateCases = map[string]ruleCases{
	// Newsletter sign-up widgets (page stage).
	"newsletter-mailchimp": {
		remove: []ruleCase{
			{name: "embed form", text: "Get the morning briefing", html: `<div id="mc_embed_shell"><div id="mc_embed_signup"><form action="https://example.us21.list-manage.com/subscribe/post?u=abc&amp;id=def" method="post" id="mc-embedded-subscribe-form" name="mc-embedded-subscribe-form" class="validate" target="_blank"><div id="mc_embed_signup_scroll"><h2>Get the morning briefing</h2><div class="indicates-required"><span class="asterisk">*</span> indicates required</div><div class="mc-field-group"><label for="mce-EMAIL">Email Address <span class="asterisk">*</span></label><input type="email" name="EMAIL" class="required email" id="mce-EMAIL" required value=""></div><div id="mce-responses" class="clear foot"><div class="response" id="mce-error-response" style="display: none;"></div><div class="response" id="mce-success-response" style="display: none;"></div></div><div aria-hidden="true" style="position: absolute; left: -5000px;"><input type="text" name="b_abc_def" tabindex="-1" value=""></div><div class="clear foot"><input type="submit" name="subscribe" id="mc-embedded-subscribe" class="button" value="Subscribe"></div></div></form></div></div>`},
			{name: "mc4wp plugin form", text: "Email address:", html: `<form id="mc4wp-form-1" class="mc4wp-form mc4wp-form-123" method="post" data-id="123" data-name="Newsletter"><div class="mc4wp-form-fields"><p><label>Email address: <input type="email" name="EMAIL" placeholder="Your email address" required></label></p><p><input type="submit" value="Sign up"></p></div><div class="mc4wp-response"></div></form>`},
			{name: "bare list-manage form", text: "Stay informed: our weekly digest", html: `<form action="https://news.us5.list-manage.com/subscribe/post?u=1&amp;id=2" method="post"><p>Stay informed: our weekly digest</p><input type="email" name="EMAIL" placeholder="you@example.com"><button type="submit">Go</button></form>`},
			{name: "response messages", text: "Almost finished", html: `<div id="mce-responses" class="clear"><div class="response" id="mce-success-response">Almost finished... We need to confirm your email address.</div></div>`},
		},
		keep: []ruleCase{
			{name: "prose about Mailchimp", text: "Mailchimp, the email marketing firm bought by Intuit", html: `<p>Mailchimp, the email marketing firm bought by Intuit in 2021 for $12 billion, said the embed forms its customers paste into their sites would keep working, and that people already on a list would not need to sign up again.</p>`},
			{name: "asterisk in prose", text: "an asterisk indicates required fields", html: `<p>On the council's new online form an asterisk indicates required fields, and residents who leave any of them empty are sent back to the start, which several pensioners said they found confusing.</p>`},
		},
	},
	"newsletter-required-note": {
		remove: []ruleCase{
			{name: "note outside the form", text: "indicates required", html: `<p class="note"><span class="asterisk">*</span> indicates required</p>`},
			{name: "no space", text: "*indicates required", html: `<div><small>*Indicates required</small></div>`},
		},
		keep: []ruleCase{
			{name: "prose", text: "A star next to a question indicates required information", html: `<p>A star next to a question indicates required information, the tax office said, but many of the starred questions did not apply to people who rent.</p>`},
			{name: "required in prose", text: "indicates required repairs", html: `<p>A red mark on the map indicates required repairs.</p>`},
		},
	},
	"newsletter-form": {
		remove: []ruleCase{
			{name: "Ghost signup card", text: "Weekly analysis, free.", html: `<section class="kg-card kg-signup-card kg-width-regular"><div class="kg-signup-card-content"><h2 class="kg-signup-card-heading">Sign up for The Ledger</h2><p class="kg-signup-card-subheading">Weekly analysis, free.</p><form class="kg-signup-card-form" data-members-form="signup"><div class="kg-signup-card-fields"><input class="kg-signup-card-input" data-members-email type="email" required placeholder="Your email"><button class="kg-signup-card-button" type="submit"><span class="kg-signup-card-button-default">Subscribe</span></button></div><div class="kg-signup-card-success">Email sent! Check your inbox to complete your signup.</div></form></div></section>`},
			{name: "Ghost members form", text: "Get new posts by email", html: `<div class="gh-subscribe"><h3>Get new posts by email</h3><form data-members-form="subscribe"><input data-members-email type="email" placeholder="jamie@example.com" required><button type="submit">Subscribe</button></form></div>`},
			{name: "Substack widget", text: "Thanks for reading!", html: `<div class="subscription-widget-wrap"><div class="subscription-widget show-subscribe"><div class="preamble"><p>Thanks for reading! Subscribe for free to receive new posts and support my work.</p></div><form class="subscription-widget-subscribe"><input type="email" class="email-input" name="email" placeholder="Type your email…" tabindex="-1"><input type="submit" class="button primary" value="Subscribe"></form></div></div>`},
			{name: "newsletter class", text: "the day's news in five minutes", html: `<div class="newsletter-signup"><p>The Briefing: the day's news in five minutes, every weekday morning.</p><form action="/join" method="post"><input type="text" name="address" aria-label="Address"><button type="submit">Sign me up</button></form></div>`},
			{name: "email input only", text: "Alerts when the river rises", html: `<form action="/alerts" method="post"><p>Alerts when the river rises</p><input name="user_email" placeholder="Your email"><button>OK</button></form>`},
		},
		keep: []ruleCase{
			{name: "long body in a newsletter wrapper", text: "The newsletter business has changed", html: `<div class="post-body newsletter-content"><p>The newsletter business has changed more in the past five years than in the twenty before. Writers who once depended on a single publication now sell subscriptions directly to readers, and platforms compete for them with advances and revenue guarantees. The biggest of those platforms said this week that it now has more than five million paying subscribers, though it did not say how many of them pay for more than one publication. Analysts said the figure suggests the market is maturing: growth has slowed, churn has risen, and many writers report that a handful of their posts bring in most of their new readers. Several said they now spend as much time on marketing as on writing, and that the promise of independence had come with a new kind of dependence.</p></div>`},
			{name: "prose about signing up", text: "urged residents to sign up for the newsletter", html: `<p>The mayor's office urged residents to sign up for the newsletter it started after last year's floods, saying it is the fastest way to hear about road closures and shelters.</p>`},
		},
	},
	"newsletter-prompt": {
		remove: []ruleCase{
			{name: "email prompt and button", text: "Enter your email address", html: `<div class="cta"><p>Enter your email address</p><input type="email"><button>Subscribe</button></div>`},
			{name: "sign up for our newsletter", text: "Sign up for our daily newsletter", html: `<p>Sign up for our daily newsletter and get the best stories in your inbox.</p>`},
			{name: "success message", text: "You're subscribed!", html: `<div class="form-message">You're subscribed!</div>`},
			{name: "thank you", text: "Thank you for subscribing", html: `<p class="success">Thank you for subscribing! Check your inbox.</p>`},
			{name: "bare heading", text: "Newsletter", html: `<div class="box"><h4>Newsletter</h4><p>Sign up now</p></div>`},
			{name: "German top news", text: "Jetzt für Top-News anmelden", html: `<p><strong>Jetzt für Top-News anmelden</strong></p>`},
			{name: "never miss", text: "Never miss the latest news", html: `<p>Never miss the latest news by signing up for our morning briefing.</p>`},
		},
		keep: []ruleCase{
			{name: "prose about a newsletter", text: "Residents can sign up for the council's flood alerts newsletter", html: `<p>Residents can sign up for the council's flood alerts newsletter at the library, the council said, adding that more than 4,000 people had done so since January.</p>`},
			{name: "subscribe in a quote", text: "“Subscribe, and you will never miss a warning,” the leaflet says", html: `<p>“Subscribe, and you will never miss a warning,” the leaflet says. But the service only sends text messages, and many older residents in the valley do not have mobile phones.</p>`},
		},
	},

	// Membership and donation appeals, paywalls.
	"membership-appeal": {
		remove: []ruleCase{
			{name: "membership banner", text: "Our readers make it possible.", html: `<div class="membership-cta"><h3>Support independent journalism</h3><p>We keep our reporting free for everyone. Our readers make it possible.</p><a class="btn" href="/membership">Become a member</a> <a href="/gift">Gift membership</a></div>`},
			{name: "donate button", text: "Reader-funded since 2015", html: `<aside class="reader-appeal"><p>Reader-funded since 2015. Every gift counts.</p><button type="button">Donate now</button></aside>`},
			{name: "German", text: "Guter Journalismus kostet Geld", html: `<div class="abo-box"><p>Guter Journalismus kostet Geld.</p><a href="/abo">Jetzt Mitglied werden</a></div>`},
			{name: "support our work", text: "Nonprofit newsrooms depend on you", html: `<section class="appeal"><p>Nonprofit newsrooms depend on you.</p><p><a href="/give" class="button">Support our journalism</a></p></section>`},
		},
		keep: []ruleCase{
			{name: "members in prose", text: "hoped more visitors would become members", html: `<p>The museum now has 12,000 members, up from 9,000 a year ago, and its director said she hoped more visitors would become members after the renovation, which cost $40 million.</p>`},
			{name: "donate in a long paragraph", text: "The relief fund, which residents can donate to online", html: `<p>The relief fund, which residents can donate to online or at any post office, has raised more than €2 million since the floods began. The regional government said it would match every euro given before the end of the month, and that the first payments to families who lost their homes would be made next week. Charities asked people not to send clothes or food, which they have no room to store, and to give money instead.</p>`},
		},
	},
	"paywall-prompt": {
		remove: []ruleCase{
			{name: "log in prompt", text: "Already a subscriber? Log in", html: `<div class="paywall-login"><p>Already a subscriber? Log in</p></div>`},
			{name: "members only", text: "This article is for paying subscribers only", html: `<p>This article is for paying subscribers only. Choose a plan to keep reading.</p>`},
			{name: "sign in to continue", text: "Sign in to continue reading", html: `<div class="gate"><p>Sign in to continue reading</p></div>`},
		},
		keep: []ruleCase{
			{name: "already a member in prose", text: "Already a member of the European Union since 2004", html: `<p>Already a member of the European Union since 2004, Poland joined the eurozone talks only last year, and officials in Warsaw say they are in no hurry to adopt the single currency.</p>`},
			{name: "subscribers in prose", text: "Already a subscriber to three streaming services", html: `<p>Already a subscriber to three streaming services, Maria said she would not sign up for a fourth one.</p>`},
		},
	},

	"donation-appeal": {
		remove: []ruleCase{
			{name: "German", text: "Hat Ihnen dieser Artikel gefallen?", html: `<p><b>Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns bitte mit einer <a href="/spende">Spende</a>, oder werden Sie <a href="/abo">Mitglied</a>.</b></p>`},
			{name: "English", text: "If you value our journalism", html: `<p>If you value our journalism, please consider a contribution: every reader who gives keeps it free for everyone.</p>`},
			{name: "no paywall", text: "Gefällt dir unser Klettermagazin?", html: `<p>Gefällt dir unser Klettermagazin? Bei der Lancierung haben wir entschieden, keine Bezahlschranke (Paywall) einzuführen. Das wird auch so bleiben.</p>`},
			{name: "liked this", text: "Did you like this article?", html: `<p>Did you like this article? Support independent reporting with a monthly donation.</p>`},
		},
		keep: []ruleCase{
			{name: "quoted question", text: "Did you like the article?\" the survey asked", html: `<p>"Did you like the article?" the survey asked readers, before asking how often they read a local paper and whether they would pay for one.</p>`},
			{name: "donation in prose", text: "If you value this work, the director said", html: `<p>If you value this work, the director said, you will understand why the museum wants more money from the city, not less.</p>`},
		},
	},
	"donation-box": {
		remove: []ruleCase{
			{name: "support box", text: "We are proud to provide our readers", html: `<div class="p-4 donation"><h2>Support The Valley Herald</h2><p>We are proud to provide our readers with independent news for free.</p><a href="/donate">Contribute</a></div>`},
			{name: "donation banner", text: "Keep local news alive", html: `<section class="donation-banner"><p>Keep local news alive.</p></section>`},
		},
		keep: []ruleCase{
			{name: "donations in prose", text: "Donations to the relief fund", html: `<p class="body-text">Donations to the relief fund passed €2 million on Tuesday, the mayor said, with most of it given by residents of the valley.</p>`},
			{name: "table of donations", text: "Red Cross", html: `<table class="donations-table"><tr><td>Red Cross</td><td>€1.2 million</td></tr></table>`},
		},
	},
	"subscription-box": {
		remove: []ruleCase{
			{name: "benefits box", text: "Unlimited digital access to the Valley Herald", html: `<div class="identity-intro"><div class="h2">THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY</div><p>Subscribe now to read the latest news in your city and across the country.</p><ul><li>Unlimited digital access to the Valley Herald.</li><li>Award-winning newsletters and virtual events.</li><li>The Valley Herald ePaper and app.</li></ul></div>`},
		},
		keep: []ruleCase{
			{name: "subscribers in prose", text: "The report is available to subscribers of the trade journal", html: `<p>The report is available to subscribers of the trade journal, which first revealed the cracks in the spillway last spring.</p>`},
		},
	},
	"breadcrumb": {
		remove: []ruleCase{
			{name: "trail ending in the headline", text: "Startseite", html: `<div id="breadcrumb" class="breadcrumb"><ul><li><a href="/">Startseite</a></li><li><a href="/politik/">Politik</a></li><li>Floods force thousands from their homes and close the schools</li></ul></div>`},
			{name: "schema.org list", text: "Home", html: `<ol itemscope itemtype="https://schema.org/BreadcrumbList"><li><a href="/">Home</a></li><li>News</li></ol>`},
		},
		keep: []ruleCase{
			{name: "breadcrumbs in prose", text: "a trail of breadcrumbs", html: `<p class="story">Investigators followed a trail of breadcrumbs, emails and invoices, back to the company that had built the dam.</p>`},
		},
	},
	"disclaimer": {
		remove: []ruleCase{
			{name: "views expressed", text: "The views expressed in this article are those of the author", html: `<p><em>The views expressed in this article are those of the author and do not reflect the position of the Valley Herald.</em></p>`},
			{name: "not responsible", text: "is not responsible for the opinions", html: `<p>The Valley Herald is not responsible for the opinions, statements or media content presented by contributors.</p>`},
			{name: "German opinion", text: "Der Beitrag gibt die Meinung des Autors wieder", html: `<p>Der Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion.</p>`},
			{name: "no guarantee", text: "Alle Angaben ohne Gewähr", html: `<p><small>Alle Angaben ohne Gewähr.</small></p>`},
		},
		keep: []ruleCase{
			{name: "responsibility in prose", text: "The company said it is not responsible for the flooding", html: `<p>The company said it is not responsible for the flooding, and that the council had ignored three reports on the spillway.</p>`},
			{name: "views in prose", text: "The views expressed at the meeting were", html: `<p>The views expressed at the meeting were sharply divided between farmers and residents of the lower town.</p>`},
		},
	},
	"entry-footer": {
		remove: []ruleCase{
			{name: "German WordPress entry footer", text: "Abgelegt unter Israel", html: `<p>Von am 21/02/2021. Abgelegt unter Israel. Sie können alle Antworten zu diesem Eintrag durch den RSS 2.0 Feed verfolgen.</p>`},
			{name: "RSS sentence", text: "You can follow any responses", html: `<p>Written on May 3, 2021. You can follow any responses to this entry through the RSS 2.0 feed.</p>`},
			{name: "German", text: "Der Beitrag wurde am Mittwoch", html: `<p>Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und wurde unter Allgemein, Region Halle - Leipzig, Tastings &amp; Events, Veranstaltungskalender abgelegt. Du kannst die Kommentare zu diesen Eintrag durch den RSS 2.0 Feed verfolgen. Kommentare sind derzeit geschlossen, aber Du kannst dennoch einen Trackback auf deiner Seite einrichten.</p>`},
		},
		keep: []ruleCase{
			{name: "published in prose", text: "Der Beitrag wurde am Mittwoch im Stadtrat", html: `<p>Der Beitrag wurde am Mittwoch im Stadtrat vorgestellt und soll im Frühjahr veröffentlicht werden, wie die Stadt mitteilte.</p>`},
		},
	},
	"license-line": {
		remove: []ruleCase{
			{name: "German", text: "Dieser Text wurde veröffentlicht unter der Lizenz", html: `<p>Dieser Text wurde veröffentlicht unter der Lizenz <a href="https://creativecommons.org/licenses/by-nc-nd/4.0/">CC-BY-NC-ND 4.0</a>.</p>`},
			{name: "site default", text: "Sofern nicht anders ausgewiesen", html: `<p>Sofern nicht anders ausgewiesen, stehen Inhalte dieser Website unter <a href="http://creativecommons.org/licenses/by/4.0/">CC-BY</a>.</p>`},
			{name: "English", text: "This work is licensed under", html: `<p><small>This work is licensed under a Creative Commons Attribution 4.0 International License.</small></p>`},
		},
		keep: []ruleCase{
			{name: "licence in prose", text: "This work is licensed under the city's building code", html: `<p>This work is licensed under the city's building code, the contractor said, and the permits were granted in 2016.</p>`},
		},
	},
	"paywall-notice": {
		remove: []ruleCase{
			{name: "French cut", text: "Il vous reste 57.09% de cet article à lire", html: `<p><strong>Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés.</strong></p>`},
			{name: "French label", text: "Article réservé aux abonnés", html: `<p>Le texte. <span class="icon__premium"><span class="sr-only">Article réservé aux abonnés</span></span></p>`},
			{name: "German", text: "Dieser Artikel ist nur für Abonnenten", html: `<div class="plus"><p>Dieser Artikel ist nur für Abonnenten verfügbar.</p></div>`},
			{name: "Spanish", text: "Contenido exclusivo para suscriptores", html: `<p>Contenido exclusivo para suscriptores</p>`},
			{name: "Italian", text: "Articolo riservato agli abbonati", html: `<div><span>Articolo riservato agli abbonati</span></div>`},
			{name: "English cut", text: "Subscribe to continue reading", html: `<p>Subscribe to continue reading. Plans start at $1 a week.</p>`},
			{name: "meter", text: "You have read all of your free articles", html: `<p>You have read all of your free articles this month.</p>`},
			{name: "full story", text: "To view the full story, please subscribe", html: `<p>To view the full story, please subscribe to The Valley Herald.</p>`},
			{name: "already a subscriber", text: "If you’re seeing this message but you’re already a subscriber", html: `<p>If you’re seeing this message but you’re already a subscriber, please log in.</p>`},
			{name: "French account wall", text: "Pour lire la suite", html: `<h2>Pour lire la suite <br>et accéder gratuitement à 3 articles par mois,<br>créez votre compte</h2>`},
			{name: "German account wall", text: "Um weiterzulesen", html: `<p>Um weiterzulesen, melden Sie sich an oder schließen Sie ein Abo ab.</p>`},
		},
		keep: []ruleCase{
			{name: "French prose", text: "Le parking est réservé aux abonnés du club", html: `<p>Le parking est réservé aux abonnés du club de tennis, a précisé la mairie, qui promet de nouvelles places en septembre.</p>`},
			{name: "read on in prose", text: "Pour lire la suite du rapport", html: `<p>Pour lire la suite du rapport, les députés devront attendre la fin de l'enquête, a indiqué la commission.</p>`},
			{name: "percentage in prose", text: "Il vous reste 20% de la somme à payer", html: `<p>Il vous reste 20% de la somme à payer à la livraison, explique le vendeur.</p>`},
			{name: "subscribers in a sentence", text: "The article, which is for subscribers of the trade journal only", html: `<p>The article, which is for subscribers of the trade journal only, says the merger will cut 400 jobs by the end of next year.</p>`},
		},
	},

	// Site chrome.
	"skip-link": {
		remove: []ruleCase{
			{name: "WordPress skip link", chrome: true, text: "Skip to content", html: `<a class="skip-link screen-reader-text" href="#main">Skip to content</a>`},
			{name: "jump to main content", chrome: true, text: "Jump to main content", html: `<a href="#main">Jump to main content</a>`},
			{name: "screen reader span", chrome: true, text: "Skip to navigation", html: `<span class="screen-reader-text">Skip to navigation</span>`},
		},
		keep: []ruleCase{
			{name: "table of contents link", text: "Jump to the findings", html: `<p><a href="#findings">Jump to the findings</a> of the inspection report, published on Tuesday.</p>`},
			{name: "prose", text: "viewers to skip to content they have not seen", html: `<p>The broadcaster's new app lets viewers to skip to content they have not seen, which its engineers said took two years to build.</p>`},
		},
	},
	"edit-link": {
		remove: []ruleCase{
			{name: "WordPress edit link", text: "Edit", html: `<span class="edit-link"><a class="post-edit-link" href="https://example.com/wp-admin/post.php?post=1&amp;action=edit">Edit</a></span>`},
			{name: "edit this post", text: "Edit this post", html: `<p><a href="/admin/posts/1/edit">Edit this post</a></p>`},
		},
		keep: []ruleCase{
			{name: "prose", text: "Editors said they would edit the report", html: `<p>Editors said they would edit the report before it was published, but that the findings themselves would not change.</p>`},
			{name: "editor's note", text: "Editor's note: an earlier version", html: `<p><a href="/corrections">Editor's note</a>: an earlier version of this article gave the wrong year for the inspection.</p>`},
		},
	},
	"cookie-consent": {
		remove: []ruleCase{
			{name: "cookie notice", chrome: true, text: "We use cookies to improve your experience", html: `<div id="cookie-notice" role="dialog"><p>We use cookies to improve your experience. By continuing you accept our <a href="/privacy">cookie policy</a>.</p><button>Accept</button><button>Decline</button></div>`},
			{name: "GDPR banner", chrome: true, text: "Your privacy matters", html: `<div class="cmp-gdpr-banner"><p>Your privacy matters. Choose what we may store.</p><a href="#">Settings</a></div>`},
		},
		keep: []ruleCase{
			{name: "prose about cookies", text: "Regulators said cookie banners", html: `<p>Regulators said cookie banners that hide the reject button break the law, and fined two publishers for them.</p>`},
			{name: "prose about consent", text: "without the consent of the owners", html: `<p>The dam was built in 1962 without the consent of the owners of the flooded farms, some of whom are still waiting for compensation.</p>`},
			{name: "recipe section", text: "Bake the cookies for 12 minutes", html: `<div class="recipe-steps"><p>Bake the cookies for 12 minutes, then let them cool on the tray.</p></div>`},
		},
	},

	"consent-manager": {
		remove: []ruleCase{
			{name: "OneTrust", chrome: true, text: "We and our partners store", html: `<div id="onetrust-consent-sdk"><div id="onetrust-banner-sdk" class="otFlat"><div id="onetrust-policy"><p id="onetrust-policy-text">We and our partners store and access information on your device, such as cookies.</p></div><button id="onetrust-accept-btn-handler">I Accept</button></div></div>`},
			{name: "Cookiebot", chrome: true, text: "This website uses cookies", html: `<div id="CybotCookiebotDialog" role="dialog"><h2>This website uses cookies</h2><p>We use cookies to personalise content and ads, to provide social media features and to analyse our traffic. We also share information about your use of our site with our social media, advertising and analytics partners who may combine it with other information that you've provided to them or that they've collected from your use of their services.</p><a id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll" href="#">Allow all</a></div>`},
			{name: "Didomi", chrome: true, text: "With your agreement", html: `<div id="didomi-host"><div class="didomi-popup"><p>With your agreement, we and our partners use cookies or similar technologies.</p><button>Agree and close</button></div></div>`},
		},
		keep: []ruleCase{
			{name: "prose about consent managers", text: "OneTrust, whose consent dialogs", html: `<p>OneTrust, whose consent dialogs appear on thousands of news sites, said the regulator's ruling would not affect its customers.</p>`},
			{name: "consent in a heading", text: "Consent was never given", html: `<h3>Consent was never given</h3>`},
		},
	},
	"embed-consent": {
		remove: []ruleCase{
			{name: "German placeholder", text: "An dieser Stelle findest du einen externen Inhalt", html: `<div class="embed-placeholder"><p>An dieser Stelle findest du einen externen Inhalt von YouTube, der den Artikel ergänzt.</p><button>Externen Inhalt laden</button></div>`},
			{name: "German agreement", text: "Ich bin damit einverstanden", html: `<div class="consent-embed"><p>Empfohlener redaktioneller Inhalt</p><p>Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Personenbezogene Daten können an Drittplattformen übermittelt werden.</p></div>`},
			{name: "English", text: "This content is hosted by a third party", html: `<div class="embed-blocked"><p>This content is hosted by a third party. Click to load the video.</p></div>`},
		},
		keep: []ruleCase{
			{name: "consent in prose", text: "third party that hosted the video", html: `<p>The council said the third party that hosted the video of the meeting had taken it down without asking, and that a copy would be published on its own site next week.</p>`},
			{name: "browser support in prose", text: "older phones do not support the video format", html: `<p>Officials said the warning app failed because older phones do not support the video format it used, and that a text-only version would follow.</p>`},
		},
	},
	// Audio players and narration notices.
	"audio-notice": {
		remove: []ruleCase{
			{name: "AI narration", text: "This audio is created with AI assistance", html: `<div class="audio-note"><p>This audio is created with AI assistance</p></div>`},
			{name: "listen to this article", text: "Listen to this article", html: `<p>Listen to this article</p>`},
			{name: "minutes listen", text: "5 min listen", html: `<button class="play">5 min listen</button>`},
		},
		keep: []ruleCase{
			{name: "listen in prose", text: "Listen to the story of the valley", html: `<p>Listen to the story of the valley as the old farmers tell it, and you hear about floods every generation: 1927, 1954, 1987, and now this one, the worst in living memory.</p>`},
			{name: "quote", text: "“Listen,” she said", html: `<p>“Listen,” she said.</p>`},
			{name: "listen now in prose", text: "“Listen now, or explain it to the families later,” the engineer told the council", html: `<p>“Listen now, or explain it to the families later,” the engineer told the council in 2018.</p>`},
		},
	},
	"audio-player": {
		remove: []ruleCase{
			{name: "BeyondWords player", text: "7:42", html: `<div class="beyondwords-player"><audio controls src="/a.mp3"></audio><span class="duration">7:42</span></div>`},
			{name: "text to speech", text: "Play article", html: `<div class="text-to-speech-widget"><button>Play article</button></div>`},
		},
		keep: []ruleCase{
			{name: "prose", text: "audio players on news sites", html: `<p>The audio players on news sites now read articles aloud in synthetic voices, a feature the company says is used by one reader in ten.</p>`},
			{name: "audio in the story", text: "the mayor's interview with the Herald", html: `<figure><audio controls src="/interview.mp3"></audio><figcaption>Hear the mayor's interview with the Herald, recorded on the embankment.</figcaption></figure>`},
		},
	},
	"reading-time": {
		remove: []ruleCase{
			{name: "English", text: "3 min read", html: `<span class="reading-time">3 min read</span>`},
			{name: "German", text: "Lesezeit: 4 Minuten", html: `<p>Lesezeit: 4 Minuten</p>`},
			{name: "German approx", text: "ca. 6 Minuten Lesezeit", html: `<div>ca. 6 Minuten Lesezeit</div>`},
			{name: "French", text: "Temps de lecture : 5 min", html: `<span>Temps de lecture : 5 min</span>`},
			{name: "Spanish", text: "Tiempo de lectura: 3 minutos", html: `<div class="meta">Tiempo de lectura: 3 minutos</div>`},
		},
		keep: []ruleCase{
			{name: "minutes in prose", text: "It took 20 minutes to read the names", html: `<p>It took 20 minutes to read the names of the missing at the service on Sunday.</p>`},
			{name: "minutes later", text: "20 minutes later the siren sounded", html: `<p>20 minutes later the siren sounded.</p>`},
		},
	},
	"ad-label": {
		remove: []ruleCase{
			{name: "ad slot label", text: "Advertisement", html: `<div class="ad-slot"><span class="ad-label">Advertisement</span></div>`},
			{name: "German", text: "Anzeige", html: `<p>Anzeige</p>`},
			{name: "sponsored", text: "Sponsored content", html: `<div><small>Sponsored content</small></div>`},
		},
		keep: []ruleCase{
			{name: "prose about an ad", text: "The Super Bowl ad, which cost $7 million", html: `<p>The Super Bowl ad, which cost $7 million, was pulled after a day.</p>`},
			{name: "ads in prose", text: "Ads for the referendum ran on every bus", html: `<p>Ads for the referendum ran on every bus in the valley.</p>`},
		},
	},
	"load-more": {
		remove: []ruleCase{
			{name: "button", text: "Load more", html: `<button class="load-more">Load more</button>`},
			{name: "German link", text: "Mehr laden", html: `<p><a href="?page=2">Mehr laden</a></p>`},
			{name: "Spanish", text: "Cargar más", html: `<div class="pager"><a href="/p/2">Cargar más</a></div>`},
		},
		keep: []ruleCase{
			{name: "prose", text: "Show more restraint", html: `<p>“Show more restraint,” the judge told the company's lawyers, before adjourning the hearing until March.</p>`},
			{name: "load in prose", text: "Load more sandbags", html: `<p>“Load more sandbags onto the trucks,” the fire chief shouted as the water rose.</p>`},
		},
	},

	// Body stage: what the readability pass leaves inside the story.
	"bookmark-card": {
		remove: []ruleCase{
			{name: "Ghost bookmark card", text: "Russia strikes energy grid", html: `<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://example.com/news/latest/"><div class="kg-bookmark-content"><div class="kg-bookmark-title">Ukraine war latest: Russia strikes energy grid</div><div class="kg-bookmark-description">Key developments on Nov. 12: power cuts in five regions.</div><div class="kg-bookmark-metadata"><img class="kg-bookmark-icon" src="/icon.png" alt=""><span class="kg-bookmark-author">Example Independent</span><span class="kg-bookmark-publisher">Jane Doe</span></div></div><div class="kg-bookmark-thumbnail"><img src="/t.jpg" alt=""></div></a></figure>`},
			{name: "WordPress embed", text: "How the dam was built", html: `<figure class="wp-block-embed is-type-wp-embed wp-block-embed-wordpress"><div class="wp-block-embed__wrapper"><blockquote class="wp-embedded-content"><a href="https://example.com/dam/">How the dam was built</a></blockquote></div></figure>`},
		},
		keep: []ruleCase{
			{name: "bookmark in prose", text: "asked residents to bookmark the page", html: `<p>The council asked residents to bookmark the page with the river levels and check it twice a day.</p>`},
			{name: "photo figure", text: "The old mill, seen from the bridge", html: `<figure class="wp-block-image"><img src="/mill.jpg" alt=""><figcaption>The old mill, seen from the bridge on Tuesday.</figcaption></figure>`},
		},
	},
	"teaser-card": {
		remove: []ruleCase{
			{name: "related posts box", text: "City approves budget", html: `<div class="related-posts"><h4>More</h4><a href="/a">City approves budget</a> <a href="/b">Bridge closed for repairs</a></div>`},
			{name: "teaser card", text: "Opinion: why the dam matters", html: `<aside class="teaser"><a href="/x"><img src="t.jpg" alt=""><span>Opinion: why the dam matters</span></a></aside>`},
			{name: "read also box", text: "Farmers count the cost", html: `<div class="read-also-block"><span>See</span> <a href="/farmers">Farmers count the cost of the floods</a></div>`},
		},
		keep: []ruleCase{
			{name: "lead in a teaser div", text: "Three days after the storm", html: `<div class="article-teaser"><p>Three days after the storm, the valley is counting the damage: hundreds of homes flooded, two bridges gone and a harvest lost. Officials say the repairs will take years and cost far more than the region can pay on its own, and they have asked the national government for help. Residents, meanwhile, are asking why the warnings came so late.</p></div>`},
			{name: "related facts with a link", text: "the third flood in ten years", html: `<div class="related-facts"><p>It is the third flood in ten years to hit the lower town, according to <a href="https://example.org/report">a state report</a> published last spring, which also found that the embankment had never been raised since it was built.</p></div>`},
		},
	},
	"related-heading": {
		remove: []ruleCase{
			{name: "read also heading and list", text: "Farmers count the cost", html: `<h3>Read also:</h3><ul><li><a href="/farmers">Farmers count the cost of the floods</a></li><li><a href="/dams">Europe's ageing dams</a></li></ul>`},
			{name: "German", text: "Pegelstände im Überblick", html: `<p><strong>Lesen Sie auch:</strong></p><p><a href="/pegel">Pegelstände im Überblick</a></p>`},
			{name: "Spanish", text: "Las presas más antiguas", html: `<h4>Te puede interesar</h4><div><a href="/presas">Las presas más antiguas de Europa</a></div>`},
			{name: "Polish", text: "Powódź w dolinie", html: `<p>Czytaj także:</p><ul><li><a href="/powodz">Powódź w dolinie</a></li></ul>`},
			{name: "most read", text: "Council votes on the budget", html: `<h3>Most read</h3><ol><li><a href="/budget">Council votes on the budget</a></li><li><a href="/bridge">Bridge closed for repairs</a></li></ol>`},
			{name: "French", text: "La crue de 1910", html: `<h4>Articles similaires</h4><ul><li><a href="/crue">La crue de 1910</a></li></ul>`},
			{name: "Italian", text: "Le dighe italiane", html: `<p><strong>Articoli correlati</strong></p><ul><li><a href="/dighe">Le dighe italiane</a></li></ul>`},
			{name: "German further information", text: "Hochwasserschutz in Bayern", html: `<h3>Weitere Informationen:</h3><ul><li><a href="/hws">Hochwasserschutz in Bayern</a></li><li><a href="/pegel">Pegelstände</a></li></ul>`},
			{name: "table of contents", text: "Why the dam failed", html: `<div class="toc"><p>Table of contents</p><ol><li><a href="#why">Why the dam failed</a></li><li><a href="#next">What happens next</a></li></ol></div>`},
			{name: "also on another site", text: "Diät-Mythen im Check", html: `<h3>Auch auf gofeminin.de</h3><ul><li><a href="/diaet">Diät-Mythen im Check</a></li></ul>`},
			{name: "press contact", text: "presse@example.org", html: `<h4>Pressekontakt:</h4><p><a href="mailto:presse@example.org">presse@example.org</a></p>`},
			{name: "German further reading", text: "Wanderschuhe im Test", html: `<h3>Zum Weiterlesen:</h3><ul><li><a href="/schuhe">Wanderschuhe im Test</a></li><li><a href="/jacken">Regenjacken</a></li></ul>`},
			{name: "German discover more", text: "Ein Loft in Berlin", html: `<h2>Entdecke weitere Homestorys</h2><div><a href="/loft">Ein Loft in Berlin</a></div>`},
			{name: "more in section", text: "Yellow weather warning issued", html: `<h3><span>More in News</span></h3><ul><li><a href="/warning">Yellow weather warning issued</a></li><li><a href="/homes">Motor homes on the rise</a></li></ul>`},
			{name: "French", text: "Les barrages vieillissent", html: `<h2>À lire aussi</h2><p><a href="/barrages">Les barrages vieillissent</a></p>`},
			{name: "related stories", text: "Bridge closed for repairs", html: `<h2>Related stories</h2><p><a href="/bridge">Bridge closed for repairs</a></p><p><a href="/budget">City approves flood budget</a></p>`},
		},
		keep: []ruleCase{
			{name: "prose after a related heading", text: "Engineers in two neighbouring valleys", html: `<h3>Related</h3><p>Engineers in two neighbouring valleys said their dams had the same design flaw, and that they had asked for money to fix it in 2018.</p>`},
			{name: "read more in prose", text: "Read more slowly, the report shows", html: `<p>Read more slowly, the report shows that the warnings were there all along.</p>`},
			{name: "trending in prose", text: "Trending now on social media", html: `<p>Trending now on social media is a video of the flood, which the mayor shared on Monday.</p>`},
			{name: "German 'even more' heading", text: "Noch mehr Arbeit und Weltklassestadien", html: `<h2>Noch mehr Arbeit und Weltklassestadien</h2><p>Die Regierung verspricht bis zur Eröffnung noch einmal 20.000 neue Stellen auf den Baustellen.</p>`},
			{name: "further information in a sentence", text: "Weitere Informationen rund um das Thema finden Sie", html: `<p>Weitere Informationen rund um das Thema finden Sie auf den Seiten des Landesamtes, das auch die Pegelstände veröffentlicht.</p>`},
			{name: "German section heading", text: "Weitere Festnahmen in Bayern", html: `<h3>Weitere Festnahmen in Bayern</h3><p>Die Polizei nahm am Abend zwei weitere Männer fest, die an dem Überfall beteiligt gewesen sein sollen.</p>`},
		},
	},
	"read-also-link": {
		remove: []ruleCase{
			{name: "English", text: "grain exports hit a record", html: `<p><strong>Read more:</strong> <a href="/grain">Ukraine's grain exports hit a record as Black Sea corridor holds</a></p>`},
			{name: "German", text: "Wie sicher sind Deutschlands Talsperren", html: `<p>Lesen Sie auch: <a href="/talsperren">Wie sicher sind Deutschlands Talsperren?</a></p>`},
			{name: "Spanish", text: "El río Ebro se desborda", html: `<p>Lee también: <a href="/ebro">El río Ebro se desborda en Zaragoza</a></p>`},
			{name: "Polish", text: "Wały przeciwpowodziowe", html: `<p>Czytaj też: <a href="/waly">Wały przeciwpowodziowe do remontu</a></p>`},
			{name: "French", text: "Les crues de la Loire", html: `<p><em>À lire aussi : <a href="/loire">Les crues de la Loire</a></em></p>`},
			{name: "related item", text: "How to prepare for a flood", html: `<ul><li>Related: <a href="/prepare">How to prepare for a flood</a></li><li>More than 200 people live on the island.</li></ul>`},
		},
		keep: []ruleCase{
			{name: "no link", text: "Read more: the inspectors found", html: `<p>Read more: the inspectors found that the warning sirens in three villages had not worked since 2019.</p>`},
			{name: "read more about, with a link", text: "Read more about the scheme", html: `<p>Read more about the scheme on the <a href="https://example.gov/scheme">council website</a>, where residents can also apply for grants to raise their floors.</p>`},
		},
	},
	"comments": {
		remove: []ruleCase{
			{name: "WordPress comments area", text: "3 thoughts on", html: `<div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts on “Floods”</h2><ol class="comment-list"><li id="comment-12" class="comment"><p>Terrible news, stay safe everyone.</p></li></ol><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3><form id="commentform"><textarea name="comment"></textarea></form></div></div>`},
			{name: "comments section", text: "Join the conversation", html: `<section class="article-comments-section"><h3>Join the conversation</h3><p>Comments are moderated before they appear.</p></section>`},
			{name: "German", text: "Sie müssen angemeldet sein", html: `<div class="kommentare"><p>Sie müssen angemeldet sein, um zu antworten.</p></div>`},
		},
		keep: []ruleCase{
			{name: "prose about comments", text: "The minister's comments drew criticism", html: `<p>The minister's comments drew criticism from opposition parties, who said the government had ignored the engineers' warnings.</p>`},
			{name: "no comment quote", text: "“No comment,” the operator's spokesman said.", html: `<blockquote><p>“No comment,” the operator's spokesman said.</p></blockquote>`},
		},
	},
	"comments-heading": {
		remove: []ruleCase{
			{name: "leave a reply", text: "Leave a Reply", html: `<h3>Leave a Reply</h3>`},
			{name: "comment count", text: "12 Comments", html: `<h2>12 Comments</h2>`},
			{name: "German", text: "Kommentare", html: `<h3>Kommentare (4)</h3>`},
			{name: "closed", text: "Comments are closed.", html: `<p>Comments are closed.</p>`},
			{name: "first comment prompt", text: "Be the first to comment on this article", html: `<div class="mb-5"><p>Be the first to comment on this article</p><button>Send us your comments</button></div>`},
			{name: "German none yet", text: "Noch keine Kommentare", html: `<p>Noch keine Kommentare vorhanden.</p>`},
		},
		keep: []ruleCase{
			{name: "comments in prose", text: "Comments by the company's chief executive", html: `<p>Comments by the company's chief executive, who said the dam was safe, were widely shared after the spillway cracked.</p>`},
			{name: "heading about comments", text: "Comments from residents", html: `<h2>Comments from residents</h2><p>Residents said the sirens had sounded too late, and that nobody had told them where to go.</p>`},
		},
	},
	"copyright-line": {
		remove: []ruleCase{
			{name: "site copyright", text: "All rights reserved", html: `<p>© 2024 The Valley Herald. All rights reserved.</p>`},
			{name: "wire copyright", text: "Associated Press", html: `<p>Copyright 2023 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</p>`},
			{name: "German", text: "Alle Rechte vorbehalten", html: `<p><small>Alle Rechte vorbehalten.</small></p>`},
			{name: "(c)", text: "(c) Reuters", html: `<p>(c) Reuters 2024</p>`},
			{name: "agency credit", text: "© Archive Photos/Getty Images", html: `<p><span>© Archive Photos/Getty Images</span></p>`},
			{name: "association credit", text: "© Heimatverein Fläming e.V.", html: `<p>© Heimatverein Fläming e.V.</p>`},
			{name: "credit with a domain", text: "© AdobeStock.com/Hermann", html: `<p>© AdobeStock.com/Hermann</p>`},
		},
		keep: []ruleCase{
			{name: "long paragraph on copyright", text: "Copyright law has not kept up", html: `<p>Copyright law has not kept up with the archive, its director said: thousands of photographs of earlier floods were taken by amateurs whose heirs cannot be found, and so the museum cannot show them online, even though they are the only record of what the valley looked like before the dam was built in the early sixties.</p>`},
			{name: "symbol mid-sentence", text: "The © sign on the old maps", html: `<p>The © sign on the old maps belongs to a surveying firm that closed in 1971.</p>`},
			{name: "credit then the story", text: "The reason we love sad films is linked to endorphins.", html: `<p><span class="image"><img src="a.jpg"><span class="attribution">© Archive Photos/Getty Images</span></span> <strong>The reason we love sad films is linked to endorphins.</strong></p>`},
		},
	},
	"post-footer-meta": {
		remove: []ruleCase{
			{name: "posted in", text: "Posted in", html: `<p>Posted in <a href="/c/news">News</a>, <a href="/c/env">Environment</a></p>`},
			{name: "tags", text: "Tags:", html: `<div>Tags: <a href="/t/flood">flood</a>, <a href="/t/dam">dam</a></div>`},
			{name: "German", text: "Schlagwörter", html: `<p>Schlagwörter: Hochwasser, Staudamm</p>`},
			{name: "WordPress entry footer", text: "This entry was posted in", html: `<p>This entry was posted in Local News and tagged dam, flood. Bookmark the permalink.</p>`},
			{name: "date and category", text: "Kategorie: News", html: `<p>24.01.2022 11:38<br>Kategorie: <a href="/news">News</a></p>`},
		},
		keep: []ruleCase{
			{name: "tags in prose", text: "The tags on the bridge's cables", html: `<p>The tags on the bridge's cables, which engineers read every month, showed no movement until Sunday.</p>`},
			{name: "topics in prose", text: "Themen der Sitzung waren", html: `<p>Themen der Sitzung waren die Reparatur des Damms und die Entschädigung der Bauern.</p>`},
			{name: "filed under in prose", text: "Die Akten wurden unter falschem Namen abgelegt", html: `<p>Die Akten wurden unter falschem Namen abgelegt, sagte die Staatsanwältin, und erst nach dem Hochwasser im Keller des Rathauses gefunden.</p>`},
		},
	},
	"social-follow": {
		remove: []ruleCase{
			{name: "follow us", text: "Follow us on Twitter", html: `<p>Follow us on Twitter and Facebook for the latest updates.</p>`},
			{name: "follow the author", text: "Follow Jane Doe on X", html: `<p><em>Follow Jane Doe on X @janedoe.</em></p>`},
			{name: "German", text: "Folgen Sie uns auf Instagram", html: `<p>Folgen Sie uns auf Instagram</p>`},
			{name: "share this", text: "Share this article", html: `<p>Share this article</p>`},
		},
		keep: []ruleCase{
			{name: "share prices", text: "Share prices of the operator fell", html: `<p>Share prices of the operator fell 8 percent on Monday.</p>`},
			{name: "social media in prose", text: "Videos posted on Facebook", html: `<p>Videos posted on Facebook and Instagram showed cars floating down the main street.</p>`},
		},
	},
	"image-credit": {
		remove: []ruleCase{
			{name: "photo credit", text: "Photo credit: Jane Doe/Reuters", html: `<p>Photo credit: Jane Doe/Reuters</p>`},
			{name: "German", text: "Bildquelle: dpa", html: `<p><span>Bildquelle: dpa</span></p>`},
			{name: "Foto", text: "Foto: Max Mustermann", html: `<p>Foto: Max Mustermann</p>`},
			{name: "French", text: "Crédit photo : AFP", html: `<p>Crédit photo : AFP</p>`},
			{name: "Polish source", text: "Źródło: ISBnews", html: `<div><p>Źródło: <span>ISBnews</span></p></div>`},
		},
		keep: []ruleCase{
			{name: "sources in prose", text: "Sources close to the operator", html: `<p>Sources close to the operator said it had known about the cracks since 2016.</p>`},
			{name: "long source line", text: "Source: the regional emergency service", html: `<p>Source: the regional emergency service, which counts residents evacuated from the lower town and the three villages below the dam, and updates the figure twice a day.</p>`},
		},
	},
	"photo-credit-line": {
		remove: []ruleCase{
			{name: "photograph by", text: "Photograph by Anna Lee", html: `<p>Photograph by Anna Lee</p>`},
			{name: "bild via", text: "Bild via Wikimedia Commons", html: `<p><em>Bild via Wikimedia Commons</em></p>`},
			{name: "bare credit label", text: "Credit:", html: `<p>Credit:</p>`},
		},
		keep: []ruleCase{
			{name: "photo by in prose", text: "Photos by residents showed", html: `<p>Photos by residents showed water pouring over the spillway, and the operator later confirmed the images were genuine.</p>`},
			{name: "credit in prose", text: "Credit ratings agencies", html: `<p>Credit ratings agencies warned that the repairs would weigh on the region's budget for a decade.</p>`},
		},
	},
	"rating-and-print": {
		remove: []ruleCase{
			{name: "helpful poll", text: "Was this article helpful?", html: `<div class="poll"><p>Was this article helpful? Yes No</p></div>`},
			{name: "German print", text: "Artikel drucken", html: `<p><a href="#" onclick="print()">Artikel drucken</a></p>`},
			{name: "no ratings", text: "No ratings yet", html: `<p><span>(No ratings yet)</span></p>`},
			{name: "enlarge", text: "Click to enlarge", html: `<p>Click to enlarge</p>`},
			{name: "German rating", text: "Hier können Sie den Artikel bewerten", html: `<p>Hier können Sie den Artikel bewerten:</p>`},
		},
		keep: []ruleCase{
			{name: "print in prose", text: "Print runs of the local paper", html: `<p>Print runs of the local paper were cut when the press flooded.</p>`},
			{name: "German print in prose", text: "Drucken ließ die Stadt", html: `<p>Drucken ließ die Stadt 20.000 Flugblätter mit den Fluchtwegen.</p>`},
		},
	},
	"link-paragraph": {
		remove: []ruleCase{
			{name: "linked headline", text: "City approves the flood budget", html: `<p><a href="/news/flood-budget">City approves the flood budget</a></p>`},
			{name: "bold linked headline", text: "Russia strikes energy grid", html: `<p><strong><a href="/news/latest">Ukraine war latest: Russia strikes energy grid</a></strong></p>`},
		},
		keep: []ruleCase{
			{name: "link inside a sentence", text: "Read the inspectors' full report here.", html: `<p>Read the inspectors' <a href="/report.pdf">full report</a> here.</p>`},
			{name: "long linked statement", text: "it would pay for the repairs itself", html: `<p><a href="https://example.gov/press/123">The regional government said in a statement on Thursday that it would pay for the repairs itself and recover the money from the operator later.</a></p>`},
		},
	},
	"share-prompt": {
		remove: []ruleCase{
			{name: "German liked it", text: "Artikel gefallen?", html: `<p>Artikel gefallen? Jetzt teilen!</p>`},
			{name: "German question", text: "Möchten Sie diesen Artikel teilen?", html: `<div class="box"><p>Möchten Sie diesen Artikel teilen?</p></div>`},
			{name: "German label", text: "Teilen:", html: `<p><strong>Teilen:</strong></p>`},
		},
		keep: []ruleCase{
			{name: "German prose", text: "Teilen wollte die Gemeinde die Kosten nicht", html: `<p>Teilen wollte die Gemeinde die Kosten nicht.</p>`},
			{name: "share the road", text: "Share the road", html: `<p>“Share the road,” the new signs say, after two cyclists were hit on the detour.</p>`},
		},
	},
	"ad-disclosure": {
		remove: []ruleCase{
			{name: "German", text: "Dieser Beitrag enthält Affiliate-Links", html: `<p>*Werbung: Dieser Beitrag enthält Affiliate-Links.</p>`},
			{name: "English", text: "This post contains affiliate links", html: `<p><em>This post contains affiliate links. If you buy through them we may earn a commission.</em></p>`},
			{name: "German affiliate note", text: "Bei den Verlinkungen handelt es sich um", html: `<p><em>Bei den Verlinkungen handelt es sich um Affiliate-Links. Kaufen Sie darüber, erhalten wir eine Provision.</em></p>`},
			{name: "advertisers", text: "This post contains references to products", html: `<p>This post contains references to products from one or more of our advertisers. We may receive compensation when you click on links to those products.</p>`},
			{name: "Amazon", text: "As an Amazon Associate", html: `<p><small>As an Amazon Associate we earn from qualifying purchases.</small></p>`},
		},
		keep: []ruleCase{
			{name: "long paragraph about affiliate links", text: "Consumer groups said affiliate links", html: `<p>Consumer groups said affiliate links had spread from shopping sites to flood-insurance comparisons, where readers could not tell advice from advertising. The regulator said it would look at three sites that ranked policies by the commission they paid rather than by the cover they gave, and that it had already asked one of them to change its pages.</p>`},
		},
	},
	"account-form": {
		remove: []ruleCase{
			{name: "registration form", text: "Das Passwort muss mindestens 8 Zeichen lang sein", html: `<form action="/register"><h3>Mein Konto</h3><label>E-Mail <input type="email" name="email"></label><label>Passwort <input type="password" name="pw"></label><div class="errors"><p>Das Passwort muss mindestens 8 Zeichen lang sein.</p><p>Bitte stimme unseren Nutzungsbedingungen zu.</p><p>Leider hat die Registrierung nicht funktioniert. Bitte überprüfe deine Angaben und versuche es noch einmal, oder melde dich mit deinem bestehenden Konto an.</p><p>Diese E-Mail-Adresse scheint nicht korrekt zu sein – sie muss ein @ beinhalten und eine existierende Domain haben.</p><p>Mailadresse bereits bekannt, bitte mit bestehendem Account einloggen.</p></div><button>Registrieren</button></form>`},
		},
		keep: []ruleCase{
			{name: "passwords in prose", text: "The password must be at least 12 characters long", html: `<p>The password must be at least 12 characters long under the new rules, the bank said, and customers who log in with a shorter one will be asked to change it.</p>`},
		},
	},
	"ad-pitch": {
		remove: []ruleCase{
			{name: "German", text: "Heute mal ausgehen", html: `<p><strong>ANZEIGE - Heute mal ausgehen/bestellen? Wie wäre es mit:</strong></p>`},
		},
		keep: []ruleCase{
			{name: "word in prose", text: "Anzeige - so nannte die Polizei", html: `<p>Anzeige - so nannte die Polizei den Eintrag, den der Nachbar am Sonntag machte.</p>`},
		},
	},
	"advertiser-disclosure": {
		remove: []ruleCase{
			{name: "disclosure pop-up", text: "Many of the credit card offers", html: `<section class="advertiser-disclosure-body"><h4>Advertiser Disclosure</h4><p>Many of the credit card offers that appear on the website are from credit card companies from which we receive compensation. This compensation may impact how and where products appear on this site.</p></section>`},
			{name: "affiliate box", text: "We may earn a commission", html: `<div id="affiliate-disclosure-1"><p>We may earn a commission from links on this page.</p></div>`},
		},
		keep: []ruleCase{
			{name: "disclosure in prose", text: "The advertiser disclosure rules", html: `<p class="story-text">The advertiser disclosure rules, which the regulator published on Monday, require review sites to say which products paid to be listed.</p>`},
		},
	},
	"post-navigation": {
		remove: []ruleCase{
			{name: "previous article", text: "Dam inspection delayed again", html: `<p>Previous article: Dam inspection delayed again</p>`},
			{name: "German back link", text: "Zurück zur Übersicht", html: `<div><a href="/">Zurück zur Übersicht</a></div>`},
			{name: "back to top", text: "Back to top", html: `<div class="top"><a href="#top">Back to top</a></div>`},
		},
		keep: []ruleCase{
			{name: "previous in prose", text: "Previous attempts to fix the dam failed", html: `<p>Previous attempts to fix the dam failed.</p>`},
			{name: "next story in prose", text: "The next story the council must answer", html: `<p>The next story the council must answer is why the sirens failed, the opposition leader said.</p>`},
		},
	},
	"counters-and-notices": {
		remove: []ruleCase{
			{name: "views", text: "Views: 1,234", html: `<p>Views: 1,234</p>`},
			{name: "German read count", text: "Gelesen: 523 mal", html: `<p><small>Gelesen: 523 mal</small></p>`},
			{name: "Spanish Telegram", text: "Únete a nuestro canal", html: `<p>Únete a nuestro canal de Telegram y recibe las noticias al instante.</p>`},
			{name: "letters", text: "Submit a letter to the editor", html: `<p>Submit a letter to the editor for publication.</p>`},
		},
		keep: []ruleCase{
			{name: "views in prose", text: "Views from the hill show", html: `<p>Views from the hill show the whole valley under water.</p>`},
		},
	},
	"byline-line": {
		remove: []ruleCase{
			{name: "updated with a full stop", text: "Aktualisiert am 17.01.2021.", html: `<p><b>Aktualisiert am </b>17.01.2021.</p>`},
			{name: "English", text: "By Jane Doe", html: `<p>By Jane Doe</p>`},
			{name: "date with a month name", text: "7. oktober 2020", html: `<p>7. oktober 2020</p>`},
			{name: "date, time and author between pipes", text: "Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel", html: `<div>Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel IN Fashion | 0 COMMENTS</div>`},
			{name: "German two authors", text: "Von Max Mustermann und Erika Musterfrau", html: `<p>Von Max Mustermann und Erika Musterfrau</p>`},
			{name: "Spanish", text: "Por María García", html: `<p>Por María García</p>`},
			{name: "German date line", text: "12.03.2024, 14:30 Uhr", html: `<p>12.03.2024, 14:30 Uhr</p>`},
			{name: "published on", text: "Published on March 12, 2024", html: `<p>Published on March 12, 2024</p>`},
		},
		keep: []ruleCase{
			{name: "by in prose", text: "By Tuesday, the water had reached", html: `<p>By Tuesday, the water had reached the second floor of the school.</p>`},
			{name: "by plus lowercase", text: "By car it takes an hour", html: `<p>By car it takes an hour to reach the valley now.</p>`},
			{name: "sentence with a date", text: "On 7 October 2020 the dam was closed", html: `<p>On 7 October 2020 the dam was closed for inspection.</p>`},
			{name: "pipes without a date", text: "Pumps | Valves | Gates", html: `<p>Pumps | Valves | Gates</p>`},
		},
	},
	"navigation": {
		remove: []ruleCase{
			{name: "breadcrumbs", text: "Local news", html: `<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/">Home</a> › <a href="/news">News</a> › <a href="/news/local">Local news</a></nav>`},
			{name: "menu div", text: "Weather", html: `<div class="menu-secondary"><a href="/sport">Sport</a> <a href="/weather">Weather</a> <a href="/traffic">Traffic</a></div>`},
			{name: "role navigation", text: "Weiter", html: `<div role="navigation" class="pagination"><a href="/p/1">1</a> <a href="/p/2">2</a> <a href="/p/3">3</a> <a href="/p/2">Weiter</a></div>`},
		},
		keep: []ruleCase{
			{name: "restaurant menu review", text: "The menu changes every week", html: `<div class="menu-review"><p>The menu changes every week, <a href="/m">the owners say</a>, and the kitchen stayed open through the flood to feed the volunteers.</p></div>`},
		},
	},
	"link-list": {
		remove: []ruleCase{
			{name: "teaser list", text: "Europe's ageing dams", html: `<ul><li><a href="/farmers">Farmers count the cost</a></li><li><a href="/dams">Europe's ageing dams</a></li><li><a href="/bridge">Bridge closed</a></li></ul>`},
		},
		keep: []ruleCase{
			{name: "long list of sources", text: "Inspection report on the spillway", html: `<ul><li><a href="/docs/2016-inspection.pdf">Inspection report on the spillway of the upper dam, June 2016</a></li><li><a href="/docs/2018-request.pdf">The operator's request to the regional government for repair money, March 2018</a></li><li><a href="/docs/2019-reply.pdf">The regional government's reply refusing to pay for the repairs, January 2019</a></li><li><a href="/docs/2021-audit.pdf">The state audit office's review of dam safety in the region, 2021</a></li><li><a href="/docs/2024-minutes.pdf">Minutes of the emergency meeting of the regional cabinet on the night of the flood</a></li></ul>`},
			{name: "list of prose items", text: "Two bridges were swept away", html: `<ul><li>Two bridges were swept away.</li><li>About 3,000 people left their homes.</li></ul>`},
		},
	},
	"share-bar": {
		remove: []ruleCase{
			{name: "share buttons", text: "Facebook", html: `<div class="share-buttons"><a href="https://twitter.com/intent/tweet?url=x">Twitter</a> <a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a> <a href="mailto:?subject=x">Email</a></div>`},
			{name: "social icons", text: "WhatsApp", html: `<div class="social-icons"><a href="#">WhatsApp</a></div>`},
		},
		keep: []ruleCase{
			{name: "long paragraph in a share-class wrapper", text: "Pull quote: the embankment held", html: `<div class="shareable-quote"><p>Pull quote: the embankment held for six hours longer than anyone expected, long enough for the last bus to leave the lower town with the patients of the care home.</p></div>`},
			{name: "long prose in a social class", text: "Neighbours organised the rescue", html: `<div class="social-history"><p>Neighbours organised the rescue themselves, with boats borrowed from the rowing club and a list, kept by the baker, of everyone who lived alone.</p></div>`},
		},
	},
	"form-controls": {
		remove: []ruleCase{
			{name: "copy link button", text: "Copy link", html: `<p><button type="button">Copy link</button></p>`},
			{name: "label", text: "Your name", html: `<div><label for="n">Your name</label><input id="n"></div>`},
		},
		keep: []ruleCase{
			{name: "button in prose", text: "press a button on the app", html: `<p>Residents can now press a button on the app to report rising water in their street.</p>`},
			{name: "label in prose", text: "The label on the sandbags", html: `<p>The label on the sandbags says they hold 15 kilograms.</p>`},
		},
	},
	"form": {
		remove: []ruleCase{
			{name: "poll", text: "Should the dam be rebuilt?", html: `<form action="/poll"><p>Should the dam be rebuilt?</p><p>Yes No</p></form>`},
			{name: "fieldset", text: "Rate this story", html: `<fieldset><legend>Rate this story</legend></fieldset>`},
		},
		keep: []ruleCase{
			{name: "page-wide form", text: "The regional government said on Thursday", html: `<form id="aspnetForm" action="/story.aspx" method="post"><div class="story"><p>The regional government said on Thursday that it would pay for the repairs itself and recover the money from the operator later, ending the dispute that had delayed the work for eight years. The announcement came after the opposition threatened a vote of no confidence. Engineers said the spillway could be fixed within a year if work started before the winter, but that the embankment in the lower town would take longer, since it has to be rebuilt from the foundations.</p></div></form>`},
			{name: "form in prose", text: "must fill in a form", html: `<p>Residents who lost their homes must fill in a form at the town hall to claim the emergency grant.</p>`},
		},
	},
	"author-box": {
		remove: []ruleCase{
			{name: "author bio", text: "covers climate for the Herald", html: `<div class="author-bio"><img src="/jane.jpg" alt=""><p>Jane Doe covers climate for the Herald. Reach her at jane@example.com.</p></div>`},
			{name: "about the author", text: "About the author", html: `<section class="about-author"><h4>About the author</h4><p>Max is a reporter based in the valley.</p></section>`},
		},
		keep: []ruleCase{
			{name: "author in prose", text: "The author of the 2016 inspection report", html: `<p>The author of the 2016 inspection report, who has since retired, said he had been told to soften its conclusions.</p>`},
			{name: "about the author of a report", text: "About the author of the report", html: `<p>About the author of the report little is known, except that he worked for the operator for thirty years.</p>`},
		},
	},
	"byline-block": {
		remove: []ruleCase{
			{name: "entry meta", text: "March 12, 2024", html: `<div class="entry-meta"><span class="posted-on">March 12, 2024</span> <span class="byline">by <a rel="author" href="/author/jane">Jane Doe</a></span></div>`},
			{name: "byline paragraph", text: "Staff Writer", html: `<p class="article-byline">By Jane Doe, Staff Writer</p>`},
		},
		keep: []ruleCase{
			{name: "byline in prose", text: "shared a byline with two colleagues", html: `<p>She shared a byline with two colleagues on the 2016 story that first reported the cracks.</p>`},
			{name: "long paragraph in a meta class", text: "Three days after the storm", html: `<div class="article-meta-lead"><p>Three days after the storm, the valley is counting the damage: hundreds of homes flooded, two bridges gone and a harvest lost. Officials say repairs will take years and cost far more than the region can pay on its own.</p></div>`},
		},
	},
	"tag-list": {
		remove: []ruleCase{
			{name: "post tags", text: "Dams", html: `<div class="post-tags"><a rel="tag" href="/t/floods">Floods</a> <a rel="tag" href="/t/dams">Dams</a></div>`},
			{name: "categories", text: "Environment", html: `<p class="entry-categories"><a href="/c/env">Environment</a>, <a href="/c/local">Local</a></p>`},
		},
		keep: []ruleCase{
			{name: "prose in a tags-class box", text: "Hashtags such as", html: `<div class="hashtags-explainer"><p>Hashtags such as #valleyflood helped volunteers find people stranded on roofs.</p></div>`},
			{name: "prose in a categories class", text: "Three categories of damage", html: `<p class="damage-categories-note">Three categories of damage are covered by the fund: homes, farms and small businesses.</p>`},
		},
	},
}
