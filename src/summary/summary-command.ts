import { readFile } from "node:fs/promises";
import { type Command, Option } from "commander";
import { parsePreviewJson } from "./preview-json";
import { renderMarkdown } from "./render-markdown";
import { renderText } from "./render-text";
import { summarizePreview } from "./roster-summary";

/** Where the command reads and writes; the process's own by default. */
export interface SummaryIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const FORMATS = ["markdown", "text"] as const;
type Format = (typeof FORMATS)[number];

/**
 * Makes `command` the `summary` subcommand: who a preview adds, deactivates, deletes or renames,
 * per organization, from `pulumi preview --json`, for the people who approve a roster change.
 */
export function configureSummaryCommand(command: Command, io: SummaryIo = processIo()): Command {
  return command
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .summary("summarize a preview's roster changes, person by person")
    .description(
      "Print who a deployment adds, reactivates, deactivates, deletes or renames in each ChatHub organization, " +
        "and the unmanaged people an organization roster acts on, by name, with totals and the removal budget each " +
        "roster uses: read from the output of `pulumi preview --json` (a file, or standard input). Sends no request " +
        "and prints no secret.",
    )
    .argument("[file]", "the output of `pulumi preview --json`; standard input when absent or -")
    .addOption(
      new Option("--format <format>", "markdown, for a pull request, or text")
        .choices(FORMATS)
        .default("markdown"),
    )
    .action(async (file: string | undefined, options: { format: Format }) => {
      const fromStdin = file === undefined || file === "-";
      if (fromStdin && io.stdin.isTTY) {
        throw new Error(
          "give the output of `pulumi preview --json`: a file, or on standard input (`pulumi preview --json | pulumi-chathub summary`)",
        );
      }
      const text = fromStdin ? await readAll(io.stdin) : await readFile(file, "utf8");
      const summary = summarizePreview(parsePreviewJson(text, fromStdin ? "standard input" : file));
      io.stdout.write(options.format === "text" ? renderText(summary) : renderMarkdown(summary));
    });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

function processIo(): SummaryIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}
