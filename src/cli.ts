#!/usr/bin/env node
import { Command, CommanderError } from "commander";

/** Usage errors (unknown switch, bad value) exit with 2, the usual convention for command lines. */
const USAGE_ERROR_EXIT_CODE = 2;

/** The `pulumi-chathub` command line, one subcommand per job. */
export function buildProgram(): Command {
  const program = new Command("pulumi-chathub")
    .description("Tools for managing ChatHub operator rosters with Pulumi.")
    // Set before adding subcommands, which inherit it: errors are thrown to main() instead of exiting.
    .exitOverride();
  addLazyExportCommand(program);
  addLazySummaryCommand(program);
  addMovedEmulatorCommand(program);
  return program;
}

/**
 * `export` is declared here and filled in from src/export/ only when it runs (or its help is
 * asked for): it needs the API client, YAML and CSV, which the other commands do not load.
 */
function addLazyExportCommand(program: Command): void {
  const placeholder = program
    .command("export")
    .summary("write an organization's live operators as a roster file");
  program.hook("preSubcommand", async (_program, subcommand) => {
    if (subcommand !== placeholder) return;
    const { configureExportCommand } = await import("./export/export-command.js");
    configureExportCommand(placeholder);
  });
}

/** `summary`, likewise filled in from src/summary/ only when it runs (or its help is asked for). */
function addLazySummaryCommand(program: Command): void {
  const placeholder = program
    .command("summary")
    .summary("summarize a preview's roster changes, person by person");
  program.hook("preSubcommand", async (_program, subcommand) => {
    if (subcommand !== placeholder) return;
    const { configureSummaryCommand } = await import("./summary/summary-command.js");
    configureSummaryCommand(placeholder);
  });
}

/**
 * The emulator moved to its own package, so that a Pulumi program installing this one does not
 * install a web server: `pulumi-chathub emulator` says where it went instead of "unknown command".
 */
function addMovedEmulatorCommand(program: Command): void {
  program
    .command("emulator", { hidden: true })
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new Error(
        "the emulator is its own package now: run `npx pulumi-chathub-emulator` (same options) instead.",
      );
    });
}

export async function main(argv: readonly string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed the message (or the help / version asked for).
      process.exitCode = error.exitCode === 0 ? 0 : USAGE_ERROR_EXIT_CODE;
      return;
    }
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
