package declutter

// STUB: owned by the charset work; replaced by the real implementation.

// decode converts raw page bytes to UTF-8. contentType is the HTTP
// Content-Type header value the caller has, or "".
func decode(raw []byte, contentType string) (text []byte, encoding string, source EncodingSource) {
	return raw, "utf-8", EncodingFromDefault
}

// looksBinary reports whether raw starts like binary data rather than text.
func looksBinary(raw []byte) bool { return false }
