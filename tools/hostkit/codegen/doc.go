// Package codegen is the code-generation plumbing the Go and Python hosts share: what lies
// between the engine's request and the language's own generator in pkg/v3 (the schema loader,
// binding, diagnostics, the files written). It is a package apart from hostkit because it needs
// pkg/v3, which the Node.js host does not build.
package codegen
