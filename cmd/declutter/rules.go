package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/declutter/declutter"
)

// userRule is one rule of a -rules file. Keys are snake_case (as tagged
// here); the Go field names of declutter.Rule (Name, MaxChars, ...) are
// accepted too, since encoding/json matches keys without regard to case
// and the snake_case keys are tried first. Unknown keys are an error, so
// that a typo does not silently widen a rule.
type userRule struct {
	Name           string    `json:"name"`
	Stage          ruleStage `json:"stage"`
	Selector       string    `json:"selector"`
	Text           string    `json:"text"`
	Phrases        []string  `json:"phrases"`
	MaxChars       int       `json:"max_chars"`
	MinChars       int       `json:"min_chars"`
	MinLinkDensity float64   `json:"min_link_density"`
	Expand         int       `json:"expand"`
	Following      bool      `json:"following"`
}

// goNames maps the Go field names, lowercased, to the snake_case keys.
var goNames = map[string]string{
	"maxchars":       "max_chars",
	"minchars":       "min_chars",
	"minlinkdensity": "min_link_density",
}

// ruleStage decodes "page", "body", 0 or 1.
type ruleStage declutter.Stage

func (s *ruleStage) UnmarshalJSON(b []byte) error {
	var n int
	if err := json.Unmarshal(b, &n); err == nil {
		if n != int(declutter.StagePage) && n != int(declutter.StageBody) {
			return fmt.Errorf("stage %d: want 0 (page) or 1 (body)", n)
		}
		*s = ruleStage(n)
		return nil
	}
	var str string
	if err := json.Unmarshal(b, &str); err != nil {
		return fmt.Errorf("stage %s: want \"page\", \"body\", 0 or 1", b)
	}
	switch strings.ToLower(str) {
	case "page":
		*s = ruleStage(declutter.StagePage)
	case "body":
		*s = ruleStage(declutter.StageBody)
	default:
		return fmt.Errorf("stage %q: want \"page\", \"body\", 0 or 1", str)
	}
	return nil
}

// loadRules reads a -rules file: a JSON list of rule objects. Errors name
// the file and, where there is one, the rule (by name or position).
func loadRules(path string) ([]declutter.Rule, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("-rules: %w", err)
	}
	var raw []map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("-rules %s: want a JSON list of rule objects: %w", path, err)
	}
	rules := make([]declutter.Rule, 0, len(raw))
	for i, obj := range raw {
		label := fmt.Sprintf("rule %d", i+1)
		if n, ok := obj["name"]; ok {
			var name string
			if json.Unmarshal(n, &name) == nil && name != "" {
				label = fmt.Sprintf("rule %d %q", i+1, name)
			}
		}
		norm := make(map[string]json.RawMessage, len(obj))
		for k, v := range obj {
			key := strings.ToLower(k)
			if snake, ok := goNames[key]; ok {
				key = snake
			}
			norm[key] = v
		}
		buf, err := json.Marshal(norm)
		if err != nil {
			return nil, fmt.Errorf("-rules %s: %s: %w", path, label, err)
		}
		dec := json.NewDecoder(bytes.NewReader(buf))
		dec.DisallowUnknownFields()
		var u userRule
		if err := dec.Decode(&u); err != nil {
			return nil, fmt.Errorf("-rules %s: %s: %w", path, label, err)
		}
		if u.Name == "" {
			return nil, fmt.Errorf("-rules %s: %s: a rule needs a name", path, label)
		}
		rules = append(rules, declutter.Rule{
			Name:           u.Name,
			Stage:          declutter.Stage(u.Stage),
			Selector:       u.Selector,
			Text:           u.Text,
			Phrases:        u.Phrases,
			MaxChars:       u.MaxChars,
			MinChars:       u.MinChars,
			MinLinkDensity: u.MinLinkDensity,
			Expand:         u.Expand,
			Following:      u.Following,
		})
	}
	return rules, nil
}

// splitNames splits a -disable value at commas, dropping empty names.
func splitNames(v string) []string {
	var out []string
	for _, n := range strings.Split(v, ",") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// newExtractor builds the extractor for cfg. A bad rule or an unknown
// -disable name is a usage error, said in terms of the flags.
func newExtractor(cfg *config) (*declutter.Extractor, error) {
	opts := declutter.Options{MaxBytes: cfg.maxBytes, DisableRules: cfg.disable}
	if cfg.rulesFile != "" {
		rules, err := loadRules(cfg.rulesFile)
		if err != nil {
			return nil, err
		}
		opts.Rules = rules
	}
	ex, err := declutter.New(opts)
	if err == nil {
		return ex, nil
	}
	if errors.Is(err, declutter.ErrInvalidRule) {
		switch {
		case strings.Contains(err.Error(), "cannot disable"):
			return nil, fmt.Errorf("-disable: %w (declutter -list-rules lists the names)", err)
		case cfg.rulesFile != "":
			return nil, fmt.Errorf("-rules %s: %w", cfg.rulesFile, err)
		}
	}
	return nil, err
}

// listRules prints the built-in rules, one a line: name, stage,
// description, in aligned columns.
func listRules(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, r := range declutter.BuiltinRules() {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Name, r.Stage, r.Description)
	}
	return tw.Flush()
}
