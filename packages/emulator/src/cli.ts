#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { z } from "zod";
import { DEFAULT_EMULATOR_TOKEN } from "./access";
import { EMULATOR_SWITCHES, type EmulatorBehaviour, type EmulatorSwitchName } from "./behaviour";
import { DEFAULT_EMULATOR_LOGIN, DEFAULT_EMULATOR_PASSWORD } from "./company-logins";
import { type EmulatorOptions, startEmulator } from "./server";

function integerBetween(label: string, min: number, max: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`${label} must be an integer from ${min} to ${max}.`);
    }
    return value;
  };
}

function nonBlankToken(text: string): string {
  if (text.trim() === "" || /\s/.test(text)) {
    throw new InvalidArgumentError("the company token must be non-empty and contain no whitespace.");
  }
  return text;
}

function nonBlankLogin(text: string): string {
  if (text.trim() === "") throw new InvalidArgumentError("the company login must be non-empty.");
  return text;
}

/** The command's own options (the behaviour switches come from EMULATOR_SWITCHES). */
interface EmulatorCommandOptions {
  port: number;
  host: string;
  token?: string;
  login?: string;
  password?: string;
  state?: string;
  quiet?: boolean;
}

/** The switch's option: its flag, help with the default, its environment variable, its parser. */
function switchOption(definition: (typeof EMULATOR_SWITCHES)[EmulatorSwitchName]): Option {
  const flag = definition.flag as string;
  const name = flag.split(" ")[0] as string;
  const shown = definition.default === null ? "none" : String(definition.default);
  const takesValue = flag.includes("<");
  const option = new Option(
    flag,
    takesValue ? `${definition.help} [default: ${shown}]` : definition.help,
  ).env(`CHATHUB_EMULATOR_${name.slice(2).replaceAll("-", "_").toUpperCase()}`);
  const schema = definition.schema as z.ZodType;
  if (schema instanceof z.ZodEnum) return option.choices(schema.options as string[]);
  if (!takesValue) return option;
  return option.argParser((text: string) => {
    const parsed = schema.safeParse(text.trim() === "" ? Number.NaN : Number(text));
    if (!parsed.success) {
      throw new InvalidArgumentError(`${name} ${parsed.error.issues[0]?.message ?? "is not valid"}`);
    }
    return parsed.data;
  });
}

/** The switches given on the command line or in the environment; the others keep their defaults. */
function behaviourFrom(command: Command): Partial<EmulatorBehaviour> {
  const behaviour: Record<string, unknown> = {};
  for (const [key, definition] of Object.entries(EMULATOR_SWITCHES)) {
    const option = command.options.find((candidate) => candidate.flags === definition.flag);
    if (!option) continue;
    const attribute = option.attributeName();
    const source = command.getOptionValueSource(attribute);
    if (source === undefined || source === "default") continue;
    behaviour[key] = command.getOptionValue(attribute);
  }
  return behaviour as Partial<EmulatorBehaviour>;
}

async function runEmulator(
  options: EmulatorCommandOptions,
  behaviour: Partial<EmulatorBehaviour>,
): Promise<void> {
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const emulatorOptions: EmulatorOptions = {
    port: options.port,
    host: options.host,
    tokens: { [options.token ?? DEFAULT_EMULATOR_TOKEN]: "*" },
    logins: {
      [options.login ?? DEFAULT_EMULATOR_LOGIN]: {
        password: options.password ?? DEFAULT_EMULATOR_PASSWORD,
        organizations: "*",
      },
    },
    statePath: options.state,
    behaviour,
    log: options.quiet ? undefined : print,
  };
  const emulator = await startEmulator(emulatorOptions);

  print(`ChatHub emulator listening on ${emulator.url}`);
  // The token given by --token is a secret and is never printed; the default one is public.
  print(
    options.token === undefined
      ? `Company token: ${DEFAULT_EMULATOR_TOKEN} (the emulator's default; choose another with --token)`
      : "Company token: the one given with --token (not shown)",
  );
  // Likewise the company login: the defaults are public, a given password never shows.
  const login = options.login === undefined ? DEFAULT_EMULATOR_LOGIN : "the one given with --login";
  print(
    options.password === undefined
      ? `Company login: ${login}, password ${DEFAULT_EMULATOR_PASSWORD} (the emulator's default; choose another with --password)`
      : `Company login: ${login}, password given with --password (not shown)`,
  );

  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`error while closing the emulator: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/** Usage errors (unknown switch, bad value) exit with 2, the usual convention for command lines. */
const USAGE_ERROR_EXIT_CODE = 2;

/** The `pulumi-chathub-emulator` command line: a local ChatHub for development, demos, tests and CI. */
export function buildProgram(): Command {
  const env = (name: string) => `CHATHUB_EMULATOR_${name}`;
  const command = new Command("pulumi-chathub-emulator")
    // Errors are thrown to main() instead of exiting, so that usage errors get their own code.
    .exitOverride()
    .description(
      "Run a local ChatHub operator API (GET /api/operator, POST /api/operator/synchronize, " +
        "POST /api/operator/status, GET /api/company/organization, POST /api/company/get-token) seeded with the vendor's example data. Every switch can also be " +
        "set with the environment variable shown beside it. Control routes: /_emulator/counters, " +
        "/_emulator/behaviour, /_emulator/operators, /_emulator/invariants.",
    )
    .addOption(
      new Option("--port <port>", "TCP port; 0 picks a free one")
        .env(env("PORT"))
        .default(8080)
        .argParser(integerBetween("--port", 0, 65535)),
    )
    .addOption(new Option("--host <host>", "interface to listen on").env(env("HOST")).default("127.0.0.1"))
    .addOption(
      new Option(
        "--token <company-token>",
        "the company token to accept, for every organization (never printed)",
      )
        .env(env("TOKEN"))
        .argParser(nonBlankToken),
    )
    .addOption(
      new Option("--login <login>", "the company login POST /api/company/get-token accepts (never printed)")
        .env(env("LOGIN"))
        .argParser(nonBlankLogin),
    )
    .addOption(
      new Option("--password <password>", "that login's password (never printed)").env(env("PASSWORD")),
    )
    .addOption(
      new Option(
        "--state <file.json>",
        "keep organizations and operators in this JSON file across restarts",
      ).env(env("STATE")),
    )
    .addOption(new Option("--quiet", "do not log one line per request").env(env("QUIET")))
    .action((options: EmulatorCommandOptions, command: Command) =>
      runEmulator(options, behaviourFrom(command)),
    );
  for (const definition of Object.values(EMULATOR_SWITCHES)) {
    if (definition.flag !== undefined) command.addOption(switchOption(definition));
  }
  return command;
}

export async function main(argv: readonly string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed the message (or the help asked for).
      process.exitCode = error.exitCode === 0 ? 0 : USAGE_ERROR_EXIT_CODE;
      return;
    }
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
