package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"regexp"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// listPluginFiles prints, as JSON, the pulumi-plugin.json of every installed distribution that
// has one, with the distribution's version: how a generated SDK says which plugin it needs.
const listPluginFiles = `import importlib.metadata, json
found = []
for dist in importlib.metadata.distributions():
    for file in dist.files or []:
        if file.name == "pulumi-plugin.json":
            with open(dist.locate_file(file), encoding="utf-8") as f:
                found.append({"package": dist.metadata["Name"], "version": dist.version, "plugin": json.load(f)})
print(json.dumps(found))
`

var plainVersion = regexp.MustCompile(`^\d+\.\d+\.\d+$`)

// GetRequiredPackages names the resource plugins the program's packages need: the engine then
// finds them (on PATH, or in the plugin cache) before it runs the program, or says which is
// missing. As upstream's host does, it makes the virtualenv named in Pulumi.yaml (and installs
// requirements.txt into it) if it does not exist yet.
func (h *pythonHost) GetRequiredPackages(
	ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	tc, _, err := resolve(req.GetInfo())
	if err != nil {
		return nil, err
	}
	var log strings.Builder
	if err := tc.EnsureVenv(ctx, req.GetInfo().GetProgramDirectory(), false, false, &log, &log); err != nil {
		return nil, fmt.Errorf("%w\n%s", err, log.String())
	}
	cmd, err := tc.Command(ctx, "-c", listPluginFiles)
	if err != nil {
		return nil, err
	}
	out, err := cmd.Output()
	if err != nil {
		var stderr string
		if exitErr, ok := err.(*exec.ExitError); ok {
			stderr = string(exitErr.Stderr)
		}
		return nil, fmt.Errorf("listing the program's Pulumi packages: %w\n%s", err, stderr)
	}
	var found []struct {
		Package string                  `json:"package"`
		Version string                  `json:"version"`
		Plugin  plugin.PulumiPluginJSON `json:"plugin"`
	}
	if err := json.Unmarshal(out, &found); err != nil {
		return nil, fmt.Errorf("reading the program's Pulumi packages: %w", err)
	}
	response := &pulumirpc.GetRequiredPackagesResponse{}
	for _, p := range found {
		if !p.Plugin.Resource {
			continue // a package that says it needs no plugin
		}
		name := p.Plugin.Name
		if name == "" {
			name = strings.TrimPrefix(p.Package, "pulumi_")
		}
		version := p.Plugin.Version
		if version == "" {
			// Only a plain X.Y.Z package version says which plugin it wants; upstream's host
			// translates pre-releases too, this one skips them (the engine loads the plugin when
			// the program first uses it).
			if !plainVersion.MatchString(p.Version) {
				continue
			}
			version = p.Version
		}
		dependency := &pulumirpc.PackageDependency{
			Kind:    "resource",
			Name:    name,
			Version: "v" + strings.TrimPrefix(version, "v"),
			Server:  p.Plugin.Server,
		}
		if param := p.Plugin.Parameterization; param != nil {
			dependency.Parameterization = &pulumirpc.PackageParameterization{
				Name: param.Name, Version: param.Version, Value: param.Value,
			}
		}
		response.Packages = append(response.Packages, dependency)
	}
	return response, nil
}
