import * as pulumi from "@pulumi/pulumi";
import type { ChatHubClient } from "../api";
import {
  clientFromSettings,
  type ProviderSettings,
  readProviderSettings,
  requireToken,
} from "../provider/settings";

/**
 * The ChatHub client of the program process (the provider process has its own), configured like
 * the provider: `chathub:token` (a secret), `chathub:baseUrl`, `chathub:requestsPerSecond` and
 * `chathub:timeoutMs`, with CHATHUB_TOKEN / CHATHUB_BASE_URL as fallbacks. One client serves every
 * lookup of the program, so they share its rate limit and its list cache.
 */
export async function programClient(): Promise<ChatHubClient> {
  const settings = await readProgramSettings();
  const token = requireToken(settings);
  const fingerprint = JSON.stringify([settings.baseUrl, settings.requestsPerSecond, settings.timeoutMs]);
  if (cached?.fingerprint !== fingerprint || cached.token !== token) {
    cached = { fingerprint, token, client: clientFromSettings(settings) };
  }
  return cached.client;
}

let cached: { fingerprint: string; token: string; client: ChatHubClient } | undefined;

async function readProgramSettings(): Promise<ProviderSettings> {
  const config = new pulumi.Config("chathub");
  // The token is read as a secret and only ever held in memory: it never becomes an output.
  const secretToken = config.getSecret("token");
  const token = secretToken === undefined ? undefined : await reveal(secretToken);
  return readProviderSettings({
    get: (key) => (key === "chathub:token" ? token : config.get(key.replace(/^chathub:/, ""))),
  });
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
