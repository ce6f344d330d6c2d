// Command compose-check loads a Compose file the way `docker compose config` does, with compose-go (the library
// inside Docker Compose): the Compose JSON schema, interpolation from an env file, and the consistency checks
// (every depends_on, volume, network and secret defined). It prints the resolved project as JSON, so a test can
// assert on what Compose would run, on a machine without Docker.
//
// Usage: compose-check <compose file> <env file>... (later files win, as with `docker compose --env-file`)
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: compose-check <compose file> <env file>...")
		os.Exit(2)
	}
	file, envFiles := os.Args[1], os.Args[2:]
	// Only the env file counts, never this process's environment, so the answer is the same on every machine.
	options, err := cli.NewProjectOptions([]string{file},
		cli.WithWorkingDirectory(filepath.Dir(file)),
		cli.WithEnvFiles(envFiles...),
		cli.WithDotEnv,
		cli.WithConsistency(true),
		cli.WithNormalization(true),
		cli.WithResolvedPaths(false),
	)
	if err != nil {
		fail(err)
	}
	project, err := options.LoadProject(context.Background())
	if err != nil {
		fail(err)
	}
	out, err := project.MarshalJSON()
	if err != nil {
		fail(err)
	}
	os.Stdout.Write(append(out, '\n'))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "compose-check:", err)
	os.Exit(1)
}
