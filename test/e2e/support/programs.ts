/** Pulumi programs (CommonJS source) that e2e tests write into a TestStack. */

export interface OperatorSpec {
  /** Logical (Pulumi) name. */
  key: string;
  organizationId?: unknown;
  name?: unknown;
  status?: unknown;
  adopt?: unknown;
  /** Resource options, e.g. { import: "24/104", protect: true }. */
  options?: Record<string, unknown>;
  /** Extra, unexpected properties, for bad-input tests. */
  extra?: Record<string, unknown>;
}

/** A program declaring one ChatHubOperator per spec, exporting each operator's outputs. */
export function operatorsProgram(specs: readonly OperatorSpec[]): string {
  const lines = specs.map((spec) => {
    const args: Record<string, unknown> = { ...spec.extra };
    for (const key of ["organizationId", "name", "status", "adopt"] as const) {
      if (spec[key] !== undefined) args[key] = spec[key];
    }
    return `out[${JSON.stringify(spec.key)}] = new ChatHubOperator(${JSON.stringify(spec.key)}, ${JSON.stringify(args)}, ${JSON.stringify(spec.options ?? {})});`;
  });
  return [
    'const { ChatHubOperator } = require("pulumi-chathub");',
    "const out = {};",
    ...lines,
    "exports.operators = Object.fromEntries(Object.entries(out).map(([k, o]) => [k, { id: o.id, operatorId: o.operatorId, name: o.name, status: o.status, organizationName: o.organizationName }]));",
    "",
  ].join("\n");
}
