import { ChatHubConfigError } from "./errors";

/** How a client proves who it is: a company token, or the company login it signs in with. */
export type CompanyCredentials =
  | { kind: "token"; token: string }
  | { kind: "login"; login: string; password: string };

export const TOKEN_FIX =
  "set it with `pulumi config set --secret chathub:token <token>` or the CHATHUB_TOKEN environment variable";

export const LOGIN_FIX =
  "set them with `pulumi config set chathub:login <login>` and `pulumi config set --secret chathub:password <password>`, " +
  "or the CHATHUB_LOGIN and CHATHUB_PASSWORD environment variables";

/** The secrets a set of credentials holds, for redaction. */
export function secretsOf(credentials: CompanyCredentials): string[] {
  return credentials.kind === "token"
    ? [credentials.token]
    : [credentials.password, credentials.login].filter((secret) => secret.length >= 4);
}

/**
 * A token wins over a login; a login needs its password. Errors name the config keys to set and
 * never echo a value.
 */
export function resolveCredentials(options: {
  token?: string | undefined;
  login?: string | undefined;
  password?: string | undefined;
}): CompanyCredentials {
  const token = typeof options.token === "string" ? options.token.trim() : "";
  const login = typeof options.login === "string" ? options.login.trim() : "";
  const password = typeof options.password === "string" ? options.password : "";
  if (token.length > 0) return { kind: "token", token: checkToken(token) };
  if (login.length > 0 && password.length > 0) return { kind: "login", login, password };
  if (login.length > 0) {
    throw new ChatHubConfigError(
      "chathub:password",
      `chathub:login (CHATHUB_LOGIN) is set but chathub:password (CHATHUB_PASSWORD) is not: ${LOGIN_FIX}.`,
    );
  }
  if (password.length > 0) {
    throw new ChatHubConfigError(
      "chathub:login",
      `chathub:password (CHATHUB_PASSWORD) is set but chathub:login (CHATHUB_LOGIN) is not: ${LOGIN_FIX}.`,
    );
  }
  throw new ChatHubConfigError(
    "chathub:token",
    `The ChatHub company token is missing: ${TOKEN_FIX}; or sign in with the company login instead: ${LOGIN_FIX}.`,
  );
}

function checkToken(token: string): string {
  if (/^bearer\s/i.test(token)) {
    throw new ChatHubConfigError(
      "chathub:token",
      `chathub:token (CHATHUB_TOKEN) must be the token alone, without the "Bearer " prefix: ${TOKEN_FIX}.`,
    );
  }
  // Header-breaking characters usually mean a pasted file or a wrong value; never echo it.
  if (/[\s\p{Cc}]/u.test(token)) {
    throw new ChatHubConfigError(
      "chathub:token",
      `chathub:token (CHATHUB_TOKEN) contains whitespace or control characters, which a token cannot have: ${TOKEN_FIX}.`,
    );
  }
  return token;
}
