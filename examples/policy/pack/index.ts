import { PolicyPack } from "@pulumi/policy";
import { chathubRosterPolicies } from "pulumi-chathub/policy";

// Run it against a stack:  pulumi preview --policy-pack ../pack   (from the program's folder)
// Every policy is mandatory: a violation fails the preview and stops `pulumi up`. To make one
// advisory, pass --policy-pack-config with {"chathub-operator-name-pattern": "advisory"}.
new PolicyPack("chathub-rosters", {
  policies: chathubRosterPolicies({
    // Nobody empties an organization by mistake: 3 people stay active in each.
    minActivePerOrganization: 3,
    // "First Last": capitalised words, letters only (any alphabet).
    namePattern: /^\p{Lu}\p{L}+( \p{Lu}\p{L}+)+$/u,
    // People added by hand are never deleted by a roster; "deactivate" is reversible.
    unmanagedDelete: "forbidden",
    // A person answers chats for one organization.
    onePersonOneOrganization: true,
  }),
});
