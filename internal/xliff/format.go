package xliff

import (
	"tilmash/internal/apperr"
	"tilmash/internal/limits"
)

// Format is the XLIFF version written or read.
type Format string

// The supported formats. XLIFF 2.0 files are read as V21: 2.1 only added
// modules, the core is the same.
const (
	V21 Format = "2.1"
	V12 Format = "1.2"
)

// ContentType is the media type of XLIFF files (RFC 3023 +xml convention, as
// registered for XLIFF 2).
const ContentType = "application/xliff+xml"

// Extension is the usual file name extension of XLIFF files.
const Extension = ".xlf"

// DefaultLimit is the size limit Read applies when it is given none.
const DefaultLimit = limits.XLIFFBytes

// XML namespaces the package writes and recognises.
const (
	nsV2      = "urn:oasis:names:tc:xliff:document:2.0"
	nsV12     = "urn:oasis:names:tc:xliff:document:1.2"
	nsTilmash = "urn:tilmash:xliff"
	nsXML     = "http://www.w3.org/XML/1998/namespace"
)

// ParseFormat accepts the spellings users type for a format: "", "2",
// "2.0" and "2.1" mean XLIFF 2.1; "1.2" means XLIFF 1.2.
func ParseFormat(s string) (Format, error) {
	switch s {
	case "", "2", "2.0", "2.1":
		return V21, nil
	case "1.2":
		return V12, nil
	}
	return "", apperr.New(apperr.Invalid, "unknown XLIFF format %q (want 2.1 or 1.2)", s)
}

// TargetFill is what an XLIFF 1.2 export writes as the target of a unit
// without translation, always with state="needs-translation".
type TargetFill string

// The target fills.
const (
	// FillSource copies the source: the convention of memoQ, Trados and
	// Okapi for files meant for other tools, and what OmegaT needs to show a
	// segment at all. The default.
	FillSource TargetFill = "source"
	// FillEmpty writes an empty target, for tools that show a copy as done.
	FillEmpty TargetFill = "empty"
)

// ParseTargetFill accepts "" (FillSource), "source" and "empty".
func ParseTargetFill(s string) (TargetFill, error) {
	switch s {
	case "", string(FillSource):
		return FillSource, nil
	case string(FillEmpty):
		return FillEmpty, nil
	}
	return "", apperr.New(apperr.Invalid, "unknown target %q (want source or empty)", s)
}
