import { ChatHubOperatorRoster, ChatHubOrganizationRoster } from "pulumi-chathub";

// Relative paths start at the program's folder (demo/), where Pulumi runs it.
// Additive: these operators of organization 24; anyone else there is left alone.
const support = new ChatHubOperatorRoster("support", { organizationId: 24, file: "roster.yaml" });

// Authoritative: the whole roster of organization 25; anyone added by hand is deactivated.
const sales = new ChatHubOrganizationRoster("sales", {
  organizationId: 25,
  file: "sales.yaml",
  unmanaged: "deactivate",
});

export const operatorIds = support.operatorIds;
export const counts = support.counts;
export const salesIds = sales.operatorIds;
export const salesUnmanaged = sales.unmanagedOperators;
