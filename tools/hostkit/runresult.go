package hostkit

import (
	"errors"
	"fmt"
	"os/exec"

	"github.com/pulumi/pulumi/sdk/v3/go/common/constant"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// RunResult is the engine's answer to Run once the program's process has ended with err (what
// exec.Cmd.Run returned). The SDKs' runners all exit with the same status (32) after reporting an
// error to the engine themselves: that is Bail, so the engine stops without a second, less useful
// message. Any other exit is exitedFormat with the exit code (%d), a process that did not run
// notRunFormat with why (%v): texts each host words its own way.
func RunResult(err error, exitedFormat, notRunFormat string) *pulumirpc.RunResponse {
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return &pulumirpc.RunResponse{}
	case errors.As(err, &exitErr) && exitErr.ExitCode() == constant.ExitStatusLoggedError:
		return &pulumirpc.RunResponse{Bail: true}
	case errors.As(err, &exitErr):
		return &pulumirpc.RunResponse{Error: fmt.Sprintf(exitedFormat, exitErr.ExitCode())}
	default:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf(notRunFormat, err)}
	}
}
