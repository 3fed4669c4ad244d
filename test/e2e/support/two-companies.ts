import { type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";

/** The partner organization company B's token reaches: the SDK examples' second provider manages it. */
export const PARTNER_ORGANIZATION = 30;

export interface TwoCompanies {
  emulator: RunningEmulator;
  /** Company A's token, for organizations 24 and 25; company B's, for the partner organization. */
  companyA: string;
  companyB: string;
  /** What a stack of the examples' programs is given: A's token as chathub:token, B's and its organization as config. */
  stackOptions: { token: string; secrets: Record<string, string>; config: Record<string, string> };
}

/**
 * An emulator serving two companies, as examples/python and examples/go (and a global install's
 * programs) expect: company A reaches organizations 24 and 25, company B the partner organization
 * ("Partner Desk"). `name` keeps each file's tokens its own.
 */
export async function twoCompanyEmulator(name: string): Promise<TwoCompanies> {
  const companyA = `${name}-company-a-token`;
  const companyB = `${name}-company-b-token`;
  const emulator = await startEmulator({
    port: 0,
    tokens: { [companyA]: [24, 25], [companyB]: [PARTNER_ORGANIZATION] },
  });
  emulator.addOrganization({ id: PARTNER_ORGANIZATION, name: "Partner Desk" });
  return {
    emulator,
    companyA,
    companyB,
    stackOptions: {
      token: companyA,
      secrets: { companyBToken: companyB },
      config: { companyBOrganizationId: String(PARTNER_ORGANIZATION) },
    },
  };
}
