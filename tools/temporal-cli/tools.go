//go:build tools

// Package tools pins the Temporal CLI (dev server and Web UI) that tools/temporal-binaries.ts builds when no
// binary is installed: `go build github.com/temporalio/cli/cmd/temporal` in this module.
package tools

import _ "github.com/temporalio/cli/cmd/temporal"
