// Command pulumi-language-nodejs is a Node.js language host for the Pulumi engine.
//
// Upstream's language host lives in its own Go module
// (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3), which the Go module
// proxy reachable from this project's machines refuses for every version. This host speaks the
// LanguageRuntime protocol of the very SDK version that scripts/ensure-pulumi builds it against,
// and does what a Pulumi program needs from it: run the program with @pulumi/pulumi's own
// `cmd/run` entry point, the way upstream does, and run a Node.js policy pack
// (`pulumi preview --policy-pack <dir>`) with `cmd/run-policy-pack`, the way upstream's RunPlugin
// does. Plugin discovery (GetRequiredPackages) answers "none": a program that uses only dynamic
// providers, like this project's, needs no plugin. Code generation, `pulumi new` templates,
// dependency installation and plugins of other kinds are not offered.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/structpb"

	sdk "github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-chathub/hostkit"
)

func main() {
	tracing, engineAddress := hostkit.CommandLine("a Zipkin-compatible tracing endpoint")
	host := &languageHost{tracing: tracing}
	host.SetEngineAddress(engineAddress)
	hostkit.Serve("pulumi-language-nodejs", host)
}

// languageHost answers for Node.js programs and policy packs; the methods every host answers
// alike (Handshake, GetPluginInfo) and the engine's address are hostkit.Runtime's.
type languageHost struct {
	hostkit.Runtime

	tracing string
}

func (h *languageHost) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *languageHost) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (h *languageHost) About(context.Context, *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	out, err := exec.Command("node", "--version").Output()
	if err != nil {
		return nil, status.Errorf(codes.FailedPrecondition, "could not run node --version: %v", err)
	}
	return &pulumirpc.AboutResponse{Executable: "node", Version: strings.TrimSpace(string(out))}, nil
}

func (h *languageHost) GetProgramDependencies(
	context.Context, *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	return &pulumirpc.GetProgramDependenciesResponse{}, nil
}

// Run executes the program with @pulumi/pulumi's runner, resolved from the program's directory
// so that the program and the runner share one copy of the SDK.
func (h *languageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	programDir := req.GetInfo().GetProgramDirectory()
	if programDir == "" {
		programDir = req.GetPwd()
	}
	runner, err := resolveRunner(ctx, programDir)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}

	// No program named is "." (RunnerArgs): Node then loads package.json's "main", or index.js.
	args := append([]string{runner}, hostkit.RunnerArgs(req, h.EngineAddress(), h.tracing, req.GetProgram())...)

	env, err := runEnvironment(req)
	if err != nil {
		return nil, err
	}

	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = req.GetPwd()
	cmd.Env = env
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	return hostkit.RunResult(cmd.Run(),
		"Program exited with non-zero exit code: %d", "could not run node: %v"), nil
}

// resolveRunner finds @pulumi/pulumi/cmd/run the way Node would from the program's directory.
func resolveRunner(ctx context.Context, programDir string) (string, error) {
	return resolveSDKModule(ctx, "@pulumi/pulumi/cmd/run", programDir)
}

// resolveSDKModule finds a module of @pulumi/pulumi the way Node would from dir.
func resolveSDKModule(ctx context.Context, module, dir string) (string, error) {
	cmd := exec.CommandContext(ctx, "node", "-e",
		`console.log(require.resolve(process.argv[1], { paths: [process.argv[2]] }))`, module, dir)
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf(
			"it looks like the Pulumi SDK has not been installed in %s: run 'npm install' (%v)", dir, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// RunPlugin runs a Node.js policy pack, which is how the engine starts one when a `nodejs`
// language host is on PATH (`pulumi preview --policy-pack <dir>`). As upstream's host does, it
// runs @pulumi/pulumi's cmd/run-policy-pack from the pack's own directory, behind the SDK's
// PolicyProxy: the proxy answers the engine's Handshake and ConfigureStack, which
// @pulumi/policy does not implement, and hands the stack's name and configuration to the pack
// in the environment variables it reads.
func (h *languageHost) RunPlugin(
	req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer,
) error {
	if req.GetKind() != string(apitype.AnalyzerPlugin) {
		return status.Errorf(codes.Unimplemented,
			"this language host runs Node.js policy packs only, not %q plugins", req.GetKind())
	}
	ctx := server.Context()
	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer closer.Close()

	packDir := req.GetInfo().GetProgramDirectory()
	runner, err := resolveSDKModule(ctx, "@pulumi/pulumi/cmd/run-policy-pack", packDir)
	if err != nil {
		return fmt.Errorf("it looks like the policy pack's dependencies are not installed: %w", err)
	}

	proxy, stdout, err := sdk.NewPolicyProxy(ctx, stdout)
	if err != nil {
		return fmt.Errorf("could not start the policy pack proxy: %w", err)
	}
	config, err := proxy.AwaitConfiguration(ctx)
	if err != nil {
		return fmt.Errorf("could not get the stack configuration: %w", err)
	}
	env, err := policyPackEnvironment(req.GetEnv(), config)
	if err != nil {
		return err
	}

	// The runner takes the engine address first and the pack's directory last.
	args := append([]string{runner}, req.GetArgs()...)
	args = append(args, packDir)
	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = packDir // policy packs have always run from their own directory
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("could not run node: %w", err)
	}
	// Attach reads the pack's port, forwards the engine's calls to it, and waits for it to exit.
	err = proxy.Attach(ctx, cmd)
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		return fmt.Errorf("Policy pack exited with non-zero exit code: %d", exitErr.ExitCode())
	}
	if err != nil {
		return err
	}
	return closer.Close()
}

// policyPackEnvironment adds what @pulumi/pulumi reads in a policy pack: the stack it analyzes,
// whether this is a preview, and the stack's configuration (nil when the engine sent none).
func policyPackEnvironment(
	base []string, config *pulumirpc.AnalyzerStackConfigureRequest,
) ([]string, error) {
	env := append([]string{}, base...)
	if config == nil {
		return env, nil
	}
	setIfGiven := func(key, value string) {
		if value != "" {
			env = append(env, key+"="+value)
		}
	}
	setIfGiven("PULUMI_NODEJS_ORGANIZATION", config.GetOrganization())
	setIfGiven("PULUMI_NODEJS_PROJECT", config.GetProject())
	setIfGiven("PULUMI_NODEJS_STACK", config.GetStack())
	setIfGiven("PULUMI_NODEJS_DRY_RUN", fmt.Sprint(config.GetDryRun()))
	if values := config.GetConfig(); values != nil {
		encoded, err := json.Marshal(values)
		if err != nil {
			return nil, fmt.Errorf("serializing configuration: %w", err)
		}
		setIfGiven("PULUMI_CONFIG", string(encoded))
	}
	return env, nil
}

// runEnvironment passes configuration the way @pulumi/pulumi reads it: PULUMI_CONFIG holds the
// config as JSON, PULUMI_CONFIG_SECRET_KEYS the keys whose values are secret, and
// PULUMI_NODEJS_TYPESCRIPT says whether to compile TypeScript (Pulumi.yaml's runtime option
// `typescript`, true unless set to false).
func runEnvironment(req *pulumirpc.RunRequest) ([]string, error) {
	config, err := hostkit.ConfigEnv(req)
	if err != nil {
		return nil, err
	}
	options := req.GetInfo().GetOptions().GetFields()
	typescript := "true"
	if opt, ok := options["typescript"]; ok {
		if b, isBool := opt.GetKind().(*structpb.Value_BoolValue); isBool && !b.BoolValue {
			typescript = "false"
		}
	}
	env := append(append(os.Environ(), config...), "PULUMI_NODEJS_TYPESCRIPT="+typescript)
	// Pulumi.yaml's `tsconfig` option is relative to the project's root directory (the runner
	// resolves it from its working directory, which is the program's).
	if tsconfig := options["tsconfig"].GetStringValue(); tsconfig != "" {
		if !filepath.IsAbs(tsconfig) {
			tsconfig = filepath.Join(req.GetInfo().GetRootDirectory(), tsconfig)
		}
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+tsconfig)
	}
	if nodeargs := options["nodeargs"].GetStringValue(); nodeargs != "" {
		env = append(env, "NODE_OPTIONS="+strings.TrimSpace(os.Getenv("NODE_OPTIONS")+" "+nodeargs))
	}
	return env, nil
}
