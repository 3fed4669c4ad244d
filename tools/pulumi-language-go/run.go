package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-chathub/hostkit"
)

// Run builds the program from its directory into a temporary binary and runs that binary with the
// engine's settings in its environment, where the Go SDK's pulumi.Run reads them. As upstream's
// host, an exit with the SDK's "error already reported" status ends the update without a second
// message.
func (h *goHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	engine := h.EngineAddress()
	if engine == "" {
		return nil, errors.New("the engine's address is unknown: it is given on the command line or by Handshake")
	}
	programDir := req.GetInfo().GetProgramDirectory()
	if programDir == "" {
		programDir = req.GetPwd()
	}
	binary, err := buildProgram(ctx, programDir)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	defer os.Remove(binary)

	env, err := programEnvironment(req, engine)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(binary, req.GetArgs()...)
	cmd.Dir = req.GetPwd()
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return hostkit.RunResult(cmd.Run(),
		"program exited with non-zero exit code: %d", "could not run the program: %v"), nil
}

// buildProgram runs `go build` in the program's directory and returns the binary's path.
// -trimpath is the flag scripts/ensure-pulumi builds the CLI with: packages both compile (the Go
// SDK at the CLI's version, gRPC, protobuf) are then taken from the build cache, not compiled again.
func buildProgram(ctx context.Context, programDir string) (string, error) {
	if matches, _ := filepath.Glob(filepath.Join(programDir, "*.go")); len(matches) == 0 {
		return "", fmt.Errorf("no Go files in %s: a Go program's main package lives beside Pulumi.yaml "+
			"(or in the folder Pulumi.yaml's `main` names)", programDir)
	}
	out, err := os.CreateTemp("", "pulumi-go-program-*")
	if err != nil {
		return "", err
	}
	out.Close()
	build := exec.CommandContext(ctx, "go", "build", "-trimpath", "-o", out.Name(), ".")
	build.Dir = programDir
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		os.Remove(out.Name())
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			return "", fmt.Errorf("`go build` of the program in %s failed (its errors are above)", programDir)
		}
		return "", fmt.Errorf("could not run `go build` (is Go installed and on PATH?): %w", err)
	}
	return out.Name(), nil
}

// programEnvironment is this host's environment plus what pulumi.Run reads: the monitor and engine
// addresses, the stack's names, its configuration (JSON) and which keys are secret, and the
// operation's settings. Empty values are left out, as upstream's host does.
func programEnvironment(req *pulumirpc.RunRequest, engine string) ([]string, error) {
	env := os.Environ()
	setIfGiven := func(key, value string) {
		if value != "" {
			env = append(env, key+"="+value)
		}
	}
	if config := req.GetConfig(); config != nil {
		encoded, err := json.Marshal(config)
		if err != nil {
			return nil, fmt.Errorf("serializing configuration: %w", err)
		}
		setIfGiven(pulumi.EnvConfig, string(encoded))
	}
	secretKeys, err := json.Marshal(append([]string{}, req.GetConfigSecretKeys()...))
	if err != nil {
		return nil, fmt.Errorf("serializing secret keys: %w", err)
	}
	setIfGiven(pulumi.EnvConfigSecretKeys, string(secretKeys))
	setIfGiven(pulumi.EnvOrganization, req.GetOrganization())
	setIfGiven(pulumi.EnvProject, req.GetProject())
	setIfGiven(pulumi.EnvPulumiRootDirectory, req.GetInfo().GetRootDirectory())
	setIfGiven(pulumi.EnvStack, req.GetStack())
	setIfGiven(pulumi.EnvDryRun, strconv.FormatBool(req.GetDryRun()))
	setIfGiven(pulumi.EnvParallel, strconv.Itoa(int(req.GetParallel())))
	setIfGiven(pulumi.EnvMonitor, req.GetMonitorAddress())
	setIfGiven(pulumi.EnvEngine, engine)
	return env, nil
}
