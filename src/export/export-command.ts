import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { type ChatHubClient, ChatHubConfigError, type Organization } from "../api";
import { clientFromSettings, PRODUCTION_BASE_URL, readProviderSettings } from "../core/settings";
import { type RosterFormat, rosterFormatOf } from "../roster/roster-file";
import { rosterKeyOf } from "../roster/roster-keys";
import { liveRoster, withoutId } from "./live-roster";
import { renderRoster } from "./render-roster";

/** Where the command reads its environment and writes; the process's own by default. */
export interface ExportIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

interface ExportOptions {
  org?: number;
  all?: boolean;
  format?: RosterFormat;
  output?: string;
  baseUrl?: string;
}

const USAGE_ERROR = { exitCode: 2, code: "pulumi-chathub.usage" } as const;

function organizationId(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value <= 0) {
    throw new InvalidArgumentError("--org must be an organization id, a positive whole number such as 24.");
  }
  return value;
}

/**
 * Makes `command` the `export` subcommand: writes an organization's live roster as a roster file
 * (every operator that is not deleted, with its status, a stable key and `import: "<org>/<id>"`),
 * so that a ChatHubOperatorRoster over that file adopts everyone, creating and deleting nothing.
 */
export function configureExportCommand(command: Command, io: ExportIo = processIo()): Command {
  return command
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .summary("write an organization's live operators as a roster file")
    .description(
      "Write the live operators of a ChatHub organization (deleted ones left out) as a roster file for " +
        'ChatHubOperatorRoster: each with its status, a stable key and import: "<org>/<id>", so that the ' +
        "roster adopts them all, creating and deleting nothing. With --all, one file per organization the " +
        "credentials can see, into the --output folder. Credentials are read from CHATHUB_TOKEN, or " +
        "CHATHUB_LOGIN and CHATHUB_PASSWORD (never printed).",
    )
    .addOption(
      new Option("--org <id>", "the organization whose operators to export, e.g. 24").argParser(
        organizationId,
      ),
    )
    .addOption(
      new Option(
        "--all",
        "export every organization the credentials can see, one roster file each, into the --output folder",
      ).conflicts("org"),
    )
    .addOption(
      new Option(
        "--format <format>",
        "roster file format [default: from --output's extension, else yaml]",
      ).choices(["yaml", "csv"]),
    )
    .addOption(
      new Option(
        "--output <file>",
        "write to this file (.yaml, .yml or .csv) instead of standard output; with --all, the folder to write into",
      ),
    )
    .addOption(
      new Option(
        "--base-url <url>",
        `the ChatHub API root [default: CHATHUB_BASE_URL, else ${PRODUCTION_BASE_URL}]`,
      ),
    )
    .action((options: ExportOptions, self: Command) => runExport(options, self, io));
}

async function runExport(options: ExportOptions, command: Command, io: ExportIo): Promise<void> {
  const usage = (message: string): never => command.error(`error: ${message}`, USAGE_ERROR);
  if (options.org === undefined && !options.all) {
    usage("give --org <id> (one organization) or --all (every organization the credentials can see).");
  }
  if (options.all && options.output === undefined) {
    usage("--all writes one file per organization: give the folder with --output <folder>.");
  }
  const format = options.all ? (options.format ?? "yaml") : chooseFormat(options, usage);
  // The same settings module as the provider and the program: only the environment, here.
  const settings = readProviderSettings({}, io.env);
  if (options.baseUrl !== undefined) settings.baseUrl = options.baseUrl;
  let client: ChatHubClient;
  try {
    client = clientFromSettings(settings);
  } catch (error) {
    if (error instanceof ChatHubConfigError) usage(environmentWording(error.message));
    throw error;
  }

  // API errors propagate: the command line prints them (they never contain a secret) and exits 1.
  if (options.all) {
    await exportAll(client, format, path.resolve(io.cwd, options.output as string), io);
    return;
  }
  const organization = options.org as number;
  const text = await exportOne(client, organization, format, options.output ?? "standard output", io);
  if (options.output === undefined) io.stdout.write(text.text);
  else await writeFile(path.resolve(io.cwd, options.output), text.text);
  io.stderr.write(text.summary);
}

/** One organization's roster file, and the lines to report about it. */
async function exportOne(
  client: ChatHubClient,
  organizationId: number,
  format: RosterFormat,
  destination: string,
  io: ExportIo,
  knownName?: string,
): Promise<{ text: string; summary: string }> {
  const operators = await client.listOperators(organizationId);
  const { entries, skipped } = liveRoster(organizationId, operators);
  const organizationName = knownName ?? operators[0]?.organization.name;
  const about = `organization ${organizationId}${organizationName ? ` (${organizationName})` : ""}`;
  const heading =
    `ChatHub ${about}: ${entries.length} operator(s), written by \`pulumi-chathub export\`.\n` +
    `Each import adopts the live operator, so a ChatHubOperatorRoster over this file creates and deletes nothing.`;
  for (const { operator, reason } of skipped) {
    io.stderr.write(`warning: left out operator ${operator.id} ("${operator.name}"): ${reason}\n`);
  }
  const active = entries.filter((entry) => entry.status === "active").length;
  return {
    text: renderRoster(entries.map(withoutId), format, heading),
    summary:
      `Exported ${entries.length} operator(s) of ${about} to ${destination}: ` +
      `${active} active, ${entries.length - active} inactive.\n`,
  };
}

/** `--all`: one file per visible organization, named after it ("customer-support.yaml"). */
async function exportAll(client: ChatHubClient, format: RosterFormat, folder: string, io: ExportIo) {
  const organizations = await client.listOrganizations();
  await mkdir(folder, { recursive: true });
  const names = fileNames(organizations, format === "csv" ? "csv" : "yaml");
  for (const organization of organizations) {
    const fileName = names.get(organization.id) as string;
    const text = await exportOne(client, organization.id, format, fileName, io, organization.name);
    await writeFile(path.join(folder, fileName), text.text);
    io.stderr.write(text.summary);
  }
  io.stderr.write(`Exported ${organizations.length} organization(s) into ${folder}.\n`);
}

/** A file name per organization from its name; the id is added where names would collide or say nothing. */
function fileNames(organizations: readonly Organization[], extension: string): Map<number, string> {
  const slugs = organizations.map((organization) => rosterKeyOf(organization.name));
  const names = new Map<number, string>();
  organizations.forEach((organization, index) => {
    const slug = slugs[index] ?? "";
    const unique = slug !== "" && slugs.indexOf(slug) === slugs.lastIndexOf(slug);
    const base = unique ? slug : `${slug ? `${slug}-` : "organization-"}${organization.id}`;
    names.set(organization.id, `${base}.${extension}`);
  });
  return names;
}

/** export reads the environment only: say so in the config error's advice. */
function environmentWording(message: string): string {
  return `${message} (For export: set CHATHUB_TOKEN, or CHATHUB_LOGIN and CHATHUB_PASSWORD, in the environment; they are never printed.)`;
}

function chooseFormat(options: ExportOptions, usage: (message: string) => never): RosterFormat {
  if (options.output === undefined) return options.format ?? "yaml";
  const implied = rosterFormatOf(options.output);
  if (implied === undefined) {
    usage(
      `--output ${options.output}: name the file .yaml, .yml or .csv (a roster reads its format from the extension).`,
    );
  }
  if (options.format !== undefined && options.format !== implied) {
    usage(
      `--format ${options.format} does not match --output ${options.output}: a roster reads ${implied} from that file.`,
    );
  }
  return implied as RosterFormat;
}

function processIo(): ExportIo {
  return { env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr };
}
