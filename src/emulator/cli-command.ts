import { type Command, InvalidArgumentError, Option } from "commander";
import { DEFAULT_EMULATOR_TOKEN } from "./access";
import type { EmulatorBehaviour } from "./behaviour";
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

function numberBetween(label: string, min: number, max: number) {
  return (text: string): number => {
    const value = Number(text);
    if (text.trim() === "" || !Number.isFinite(value) || value < min || value > max) {
      throw new InvalidArgumentError(`${label} must be a number from ${min} to ${max}.`);
    }
    return value;
  };
}

function positiveNumber(label: string) {
  return (text: string): number => {
    const value = Number(text);
    if (text.trim() === "" || !Number.isFinite(value) || value <= 0) {
      throw new InvalidArgumentError(`${label} must be a number above 0.`);
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

/** The parsed switches; names follow commander's camel-casing of the flags. */
interface EmulatorCommandOptions {
  port: number;
  host: string;
  token?: string;
  login?: string;
  password?: string;
  signedInTokenRequests?: number;
  state?: string;
  listDeleted?: EmulatorBehaviour["listDeleted"];
  duplicateNames?: EmulatorBehaviour["duplicateNames"];
  listContentType?: EmulatorBehaviour["listContentType"];
  /** Commander names "--no-access <mode>" `access`; it is true when the flag is absent. */
  access: EmulatorBehaviour["noAccess"] | true;
  reactivateDeleted?: boolean;
  latencyMs?: number;
  latencySpikeRate?: number;
  latencySpikeMs?: number;
  failureRate?: number;
  rateLimit?: number;
  rateLimitBurst?: number;
  /** Commander names "--no-retry-after" `retryAfter`; false when the flag is given. */
  retryAfter: boolean;
  dropSyncRate?: number;
  hang?: boolean;
  seed?: number;
  quiet?: boolean;
}

function behaviourFrom(options: EmulatorCommandOptions): Partial<EmulatorBehaviour> {
  const behaviour: Partial<EmulatorBehaviour> = {
    listDeleted: options.listDeleted,
    duplicateNames: options.duplicateNames,
    listContentType: options.listContentType,
    noAccess: options.access === true ? undefined : options.access,
    reactivateDeleted: options.reactivateDeleted,
    latencyMs: options.latencyMs,
    latencySpikeRate: options.latencySpikeRate,
    latencySpikeMs: options.latencySpikeMs,
    failureRate: options.failureRate,
    rateLimitPerSecond: options.rateLimit,
    rateLimitBurst: options.rateLimitBurst,
    rateLimitRetryAfter: options.retryAfter ? undefined : false,
    dropSyncRate: options.dropSyncRate,
    hang: options.hang,
    seed: options.seed,
    signedInTokenRequests: options.signedInTokenRequests,
  };
  // Leave unset switches out, so the emulator's defaults apply.
  return Object.fromEntries(Object.entries(behaviour).filter(([, value]) => value !== undefined));
}

async function runEmulator(options: EmulatorCommandOptions): Promise<void> {
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
    behaviour: behaviourFrom(options),
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

/** Adds `emulator`: run a local ChatHub operator API for development, demos, tests and benchmarks. */
export function addEmulatorCommand(program: Command): Command {
  const env = (name: string) => `CHATHUB_EMULATOR_${name}`;
  return program
    .command("emulator")
    .summary("run a local ChatHub operator API emulator")
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
        "--signed-in-token-requests <n>",
        "a token obtained by signing in expires (401) after this many requests [default: never]",
      )
        .env(env("SIGNED_IN_TOKEN_REQUESTS"))
        .argParser(integerBetween("--signed-in-token-requests", 1, 2 ** 31 - 1)),
    )
    .addOption(
      new Option(
        "--state <file.json>",
        "keep organizations and operators in this JSON file across restarts",
      ).env(env("STATE")),
    )
    .addOption(
      new Option(
        "--list-deleted <mode>",
        "whether the list shows deleted (status 2) operators [default: hide]",
      )
        .choices(["show", "hide"])
        .env(env("LIST_DELETED")),
    )
    .addOption(
      new Option(
        "--duplicate-names <mode>",
        "synchronize with an existing name: allow a duplicate, or reuse the existing operator [default: allow]",
      )
        .choices(["allow", "reuse"])
        .env(env("DUPLICATE_NAMES")),
    )
    .addOption(
      new Option("--list-content-type <type>", "Content-Type of the list answer [default: text/plain]")
        .choices(["text/plain", "application/json"])
        .env(env("LIST_CONTENT_TYPE")),
    )
    .addOption(
      new Option(
        "--no-access <mode>",
        "answer to a token without access to an organization: 401, 403 or empty [default: 401]",
      )
        .choices(["401", "403", "empty"])
        .env(env("NO_ACCESS")),
    )
    .addOption(
      new Option("--reactivate-deleted", "let a deleted operator go back to status 0 or 1").env(
        env("REACTIVATE_DELETED"),
      ),
    )
    .addOption(
      new Option("--latency-ms <ms>", "milliseconds added to every /api request")
        .env(env("LATENCY_MS"))
        .argParser(numberBetween("--latency-ms", 0, 600_000)),
    )
    .addOption(
      new Option("--latency-spike-rate <fraction>", "fraction of requests delayed by --latency-spike-ms more")
        .env(env("LATENCY_SPIKE_RATE"))
        .argParser(numberBetween("--latency-spike-rate", 0, 1)),
    )
    .addOption(
      new Option("--latency-spike-ms <ms>", "length of a latency spike")
        .env(env("LATENCY_SPIKE_MS"))
        .argParser(numberBetween("--latency-spike-ms", 0, 600_000)),
    )
    .addOption(
      new Option("--failure-rate <fraction>", "fraction of /api requests answered 503")
        .env(env("FAILURE_RATE"))
        .argParser(numberBetween("--failure-rate", 0, 1)),
    )
    .addOption(
      new Option(
        "--rate-limit <per-second>",
        "requests per second beyond which the answer is 429 [default: none]",
      )
        .env(env("RATE_LIMIT"))
        .argParser(positiveNumber("--rate-limit")),
    )
    .addOption(
      new Option(
        "--rate-limit-burst <requests>",
        "make --rate-limit a token bucket of this size (SMSBAT documents 75 for 50/s) [default: none, at most --rate-limit in any second]",
      )
        .env(env("RATE_LIMIT_BURST"))
        .argParser(numberBetween("--rate-limit-burst", 1, 1_000_000)),
    )
    .addOption(
      new Option("--no-retry-after", "answer 429 without a Retry-After header, as SMSBAT may").env(
        env("NO_RETRY_AFTER"),
      ),
    )
    .addOption(
      new Option(
        "--drop-sync-rate <fraction>",
        "fraction of synchronize calls applied and then answered with a connection reset",
      )
        .env(env("DROP_SYNC_RATE"))
        .argParser(numberBetween("--drop-sync-rate", 0, 1)),
    )
    .addOption(new Option("--hang", "never answer any /api request").env(env("HANG")))
    .addOption(
      new Option("--seed <n>", "seed for the random fault decisions [default: 1]")
        .env(env("SEED"))
        .argParser(integerBetween("--seed", 0, 2 ** 31 - 1)),
    )
    .addOption(new Option("--quiet", "do not log one line per request").env(env("QUIET")))
    .action((options: EmulatorCommandOptions) => runEmulator(options));
}
