// The code the project's language hosts (tools/pulumi-language-*) share. It requires nothing, on
// purpose: scripts/ensure-pulumi adds it to each host's build module with a replace, and the
// versions it builds against (sdk/v3, and pkg/v3 for code generation) are that module's, the
// CLI's; a require here could only raise them above the CLI's version.
module pulumi-chathub/hostkit

go 1.22
