package declutter

// builtinRules is the table of boilerplate rules declutter applies by
// default. Each rule is general: it keys on structure and wording that many
// sites share, never on one publisher.
var builtinRules = []Rule{}
