package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
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
// found with one `go list -m -json` (the module cache). As upstream's host, a program outside a Go
// module, or a module Go cannot locate, yields no plugin rather than an error.
func (h *goHost) GetRequiredPackages(
	ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	modDir, mod, err := findGoMod(req.GetInfo().GetProgramDirectory())
	if err != nil {
		return &pulumirpc.GetRequiredPackagesResponse{}, nil
	}
	dirs, versions := requiredModuleDirs(ctx, modDir, mod)
	packages := []*pulumirpc.PackageDependency{}
	for _, required := range mod.Require {
		dir := dirs[required.Mod.Path]
		if dir == "" {
			continue
		}
		if dependency := providerPackage(dir, versions[required.Mod.Path]); dependency != nil {
			packages = append(packages, dependency)
		}
	}
	return &pulumirpc.GetRequiredPackagesResponse{Packages: packages}, nil
}

// findGoMod reads the go.mod of the program's folder or the nearest folder above it.
func findGoMod(dir string) (string, *modfile.File, error) {
	for {
		path := filepath.Join(dir, "go.mod")
		if data, err := os.ReadFile(path); err == nil {
			mod, err := modfile.Parse(path, data, nil)
			return dir, mod, err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil, errors.New("no go.mod")
		}
		dir = parent
	}
}

// requiredModuleDirs locates the source folder and version of each required module.
func requiredModuleDirs(ctx context.Context, modDir string, mod *modfile.File) (map[string]string, map[string]string) {
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
			versions[required.Mod.Path] = required.Mod.Version
		}
	}
	if len(remote) == 0 {
		return dirs, versions
	}
	list := exec.CommandContext(ctx, "go", append([]string{"list", "-m", "-json"}, remote...)...)
	list.Dir = modDir
	list.Env = append(os.Environ(), "GOWORK=off")
	out, err := list.Output()
	if err != nil {
		return dirs, versions
	}
	decoder := json.NewDecoder(bytes.NewReader(out))
	for decoder.More() {
		var info struct{ Path, Version, Dir string }
		if decoder.Decode(&info) != nil {
			break
		}
		if info.Dir != "" {
			dirs[info.Path] = info.Dir
			versions[info.Path] = info.Version
		}
	}
	return dirs, versions
}

// providerPackage reads a module's pulumi-plugin.json where generated SDKs put it (the module's
// root, go/, go/<package>/ or <package>/) and returns the plugin it names, or nil.
func providerPackage(dir, moduleVersion string) *pulumirpc.PackageDependency {
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
