package main

import (
	"fmt"
	"os"
	"os/exec"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// InstallDependencies (`pulumi install`, `pulumi new`) downloads the modules go.mod requires into
// the module cache: `go mod download`, the least that makes the first build work offline. Unlike
// upstream's `go mod tidy`, it leaves go.mod and go.sum as they are.
func (h *goHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, server pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	closer, stdout, stderr, err := rpcutil.MakeInstallDependenciesStreams(server, req.GetIsTerminal())
	if err != nil {
		return err
	}
	defer closer.Close()

	download := exec.CommandContext(server.Context(), "go", "mod", "download")
	download.Dir = req.GetInfo().GetProgramDirectory()
	download.Env = os.Environ()
	download.Stdout, download.Stderr = stdout, stderr
	if err := download.Run(); err != nil {
		return fmt.Errorf("`go mod download` failed to install dependencies: %w", err)
	}
	return closer.Close()
}
