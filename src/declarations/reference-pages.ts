import type { z } from "zod";
import { settingOf } from "../core/provider-config";
import type { Examples, FunctionDeclaration, PackageDeclaration, ResourceDeclaration } from "./declaration";
import { importSentence } from "./package-schema";
import { defaultOf, isOptional, type PulumiType, PulumiTypeWriter, type Side } from "./pulumi-types";

/** The first line of every page: they are derived, and where to change them. */
export const GENERATED_NOTICE =
  "<!-- Generated from src/declarations/ by `npm run declarations`: edit the declarations, not this page. -->";

/** The reference pages under docs/reference/, by file name: one per resource, function, the provider, and the types. */
export function referencePages(pkg: PackageDeclaration): Record<string, string> {
  const writer = new PulumiTypeWriter(pkg.name);
  const pages: Record<string, string> = {
    "provider.md": providerPage(pkg),
    ...Object.fromEntries(
      pkg.resources.map((resource) => [pageOf(resource.token), resourcePage(writer, resource)]),
    ),
    ...Object.fromEntries(pkg.functions.map((fn) => [pageOf(fn.token), functionPage(writer, fn)])),
  };
  // Written last: the pages above meet every named type.
  pages["types.md"] = typesPage(writer);
  pages["README.md"] = indexPage(pkg);
  return pages;
}

/** "chathub:index:OrganizationRoster" → "organization-roster.md". */
export function pageOf(token: string): string {
  const name = token.split(":").at(-1) ?? token;
  return `${name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()}.md`;
}

const nameOf = (token: string) => token.split(":").at(-1) ?? token;

function page(title: string, ...sections: string[]): string {
  return `${[GENERATED_NOTICE, `# ${title}`, ...sections].join("\n\n")}\n`;
}

function indexPage(pkg: PackageDeclaration): string {
  const row = (token: string, ts: string, description: string) =>
    `| [\`${token}\`](${pageOf(token)}) | \`${ts}\` | ${firstSentence(description)} |`;
  return page(
    `${pkg.displayName} reference`,
    `${pkg.description} Every resource and function, with its inputs and outputs, types, defaults and an example in TypeScript (\`pulumi-chathub\`) and YAML (the native provider \`pulumi-resource-chathub\`, as Python and Go use it).`,
    `- [Provider configuration](provider.md): \`${pkg.name}:*\` stack config and an explicit provider's inputs.\n- [Types](types.md): the object and enum types the properties use.`,
    [
      "## Resources",
      "",
      "| token | TypeScript | what it is |",
      "|---|---|---|",
      ...pkg.resources.map((r) => row(r.token, r.typeScriptName, r.description)),
    ].join("\n"),
    [
      "## Functions",
      "",
      "| token | TypeScript | what it is |",
      "|---|---|---|",
      ...pkg.functions.map((f) => row(f.token, f.typeScriptName, f.description)),
    ].join("\n"),
  );
}

function providerPage(pkg: PackageDeclaration): string {
  const rows = pkg.provider.config.keyof().options.map((key) => {
    const { doc, type, default: fallback } = settingOf(key);
    const shown = fallback ?? (doc.clientDefault === undefined ? undefined : String(doc.clientDefault));
    const notes = [doc.secret ? "secret" : "", doc.env ? `env \`${doc.env}\`` : ""]
      .filter(Boolean)
      .join(", ");
    return `| \`${pkg.name}:${key}\` | ${type} | ${shown === undefined ? "—" : `\`${shown}\``} | ${notes || "—"} | ${cell(doc.description)} |`;
  });
  return page(
    "Provider configuration",
    pkg.provider.description,
    `Stack config (\`pulumi config set ${pkg.name}:<key>\`; \`--secret\` for secrets) configures the default provider; an explicit provider (\`pulumi:providers:${pkg.name}\`) takes the same keys as its inputs. Every key is optional; credentials are a token, or a login and a password.`,
    [
      "## Keys",
      "",
      "| key | type | default | secret, environment | description |",
      "|---|---|---|---|---|",
      ...rows,
    ].join("\n"),
    examplesSection(pkg.provider.examples),
  );
}

function resourcePage(writer: PulumiTypeWriter, resource: ResourceDeclaration): string {
  const inputs = resource.inputs.shape as Record<string, z.ZodType>;
  const outputs = resource.outputs.shape as Record<string, z.ZodType>;
  return page(
    nameOf(resource.token),
    `\`${resource.token}\` (native provider), \`${resource.typeScriptName}\` (TypeScript, \`import { ${resource.typeScriptName} } from "pulumi-chathub"\`).`,
    resource.description,
    examplesSection(resource.examples),
    propertiesSection("Inputs", writer, inputs, "input"),
    `${propertiesSection("Outputs", writer, outputs, "output", inputs)}\n\nEvery input is an output too, as the state records it.`,
    `## Import\n\n${importSentence(resource)}\n\n\`\`\`sh\npulumi import ${resource.token} ${resource.id.name} ${resource.id.example}\n\`\`\``,
  );
}

function functionPage(writer: PulumiTypeWriter, fn: FunctionDeclaration): string {
  const sections = [
    `\`${fn.token}\` (native provider), \`${fn.typeScriptName}\` and \`${fn.typeScriptName}Output\` (TypeScript).`,
    fn.description,
    examplesSection(fn.examples),
  ];
  if (fn.inputs !== undefined)
    sections.push(
      propertiesSection("Arguments", writer, fn.inputs.shape as Record<string, z.ZodType>, "input"),
    );
  sections.push(propertiesSection("Result", writer, fn.outputs.shape as Record<string, z.ZodType>, "output"));
  return page(nameOf(fn.token), ...sections);
}

function typesPage(writer: PulumiTypeWriter): string {
  const sections = Object.entries(writer.types)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([token, type]) => {
      const heading = `## ${nameOf(token)}`;
      const description = typeof type.description === "string" ? `\n\n${type.description}` : "";
      if (Array.isArray(type.enum)) {
        const values = (type.enum as { value: string }[]).map(({ value }) => `\`"${value}"\``).join(", ");
        return `${heading}${description}\n\nOne of ${values}.`;
      }
      const required = new Set((type.required as string[] | undefined) ?? []);
      const rows = Object.entries((type.properties as Record<string, PulumiType>) ?? {}).map(
        ([key, property]) =>
          `| \`${key}\` | ${typeName(property)} | ${required.has(key) ? "yes" : "no"} | ${cell(String(property.description ?? ""))} |`,
      );
      return `${heading}${description}\n\n| property | type | required | description |\n|---|---|---|---|\n${rows.join("\n")}`;
    });
  return page("Types", ...sections);
}

/**
 * A table of properties. `inputs`, given for outputs: an output that is also an input is described
 * as the state records that input, not in the words that tell a program how to give it.
 */
function propertiesSection(
  title: string,
  writer: PulumiTypeWriter,
  shape: Record<string, z.ZodType>,
  side: Side,
  inputs: Record<string, z.ZodType> = {},
): string {
  const rows = Object.entries(shape).map(([key, field]) => {
    const property = writer.property(field);
    const description = String(property.description ?? "");
    const columns = [`\`${key}\``, typeName(property), isOptional(field, side) ? "no" : "yes"];
    if (side === "input") columns.push(defaultCell(field, description));
    const input = inputs[key];
    columns.push(cell(input === undefined ? description : recordedInput(key, input, field)));
    return `| ${columns.join(" | ")} |`;
  });
  const header =
    side === "input"
      ? "| property | type | required | default | description |\n|---|---|---|---|---|"
      : "| property | type | always set | description |\n|---|---|---|---|";
  return [`## ${title}`, "", header, ...rows].join("\n");
}

/**
 * The default column: the schema's default, or else the one the description states (a default the
 * provider applies itself, such as the removal budget's, has no schema default to show).
 */
function defaultCell(field: z.ZodType, description: string): string {
  const fallback = defaultOf(field);
  if (fallback !== undefined) return `\`${JSON.stringify(fallback)}\``;
  const stated = /(?:^|\s)Default: ([^.]+)\./.exec(description) ?? /\(default:? ([^)]+)\)/.exec(description);
  return stated ? cell(stated[1] as string) : "—";
}

/** An output that is also an input: what the state holds of it. */
function recordedInput(key: string, input: z.ZodType, output: z.ZodType): string {
  const always = isOptional(input, "input") && !isOptional(output, "output");
  return `The input \`${key}\` as the state records it${always ? ", recorded even when the program does not give it" : ""}.`;
}

/** A Pulumi type as a reader reads it: `integer`, `list of [RosterEntry](types.md#rosterentry)`. */
function typeName(type: PulumiType): string {
  if (typeof type.$ref === "string") {
    const name = nameOf(type.$ref);
    return `[${name}](types.md#${name.toLowerCase()})`;
  }
  if (Array.isArray(type.oneOf)) return (type.oneOf as PulumiType[]).map(typeName).join(" or ");
  if (type.type === "array") return `list of ${typeName(type.items as PulumiType)}`;
  if (type.type === "object" && type.additionalProperties !== undefined)
    return `map of ${typeName(type.additionalProperties as PulumiType)}`;
  return String(type.type);
}

function examplesSection(examples: Examples): string {
  return `## Example\n\nTypeScript:\n\n\`\`\`typescript\n${examples.typescript}\n\`\`\`\n\nYAML:\n\n\`\`\`yaml\n${examples.yaml}\n\`\`\``;
}

/** Text fit for a table cell. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

const firstSentence = (text: string) => text.split(/(?<=\.)\s/)[0] ?? text;
