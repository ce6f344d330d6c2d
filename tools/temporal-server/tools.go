//go:build tools

// Package tools pins the Temporal server and its SQL schema tool that scripts/temporal-binaries.ts builds for the
// native cluster run (test/cluster): `go build go.temporal.io/server/cmd/server` and `.../cmd/tools/sql` here. The
// version matches the server inside the CLI of tools/temporal-cli, so the two builds share Go's build cache.
package tools

import (
	_ "go.temporal.io/server/cmd/server"
	_ "go.temporal.io/server/cmd/tools/sql"
)
