import { ChatHubOperatorRoster, ChatHubOrganizationRoster } from "pulumi-chathub";

// Checked by ../pack before anything changes:
//   pulumi preview --policy-pack ../pack
//
// Organization 24 is owned whole by its roster file; organization 25's people are listed here.
export const support = new ChatHubOrganizationRoster("support", {
  organizationId: 24,
  file: "support.yaml",
  unmanaged: "deactivate",
}).counts;

export const sales = new ChatHubOperatorRoster("sales", {
  organizationId: 25,
  operators: [{ name: "Emma Davis" }, { name: "Liam Chen" }, { name: "Olivia Park" }],
}).counts;
