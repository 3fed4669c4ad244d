package main

import (
	"fmt"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/pulumi/pulumi/sdk/v3/python/toolchain"
)

// resolve reads Pulumi.yaml's runtime options and returns the pip toolchain for the program: its
// `virtualenv` (relative to the project's root) when set, else the `python3` on PATH (or
// PULUMI_PYTHON_CMD), as upstream's host does. The options this host does not offer are refused
// by name rather than ignored, so a program never runs differently from what its Pulumi.yaml says.
func resolve(info *pulumirpc.ProgramInfo) (toolchain.Toolchain, toolchain.PythonOptions, error) {
	options := toolchain.PythonOptions{
		Root:       info.GetRootDirectory(),
		ProgramDir: info.GetProgramDirectory(),
		Toolchain:  toolchain.Pip,
	}
	for name, value := range info.GetOptions().AsMap() {
		switch name {
		case "virtualenv":
			venv, ok := value.(string)
			if !ok {
				return nil, options, fmt.Errorf("the virtualenv option in Pulumi.yaml must be a string, found %v", value)
			}
			options.Virtualenv = venv
		case "toolchain":
			if value != "pip" {
				return nil, options, fmt.Errorf(
					"the toolchain option in Pulumi.yaml is %v; this project's Python language host runs pip only: remove it or set it to pip", value)
			}
		case "typechecker":
			return nil, options, fmt.Errorf(
				"the typechecker option in Pulumi.yaml is not supported by this project's Python language host: remove it and run %v yourself", value)
		}
	}
	tc, err := toolchain.ResolveToolchain(options)
	return tc, options, err
}
