package hostkit

import (
	"fmt"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// RunnerArgs is the command line of an SDK's program runner (@pulumi/pulumi's cmd/run for the
// Node.js host, pulumi-language-python-exec for the Python one), which both read alike: the
// engine's settings as flags (those not given left out), --dry-run for a preview, then the program
// ("." when none is named: the runner loads the folder's own entry point) and its arguments.
func RunnerArgs(req *pulumirpc.RunRequest, engineAddress, tracing, program string) []string {
	var args []string
	flagIfSet := func(name, value string) {
		if value != "" {
			args = append(args, "--"+name, value)
		}
	}
	flagIfSet("monitor", req.GetMonitorAddress())
	flagIfSet("engine", engineAddress)
	flagIfSet("organization", req.GetOrganization())
	flagIfSet("project", req.GetProject())
	flagIfSet("root-directory", req.GetInfo().GetRootDirectory())
	flagIfSet("stack", req.GetStack())
	flagIfSet("pwd", req.GetPwd())
	flagIfSet("parallel", fmt.Sprint(req.GetParallel()))
	flagIfSet("tracing", tracing)
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	if program == "" {
		program = "."
	}
	args = append(args, program)
	return append(args, req.GetArgs()...)
}
