package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-chathub/hostkit"
)

// pythonHost answers for Python programs; the methods every host answers alike (Handshake,
// GetPluginInfo) and the engine's address are hostkit.Runtime's.
type pythonHost struct {
	hostkit.Runtime

	runner  string
	tracing string
}

// Run executes the program with the runner, under the program's Python (its virtualenv's when
// Pulumi.yaml names one), passing the engine's settings as the runner's flags and the stack's
// configuration in the environment variables the `pulumi` package reads.
func (h *pythonHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	tc, _, err := resolve(req.GetInfo())
	if err != nil {
		return nil, err
	}
	// A virtualenv named in Pulumi.yaml but missing is an error naming the commands that make it.
	if err := tc.ValidateVenv(ctx); err != nil {
		return nil, err
	}

	// Python's -u (unbuffered output, so the program's prints reach the engine as they happen),
	// then the runner and its command line.
	args := append([]string{"-u", h.runner},
		hostkit.RunnerArgs(req, h.EngineAddress(), h.tracing, req.GetInfo().GetEntryPoint())...)
	cmd, err := tc.Command(ctx, args...)
	if err != nil {
		return nil, err
	}
	config, err := hostkit.ConfigEnv(req)
	if err != nil {
		return nil, err
	}
	env := cmd.Env
	if env == nil {
		env = os.Environ()
	}
	cmd.Env = append(env, config...)
	cmd.Dir = req.GetPwd()
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr

	return hostkit.RunResult(cmd.Run(), "program exited with non-zero exit code: %d",
		"problem executing program (could not run python): %v"), nil
}

// About names the Python that runs the program, and pip's version.
func (h *pythonHost) About(ctx context.Context, req *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	tc, _, err := resolve(req.GetInfo())
	if err != nil {
		return nil, err
	}
	info, err := tc.About(ctx)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.AboutResponse{
		Executable: info.PythonExecutable,
		Version:    info.PythonVersion.String(),
		Metadata:   map[string]string{"toolchain": "pip", "toolchainVersion": info.ToolchainVersion.String()},
	}, nil
}

// GetProgramDependencies lists the packages of the program's Python (`pulumi about`).
func (h *pythonHost) GetProgramDependencies(
	ctx context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	tc, _, err := resolve(req.GetInfo())
	if err != nil {
		return nil, err
	}
	packages, err := tc.ListPackages(ctx, req.GetTransitiveDependencies())
	if err != nil {
		return nil, fmt.Errorf("listing the program's Python packages: %w", err)
	}
	response := &pulumirpc.GetProgramDependenciesResponse{}
	for _, p := range packages {
		response.Dependencies = append(response.Dependencies, &pulumirpc.DependencyInfo{Name: p.Name, Version: p.Version})
	}
	return response, nil
}

// InstallDependencies is `pulumi install`: the virtualenv made if missing, then
// `pip install -r requirements.txt` into it, the output streamed to the CLI.
func (h *pythonHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, server pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	if req.GetIsPlugin() {
		return errors.New("this language host installs the dependencies of Python programs only, not of plugins")
	}
	tc, _, err := resolve(req.GetInfo())
	if err != nil {
		return err
	}
	closer, stdout, stderr, err := rpcutil.MakeInstallDependenciesStreams(server, req.GetIsTerminal())
	if err != nil {
		return err
	}
	defer closer.Close()
	fmt.Fprintln(stdout, "Installing dependencies...")
	if err := tc.InstallDependencies(server.Context(), req.GetInfo().GetProgramDirectory(),
		req.GetUseLanguageVersionTools(), true /* showOutput */, stdout, stderr); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "Finished installing dependencies")
	return closer.Close()
}
