//go:build tools

// Package tools pins the programs of docker-compose.yml's Temporal services that tools/temporal-binaries.ts builds
// for the native cluster run (test/cluster): the server, its SQL schema tool and the Web UI server. The versions
// match those inside the CLI of tools/temporal-cli, so the builds share Go's build cache.
package tools

import (
	_ "go.temporal.io/server/cmd/server"
	_ "go.temporal.io/server/cmd/tools/sql"

	_ "github.com/temporalio/ui-server/v2/cmd/server"
)
