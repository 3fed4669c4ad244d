/**
 * PLACEHOLDER so the native-server branch compiles: the lead's definition (resources, functions,
 * the full schema in schema.ts) replaces this file at merge.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { NativeProviderDefinition } from "./handler";

// dist/native/ and src/native/ are both two folders below package.json.
const { version } = JSON.parse(readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as {
  version: string;
};

const CONFIG = {
  token: { type: "string", secret: true, description: "The company's API token." },
  login: { type: "string", description: "The company login, instead of a token." },
  password: { type: "string", secret: true, description: "The company password, with login." },
  baseUrl: { type: "string", description: "The ChatHub API's address." },
  requestsPerSecond: { type: "number", description: "The pace of requests." },
  timeoutMs: { type: "integer", description: "How long one request may take." },
};

export const chathubProvider: NativeProviderDefinition = {
  name: "chathub",
  version,
  schema: {
    name: "chathub",
    version,
    displayName: "ChatHub",
    description: "Manage ChatHub (SMSBAT) operator rosters as code.",
    config: { variables: CONFIG },
    provider: { inputProperties: CONFIG },
    resources: {},
    functions: {},
    language: { go: { importBasePath: "github.com/pulumi-chathub/sdk/go/chathub" } },
  },
  checkConfig: async () => [],
  configure: async () => {},
  resources: {},
  functions: {},
};
