import { randomBytes } from "node:crypto";

/** The company login the emulator accepts unless told otherwise (public, like the default token). */
export const DEFAULT_EMULATOR_LOGIN = "chathub-emulator";
export const DEFAULT_EMULATOR_PASSWORD = "chathub-emulator-password";

export interface CompanyLogin {
  password: string;
  /** The organizations a token obtained with this login may reach. */
  organizations: readonly number[] | "*";
}

/** The company logins `POST /api/company/get-token` accepts. Never prints a password. */
export class CompanyLogins {
  private readonly logins = new Map<string, CompanyLogin>();

  constructor(logins: Record<string, CompanyLogin>) {
    for (const [login, entry] of Object.entries(logins)) this.add(login, entry);
  }

  add(login: string, entry: CompanyLogin): void {
    if (login.trim() === "" || entry.password === "") {
      throw new Error("a company login and its password must be non-empty");
    }
    this.logins.set(login, entry);
  }

  /** The login's organizations when the password matches, else undefined. */
  verify(login: string, password: string): CompanyLogin["organizations"] | undefined {
    const entry = this.logins.get(login);
    return entry !== undefined && entry.password === password ? entry.organizations : undefined;
  }
}

/** A fresh token shaped like the vendor's (a JWT: three base64url parts); random, so it means nothing. */
export function newCompanyToken(): string {
  const header = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");
  return `${header}.${randomBytes(24).toString("base64url")}.${randomBytes(32).toString("base64url")}`;
}
