package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/blang/semver"
	"golang.org/x/mod/modfile"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// GetRequiredPlugins is the engine's older question; like upstream's host, this one answers only
// GetRequiredPackages, and the engine falls back to it.
func (h *goHost) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return nil, status.Errorf(codes.Unimplemented, "GetRequiredPlugins is not implemented: use GetRequiredPackages")
}

// GetRequiredPackages names the provider plugins the program's go.mod requires: each required
// module holding a pulumi-plugin.json that says it is a resource plugin (a generated provider SDK
// does). A module replaced by a local folder is read there, without running Go; the others are
// found in the module cache (requiredModuleDirs). As upstream's host, a program outside a Go module
// yields no plugin (its build then says why); a go.mod Go cannot read, or a module it cannot list
// or download, is an error that says so, never a module without plugin.
func (h *goHost) GetRequiredPackages(
	ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	modDir, mod, err := findGoMod(req.GetInfo().GetProgramDirectory())
	if err != nil {
		return nil, fmt.Errorf("cannot tell which provider plugins the program needs: %w", err)
	}
	if mod == nil {
		return &pulumirpc.GetRequiredPackagesResponse{}, nil
	}
	dirs, versions, err := requiredModuleDirs(ctx, modDir, mod)
	if err != nil {
		return nil, fmt.Errorf("cannot tell which provider plugins the program needs: %w", err)
	}
	packages := []*pulumirpc.PackageDependency{}
	for _, required := range mod.Require {
		if dependency := providerPackage(dirs[required.Mod.Path], versions[required.Mod.Path]); dependency != nil {
			packages = append(packages, dependency)
		}
	}
	return &pulumirpc.GetRequiredPackagesResponse{Packages: packages}, nil
}

// findGoMod reads the go.mod of the program's folder or the nearest folder above it; none found is
// a nil module, one that cannot be read an error.
func findGoMod(dir string) (string, *modfile.File, error) {
	for {
		path := filepath.Join(dir, "go.mod")
		if data, err := os.ReadFile(path); err == nil {
			mod, err := modfile.Parse(path, data, nil)
			if err != nil {
				return "", nil, fmt.Errorf("reading %s: %w", path, err)
			}
			return dir, mod, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil, nil
		}
		dir = parent
	}
}

// requiredModuleDirs locates the source folder and version of each required module: a local
// replace's folder as it is, the others with one `go list -m -json`, and, for those the module
// cache does not hold yet, one `go mod download -json` (as upstream's host does).
func requiredModuleDirs(
	ctx context.Context, modDir string, mod *modfile.File,
) (map[string]string, map[string]string, error) {
	dirs, versions := map[string]string{}, map[string]string{}
	local := map[string]string{}
	for _, r := range mod.Replace {
		if modfile.IsDirectoryPath(r.New.Path) {
			dir := r.New.Path
			if !filepath.IsAbs(dir) {
				dir = filepath.Join(modDir, dir)
			}
			local[r.Old.Path] = dir
		}
	}
	var remote []string
	for _, required := range mod.Require {
		if dir, ok := local[required.Mod.Path]; ok {
			dirs[required.Mod.Path] = dir
		} else {
			remote = append(remote, required.Mod.Path)
		}
	}
	if len(remote) == 0 {
		return dirs, versions, nil
	}
	listed, err := goModules(ctx, modDir, []string{"list", "-m", "-json"}, remote)
	if err != nil {
		return nil, nil, err
	}
	var notInCache []string
	for _, module := range listed {
		if module.Dir == "" {
			notInCache = append(notInCache, module.Path)
		}
		dirs[module.Path], versions[module.Path] = module.Dir, module.Version
	}
	if len(notInCache) == 0 {
		return dirs, versions, nil
	}
	downloaded, err := goModules(ctx, modDir, []string{"mod", "download", "-json"}, notInCache)
	if err != nil {
		return nil, nil, err
	}
	for _, module := range downloaded {
		dirs[module.Path] = module.Dir
	}
	for _, path := range notInCache {
		if dirs[path] == "" {
			return nil, nil, fmt.Errorf("`go mod download` gave no source folder for %s", path)
		}
	}
	return dirs, versions, nil
}

// goModule is what `go list -m -json` and `go mod download -json` print of a module.
type goModule struct {
	Path, Version, Dir string
	// Why Go could not list or fetch it: an object holding Err from `go list`, a string from
	// `go mod download`.
	Error json.RawMessage
}

func (m goModule) problem() string {
	if len(m.Error) == 0 {
		return ""
	}
	var text string
	if json.Unmarshal(m.Error, &text) == nil {
		return text
	}
	var object struct{ Err string }
	if json.Unmarshal(m.Error, &object) == nil && object.Err != "" {
		return object.Err
	}
	return string(m.Error)
}

// goModules runs `go <command> <modules>` in the program's module and reads the modules it prints.
// A failing command, or a module it could not handle, is an error naming the command, the folder
// and what Go said.
func goModules(ctx context.Context, modDir string, command, modules []string) ([]goModule, error) {
	cmd := exec.CommandContext(ctx, "go", append(command, modules...)...)
	cmd.Dir = modDir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, runErr := cmd.Output()
	var found []goModule
	var problems []string
	decoder := json.NewDecoder(bytes.NewReader(out))
	for decoder.More() {
		var module goModule
		if err := decoder.Decode(&module); err != nil {
			problems = append(problems, fmt.Sprintf("unreadable output: %v", err))
			break
		}
		if problem := module.problem(); problem != "" {
			problems = append(problems, module.Path+": "+problem)
		}
		found = append(found, module)
	}
	if runErr != nil {
		var exitErr *exec.ExitError
		if errors.As(runErr, &exitErr) && len(bytes.TrimSpace(exitErr.Stderr)) > 0 {
			problems = append(problems, strings.TrimSpace(string(exitErr.Stderr)))
		} else {
			problems = append(problems, runErr.Error())
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("`go %s` in %s failed: %s", strings.Join(command, " "), modDir, strings.Join(problems, "; "))
	}
	return found, nil
}

// providerPackage reads a module's pulumi-plugin.json where generated SDKs put it (the module's
// root, go/, go/<package>/ or <package>/) and returns the plugin it names, or nil.
func providerPackage(dir, moduleVersion string) *pulumirpc.PackageDependency {
	if dir == "" {
		return nil
	}
	candidates := []string{filepath.Join(dir, "pulumi-plugin.json"), filepath.Join(dir, "go", "pulumi-plugin.json")}
	for _, pattern := range []string{filepath.Join(dir, "go", "*", "pulumi-plugin.json"), filepath.Join(dir, "*", "pulumi-plugin.json")} {
		matches, _ := filepath.Glob(pattern)
		candidates = append(candidates, matches...)
	}
	for _, path := range candidates {
		info, err := plugin.LoadPulumiPluginJSON(path)
		if err != nil || !info.Resource || info.Name == "" {
			continue
		}
		version := info.Version
		if version == "" {
			version = moduleVersion
		}
		if _, err := semver.ParseTolerant(version); err != nil {
			version = "" // e.g. a local replace with no version in pulumi-plugin.json: the engine picks one
		}
		return &pulumirpc.PackageDependency{
			Name: info.Name, Kind: "resource", Version: strings.TrimPrefix(version, "v"), Server: info.Server,
		}
	}
	return nil
}
