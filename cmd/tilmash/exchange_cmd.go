package main

import (
	"context"
	"io"
)

// cmdXLIFF runs "tilmash xliff export|import".
func cmdXLIFF(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	return usageError{"xliff: not built yet"}
}

// cmdTM runs "tilmash tm export|import".
func cmdTM(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	return usageError{"tm: not built yet"}
}
