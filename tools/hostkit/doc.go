// Package hostkit is what the project's language hosts (tools/pulumi-language-*) share, so that
// each host's own folder holds only what is its language's: the start-up the engine expects
// (CommandLine, Serve), the engine watchdog (ExitWhenGone), the LanguageRuntime methods every host
// answers alike (Runtime), and the pieces of running a program two or three hosts do the same way.
// Code generation, shared by the Go and Python hosts only and needing pkg/v3, is the package
// hostkit/codegen, so the Node.js host does not build it.
//
// Each host's build module requires this one, replaced by this folder (scripts/ensure-pulumi), and
// a host is rebuilt when any file of this folder changes.
package hostkit
