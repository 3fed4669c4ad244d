import { z } from "zod";
import { DEFAULT_CLIENT_OPTIONS } from "../api/options";

/** The vendor's production API. */
export const PRODUCTION_BASE_URL = "https://chatapi.smsbat.com";

/** What each setting is, for people: the package schema, the reference docs and the readers derive from it. */
export interface SettingDoc {
  description: string;
  /** Read as a secret, never stored or printed. */
  secret?: boolean;
  /** The environment variable read when the stack does not set it. */
  env?: string;
  /** The default the API client applies when the key is not set (src/api/options.ts), for the docs. */
  clientDefault?: number;
}

export const settingDocs = z.registry<SettingDoc>();

/**
 * The provider's configuration, declared once: `chathub:<key>` in stack config, an explicit
 * provider's inputs, the program's lookups and `export` all read these keys.
 */
export const providerConfigSchema = z.object({
  token: z.string().optional().register(settingDocs, {
    description: "The company token (Authorization header). Environment fallback: CHATHUB_TOKEN.",
    secret: true,
    env: "CHATHUB_TOKEN",
  }),
  login: z.string().optional().register(settingDocs, {
    description:
      "The company login, to sign in with instead of a token. Environment fallback: CHATHUB_LOGIN.",
    env: "CHATHUB_LOGIN",
  }),
  password: z.string().optional().register(settingDocs, {
    description: "The company password, with `login`. Environment fallback: CHATHUB_PASSWORD.",
    secret: true,
    env: "CHATHUB_PASSWORD",
  }),
  baseUrl: z
    .string()
    .default(PRODUCTION_BASE_URL)
    .register(settingDocs, {
      description: `The API root, e.g. ${PRODUCTION_BASE_URL} (the default). Environment fallback: CHATHUB_BASE_URL.`,
      env: "CHATHUB_BASE_URL",
    }),
  requestsPerSecond: z
    .number()
    .positive()
    .optional()
    .register(settingDocs, {
      description: `The most requests per second this process sends (default ${DEFAULT_CLIENT_OPTIONS.requestsPerSecond}, 80% of ChatHub's documented 50).`,
      clientDefault: DEFAULT_CLIENT_OPTIONS.requestsPerSecond,
    }),
  timeoutMs: z.int().positive().optional().register(settingDocs, {
    description: "How long one request may take, in milliseconds.",
    clientDefault: DEFAULT_CLIENT_OPTIONS.timeoutMs,
  }),
});

/** What a process needs to reach ChatHub. Credentials are a token, or a company login and password to sign in with. */
export type ProviderSettings = z.output<typeof providerConfigSchema>;
export type ConfigKey = keyof ProviderSettings;

export const CONFIG_KEYS = providerConfigSchema.keyof().options;

/** A setting's key in stack config, e.g. `chathub:token`. */
export function stackConfigKey(key: ConfigKey): string {
  return `chathub:${key}`;
}

/** One setting's declaration: its documentation, its JSON type, and its default if it has one. */
export function settingOf(key: ConfigKey): {
  doc: SettingDoc;
  type: "string" | "number" | "integer";
  default?: string;
} {
  const field = providerConfigSchema.shape[key];
  const doc = settingDocs.get(field);
  if (doc === undefined) throw new Error(`${stackConfigKey(key)} has no description`);
  const inner = field.unwrap();
  const type = inner instanceof z.ZodString ? "string" : inner.format === "safeint" ? "integer" : "number";
  return field instanceof z.ZodDefault
    ? { doc, type, default: String(field.def.defaultValue) }
    : { doc, type };
}
