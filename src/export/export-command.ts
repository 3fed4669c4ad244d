import { writeFile } from "node:fs/promises";
import path from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { ChatHubClient, ChatHubConfigError } from "../api";
import { PRODUCTION_BASE_URL } from "../provider/settings";
import { type RosterFormat, rosterFormatOf } from "../roster/roster-file";
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
  org: number;
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
        "roster adopts them all, creating and deleting nothing. The company token is read from CHATHUB_TOKEN.",
    )
    .addOption(
      new Option("--org <id>", "the organization whose operators to export, e.g. 24")
        .argParser(organizationId)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option(
        "--format <format>",
        "roster file format [default: from --output's extension, else yaml]",
      ).choices(["yaml", "csv"]),
    )
    .addOption(
      new Option("--output <file>", "write to this file (.yaml, .yml or .csv) instead of standard output"),
    )
    .addOption(
      new Option(
        "--base-url <url>",
        `the ChatHub API root [default: CHATHUB_BASE_URL, else ${PRODUCTION_BASE_URL}]`,
      ),
    )
    .action((options: ExportOptions, self: Command) => runExport(options, self, io));
}

/** Adds `export` to the program. */
export function addExportCommand(program: Command, io?: ExportIo): Command {
  return configureExportCommand(program.command("export"), io);
}

async function runExport(options: ExportOptions, command: Command, io: ExportIo): Promise<void> {
  const usage = (message: string): never => command.error(`error: ${message}`, USAGE_ERROR);
  const format = chooseFormat(options, usage);
  const token = io.env.CHATHUB_TOKEN?.trim();
  if (!token) {
    usage("CHATHUB_TOKEN is not set: export the ChatHub company token in it (it is never printed).");
  }
  const baseUrl = options.baseUrl ?? (io.env.CHATHUB_BASE_URL?.trim() || PRODUCTION_BASE_URL);
  let client: ChatHubClient;
  try {
    client = new ChatHubClient({ baseUrl, token: token as string });
  } catch (error) {
    if (error instanceof ChatHubConfigError) usage(error.message);
    throw error;
  }

  // API errors propagate: the command line prints them (they never contain the token) and exits 1.
  const operators = await client.listOperators(options.org);
  const { entries, skipped } = liveRoster(options.org, operators);
  const organizationName = operators[0]?.organization.name;
  const about = `organization ${options.org}${organizationName ? ` (${organizationName})` : ""}`;
  const heading =
    `ChatHub ${about}: ${entries.length} operator(s), written by \`pulumi-chathub export\`.\n` +
    `Each import adopts the live operator, so a ChatHubOperatorRoster over this file creates and deletes nothing.`;
  const text = renderRoster(entries.map(withoutId), format, heading);

  if (options.output === undefined) io.stdout.write(text);
  else await writeFile(path.resolve(io.cwd, options.output), text);

  for (const { operator, reason } of skipped) {
    io.stderr.write(`warning: left out operator ${operator.id} ("${operator.name}"): ${reason}\n`);
  }
  const active = entries.filter((entry) => entry.status === "active").length;
  io.stderr.write(
    `Exported ${entries.length} operator(s) of ${about} to ${options.output ?? "standard output"}: ` +
      `${active} active, ${entries.length - active} inactive.\n`,
  );
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
