// Command pulumi-language-python is a Python language host for the Pulumi engine.
//
// Upstream's host lives in its own Go module
// (github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3), which the Go module proxy
// reachable from this project's machines refuses, like the Node.js and Go ones. Its building
// blocks are served: the code generator (pkg/v3/codegen/python) and the virtualenv and pip
// handling (sdk/v3/python/toolchain). scripts/ensure-pulumi builds this host in the CLI's own
// wrapper module, at the CLI's version, and puts the program runner (pulumi-language-python-exec,
// this project's own, beside this file) next to it, where this host looks for it, as upstream's
// does for the one the CLI ships.
//
// It offers what a Python user of a provider needs: `pulumi package gen-sdk --language python`,
// the code `pulumi import` prints, running a program (in Pulumi.yaml's `virtualenv`, or with
// `python3` on PATH) through the `pulumi` package's own runtime, the plugins the program's
// packages need, `pulumi install` and `pulumi about`. The pip toolchain only; no type checker,
// debugger, policy packs or plugins written in Python, `pulumi new` templates, `pulumi convert`
// or `pulumi package add` (see CONTRIBUTING, "The Pulumi CLI on a fresh machine").
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"pulumi-chathub/hostkit"
)

// The runner's name, beside this binary (as upstream's host finds the one the CLI ships).
const runnerName = "pulumi-language-python-exec"

func main() {
	tracing, engineAddress := hostkit.CommandLine("a Zipkin-compatible tracing endpoint")

	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-python: cannot find this executable: %v\n", err)
		os.Exit(1)
	}
	runner := filepath.Join(filepath.Dir(self), runnerName)
	if _, err := os.Stat(runner); err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-python: missing runner %s (scripts/ensure-pulumi installs it): %v\n", runner, err)
		os.Exit(1)
	}

	host := &pythonHost{runner: runner, tracing: tracing}
	host.SetEngineAddress(engineAddress)
	hostkit.Serve("pulumi-language-python", host)
}
