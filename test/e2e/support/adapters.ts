import type { RunningEmulator } from "pulumi-chathub-emulator";
import type { TestStack } from "../harness/test-stack";
import { chathubStack } from "./chathub-stack";
import { organizationRosterProgram } from "./organization-roster-program";
import { type OperatorSpec, operatorsProgram } from "./programs";

/**
 * The two ways a program reaches the core: the dynamic resources (a TypeScript/JavaScript
 * program) and the native provider (here a Pulumi YAML program). A behaviour suite runs
 * `describe.each(ADAPTERS)` and writes its programs and expectations through these, so the same
 * source tests both.
 */
export interface Adapter {
  title: string;
  operatorType: string;
  rosterType: string;
  /** A stack whose program declares one organization roster named `name` and exports its outputs. */
  rosterStack(
    emulator: RunningEmulator,
    name: string,
    args: Record<string, unknown>,
    options?: Record<string, unknown>,
  ): Promise<TestStack>;
  writeRoster(stack: TestStack, args: Record<string, unknown>, options?: Record<string, unknown>): void;
  /** A program of several organization rosters, by name, each from its arguments. */
  rostersStack(
    emulator: RunningEmulator,
    name: string,
    rosters: Record<string, Record<string, unknown>>,
  ): Promise<TestStack>;
  writeRosters(stack: TestStack, rosters: Record<string, Record<string, unknown>>): void;
  operatorsStack(emulator: RunningEmulator, name: string, specs: readonly OperatorSpec[]): Promise<TestStack>;
  writeOperators(stack: TestStack, specs: readonly OperatorSpec[]): void;
  /** What `preview --diff` prints when `unmanaged` deactivates this unmanaged person. */
  unmanagedDeactivated(id: number, name: string): RegExp;
  /** ...when `unmanaged: "delete"` deletes them. */
  unmanagedDeleted(id: number, name: string): RegExp;
  /** ...when the roster entry `key` (named `name`) is created again, e.g. after a deletion by hand. */
  memberAdded(key: string, name: string): RegExp;
  /** ...when `key`'s live status is set back to what the roster says. */
  memberStatus(key: string, name: string, from: string, to: string): RegExp;
}

const anything = "[\\s\\S]*?";
const quoted = (text: string) => `"${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`;

export const DYNAMIC: Adapter = {
  title: "dynamic, TypeScript",
  operatorType: "pulumi-nodejs:dynamic/chathub:Operator",
  rosterType: "pulumi-nodejs:dynamic/chathub:OrganizationRoster",
  rosterStack: (emulator, name, args, options) =>
    chathubStack(emulator, name, organizationRosterProgram(args, options, "support")),
  writeRoster: (stack, args, options) =>
    stack.writeProgram(organizationRosterProgram(args, options, "support")),
  rostersStack: (emulator, name, rosters) => chathubStack(emulator, name, rostersProgram(rosters)),
  writeRosters: (stack, rosters) => stack.writeProgram(rostersProgram(rosters)),
  operatorsStack: (emulator, name, specs) => chathubStack(emulator, name, operatorsProgram(specs)),
  writeOperators: (stack, specs) => stack.writeProgram(operatorsProgram(specs)),
  unmanagedDeactivated: (id) => new RegExp(`unmanaged #${id}${anything}status\\s*: "active" => "inactive"`),
  unmanagedDeleted: (id) => new RegExp(`- unmanaged #${id}`),
  memberAdded: (key) => new RegExp(`\\+ ${key}\\s*: \\{`),
  memberStatus: (key, _name, from, to) => new RegExp(`${key}${anything}status\\s*: "${from}" => "${to}"`),
};

export const NATIVE: Adapter = {
  title: "native, YAML",
  operatorType: "chathub:index:Operator",
  rosterType: "chathub:index:OrganizationRoster",
  rosterStack: (emulator, name, args, options) =>
    chathubStack(emulator, name, { yaml: rosterYaml(args, options) }),
  writeRoster: (stack, args, options) => stack.writeYamlProgram(rosterYaml(args, options)),
  rostersStack: (emulator, name, rosters) => chathubStack(emulator, name, { yaml: rostersYaml(rosters) }),
  writeRosters: (stack, rosters) => stack.writeYamlProgram(rostersYaml(rosters)),
  operatorsStack: (emulator, name, specs) => chathubStack(emulator, name, { yaml: operatorsYaml(specs) }),
  writeOperators: (stack, specs) => stack.writeYamlProgram(operatorsYaml(specs)),
  unmanagedDeactivated: (id, name) =>
    new RegExp(`id\\s*: ${id}\\s*name\\s*: ${quoted(name)}\\s*~ status\\s*: "active" => "inactive"`),
  unmanagedDeleted: (id, name) =>
    new RegExp(`- \\[\\d+\\]: \\{\\s*- id\\s*: ${id}\\s*- name\\s*: ${quoted(name)}`),
  memberAdded: (key, name) =>
    new RegExp(`\\+ \\[\\d+\\]: \\{\\s*\\+ key\\s*: "${key}"\\s*\\+ name\\s*: ${quoted(name)}`),
  // Changed in place, or (moved in the list too) drawn at its new place as it will be.
  memberStatus: (key, name, from, to) =>
    new RegExp(
      `key\\s*: "${key}"\\s*\\+?\\s*name\\s*: ${quoted(name)}\\s*(~ status\\s*: "${from}" => "${to}"|\\+ status\\s*: "${to}")`,
    ),
};

export const ADAPTERS = [DYNAMIC, NATIVE];

/** Pulumi YAML is a superset of JSON: values are written as JSON, which keeps them exact. */
function rosterYaml(args: Record<string, unknown>, options: Record<string, unknown> = {}): string {
  return [
    "resources:",
    "  support:",
    "    type: chathub:index:OrganizationRoster",
    `    properties: ${JSON.stringify(args)}`,
    ...(Object.keys(options).length > 0 ? [`    options: ${JSON.stringify(options)}`] : []),
    "outputs:",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Pulumi YAML interpolation
    "  operatorIds: ${support.operatorIds}",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Pulumi YAML interpolation
    "  counts: ${support.counts}",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Pulumi YAML interpolation
    "  unmanagedOperators: ${support.unmanagedOperators}",
    "",
  ].join("\n");
}

function rostersProgram(rosters: Record<string, Record<string, unknown>>): string {
  return [
    'const { ChatHubOrganizationRoster } = require("pulumi-chathub");',
    ...Object.entries(rosters).map(
      ([name, args]) => `new ChatHubOrganizationRoster(${JSON.stringify(name)}, ${JSON.stringify(args)});`,
    ),
    "",
  ].join("\n");
}

function rostersYaml(rosters: Record<string, Record<string, unknown>>): string {
  const resources = Object.entries(rosters).flatMap(([name, args]) => [
    `  ${name}:`,
    "    type: chathub:index:OrganizationRoster",
    `    properties: ${JSON.stringify(args)}`,
  ]);
  return ["resources:", ...resources, ""].join("\n");
}

function operatorsYaml(specs: readonly OperatorSpec[]): string {
  const resources = specs.flatMap((spec) => {
    const properties: Record<string, unknown> = { ...spec.extra };
    for (const key of ["organizationId", "name", "status", "adopt"] as const) {
      if (spec[key] !== undefined) properties[key] = spec[key];
    }
    return [
      `  ${spec.key}:`,
      "    type: chathub:index:Operator",
      `    properties: ${JSON.stringify(properties)}`,
      ...(spec.options ? [`    options: ${JSON.stringify(spec.options)}`] : []),
    ];
  });
  const outputs = specs.flatMap((spec) => [
    `    ${spec.key}:`,
    ...["id", "operatorId", "name", "status", "organizationName"].map(
      (output) => `      ${output}: \${${spec.key}.${output}}`,
    ),
  ]);
  return ["resources:", ...resources, "outputs:", "  operators:", ...outputs, ""].join("\n");
}
