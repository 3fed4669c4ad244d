import { ChatHubOrganizationRoster } from "pulumi-chathub";

// Configure once per stack:
//   pulumi config set --secret chathub:token <company-token>
//   pulumi config set chathub:baseUrl https://chatapi.smsbat.com   (the default)
//
// The code is the truth for organization 24: `pulumi preview --refresh --diff` names anyone added
// by hand in ChatHub, and `pulumi up` deactivates them ("deactivate"; "delete" removes them,
// "ignore" only reports them).
const support = new ChatHubOrganizationRoster(
  "support",
  { organizationId: 24, file: "support.yaml", unmanaged: "deactivate" },
  // Removing this resource (destroy, or deleting it here) retires everyone; maxRemovals can't guard that.
  { protect: true },
);

export const operatorIds = support.operatorIds;
export const counts = support.counts;
export const unmanagedOperators = support.unmanagedOperators;
