import * as pulumi from "@pulumi/pulumi";
import type { ChatHubClient } from "../api";
import { CONFIG_KEYS, settingOf } from "../core/provider-config";
import {
  clientFromSettings,
  type GivenSettings,
  type ProviderSettings,
  readProviderSettings,
  requireCredentials,
} from "../core/settings";

/**
 * The ChatHub client of the program process (the provider process has its own), configured like
 * the provider: `chathub:token`, or `chathub:login` and `chathub:password` (secrets),
 * `chathub:baseUrl`, `chathub:requestsPerSecond` and `chathub:timeoutMs`, with the CHATHUB_*
 * variables as fallbacks. One client serves every lookup of the program, so they share its rate
 * limit, its caches and its sign-in.
 */
export async function programClient(): Promise<ChatHubClient> {
  const settings = await readProgramSettings();
  requireCredentials(settings);
  // Compared in memory only, to notice a change of configuration between lookups.
  const fingerprint = JSON.stringify(settings);
  if (cached?.fingerprint !== fingerprint) cached = { fingerprint, client: clientFromSettings(settings) };
  return cached.client;
}

let cached: { fingerprint: string; client: ChatHubClient } | undefined;

/** Read as secrets and only ever held in memory: they never become outputs (login too: it names the company). */
const SECRET_KEYS = CONFIG_KEYS.filter((key) => settingOf(key).doc.secret || key === "login");

async function readProgramSettings(): Promise<ProviderSettings> {
  const config = new pulumi.Config("chathub");
  const given: GivenSettings = {};
  for (const key of CONFIG_KEYS) {
    if (!SECRET_KEYS.includes(key)) {
      given[key] = config.get(key);
      continue;
    }
    const secret = config.getSecret(key);
    given[key] = secret === undefined ? undefined : await reveal(secret);
  }
  return readProviderSettings(given);
}

/** The value of a known Output (configuration always is), for a call made by the program itself. */
function reveal(output: pulumi.Output<string>): Promise<string> {
  return new Promise((resolve) => {
    output.apply((value) => {
      resolve(value);
      return value;
    });
  });
}
