/**
 * The Pulumi programs the bench runs: N operators in organization 24, declared the same way
 * for each provider, so only the provider differs between rows.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * "roster": this package's ChatHubOrganizationRoster, one resource holding all N operators;
 * "roster-native": the same roster as `chathub:index:OrganizationRoster` of the native provider,
 * in a Pulumi YAML program.
 */
export type ProviderKind = "this" | "naive" | "noop" | "roster" | "roster-native";

/**
 * Where a roster's people come from: "inline", the `operators` input (the default); "csv", a file
 * (ROSTER_FILE) the bench writes into the program's folder, named by the `file` input.
 */
export type RosterSource = "inline" | "csv";

/** The roster file of the "csv" source, relative to the program's folder. */
export const ROSTER_FILE = "roster.csv";

/** The operator a program declares at index i; every 10th one inactive in the "update" variant. */
function operatorArgs(kind: ProviderKind, index: number, withInactive: boolean): string {
  const inactive = withInactive && (index + 1) % 10 === 0;
  return JSON.stringify({
    organizationId: 24,
    name: `Bench ${kind} operator ${index + 1}`,
    status: inactive ? "inactive" : "active",
  });
}

/** The providers written for the bench (the others are this package). */
export type Comparator = Exclude<ProviderKind, "this" | "roster" | "roster-native">;

/** Whether a kind is this package (configured by the stack's chathub:* settings). */
export function isThisPackage(kind: ProviderKind): kind is "this" | "roster" | "roster-native" {
  return kind === "this" || kind === "roster" || kind === "roster-native";
}

/** Whether a kind's program is Pulumi YAML (what follows `runtime: yaml`) rather than an index.js. */
export function isYamlProgram(kind: ProviderKind): kind is "roster-native" {
  return kind === "roster-native";
}

/** The package name a comparator provider is installed under, in the program's node_modules. */
export function comparatorPackage(kind: Comparator): string {
  return `chathub-bench-${kind}-operator`;
}

/**
 * A program for `kind` with `size` operators; every provider is required by package name, except
 * the native one, which the engine finds on PATH (a YAML program: see isYamlProgram).
 */
export function benchProgram(
  kind: ProviderKind,
  size: number,
  withInactive: boolean,
  source: RosterSource = "inline",
): string {
  if (source === "csv" && !isRoster(kind)) throw new Error(`${kind} has no roster file: only the rosters do`);
  if (kind === "roster") return rosterProgram(rosterArgs(size, withInactive, source));
  if (kind === "roster-native") return nativeRosterProgram(rosterArgs(size, withInactive, source));
  const declarations: string[] = [];
  for (let i = 0; i < size; i++) {
    declarations.push(`new Operator("op-${i + 1}", ${operatorArgs(kind, i, withInactive)});`);
  }
  const header =
    kind === "this"
      ? ['const { ChatHubOperator: Operator } = require("pulumi-chathub");']
      : comparatorHeader(kind);
  return [...header, ...declarations, ""].join("\n");
}

/** Whether a kind is one of the two organization rosters (which can read a roster file). */
export function isRoster(kind: ProviderKind): kind is "roster" | "roster-native" {
  return kind === "roster" || kind === "roster-native";
}

/** The roster's people: the same names and statuses as the N operators of the other providers. */
export function rosterPeople(size: number, withInactive: boolean): { name: string; status: string }[] {
  return Array.from({ length: size }, (_, i) => {
    const { name, status } = JSON.parse(operatorArgs("roster", i, withInactive)) as {
      name: string;
      status: string;
    };
    return { name, status };
  });
}

/**
 * The same N operators as one roster's inputs; "ignore" leaves the seeded operators alone. Both
 * adapters get these exact inputs (names included), so their requests and state compare. With
 * the "csv" source the inputs name the file instead (rosterCsv writes it).
 */
function rosterArgs(size: number, withInactive: boolean, source: RosterSource): string {
  if (source === "csv") return JSON.stringify({ organizationId: 24, file: ROSTER_FILE, unmanaged: "ignore" });
  const operators = rosterPeople(size, withInactive);
  return JSON.stringify({ organizationId: 24, operators, unmanaged: "ignore" });
}

/**
 * The roster file of the "csv" source: a `name,status` header, then one person per line (the
 * columns of src/roster/roster-file.ts). The bench's names hold no comma or quote.
 */
export function rosterCsv(size: number, withInactive: boolean): string {
  const lines = rosterPeople(size, withInactive).map(({ name, status }) => `${name},${status}`);
  return ["name,status", ...lines, ""].join("\n");
}

function rosterProgram(args: string): string {
  return [
    'const { ChatHubOrganizationRoster } = require("pulumi-chathub");',
    `new ChatHubOrganizationRoster("roster", ${args});`,
    "",
  ].join("\n");
}

/** The same roster through the native provider; Pulumi YAML is a superset of JSON. */
function nativeRosterProgram(args: string): string {
  return [
    "resources:",
    "  roster:",
    "    type: chathub:index:OrganizationRoster",
    `    properties: ${args}`,
    "",
  ].join("\n");
}

/**
 * The comparators are handed to Pulumi the way this package's provider is: as the exports of
 * a module installed under node_modules, which Pulumi's closure serializer stores as a mere
 * `require("<package>")`. Serializing them by value instead would put kilobytes of code into
 * every resource's state, and the engine rewrites the whole state after every step, so the
 * no-op "floor" would be slower than this provider for a reason that has nothing to do with I/O.
 */
function comparatorHeader(kind: Comparator): string[] {
  const typeName = kind === "naive" ? "NaiveOperator" : "NoopOperator";
  return [
    'const pulumi = require("@pulumi/pulumi");',
    `const provider = require(${JSON.stringify(comparatorPackage(kind))});`,
    "class Operator extends pulumi.dynamic.Resource {",
    "  constructor(name, args) {",
    `    super(provider, name, { operatorId: undefined, ...args }, {}, "bench", ${JSON.stringify(typeName)});`,
    "  }",
    "}",
  ];
}

const PROVIDER_SOURCES: Record<Comparator, string> = {
  naive: path.join(__dirname, "providers/naive-operator.ts"),
  noop: path.join(__dirname, "providers/noop-operator.ts"),
};

/**
 * Installs the comparator provider as a CommonJS package in the program's own node_modules
 * (the provider process is plain Node, with no TypeScript loader, and resolves it from there).
 */
export function installComparatorProvider(kind: Comparator, programDir: string): void {
  const source = ts.sys.readFile(PROVIDER_SOURCES[kind]);
  if (source === undefined) throw new Error(`cannot read ${PROVIDER_SOURCES[kind]}`);
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const packageDir = path.join(programDir, "node_modules", comparatorPackage(kind));
  mkdirSync(packageDir, { recursive: true });
  writeFileSync(
    path.join(packageDir, "package.json"),
    JSON.stringify({ name: comparatorPackage(kind), main: "index.js" }),
  );
  writeFileSync(path.join(packageDir, "index.js"), outputText);
}
