import type { StoreSnapshot } from "./store";

/**
 * The vendor documentation's example roster (organization 24), plus an empty
 * organization 25 so tests can check that other organizations stay untouched.
 * Ids continue from the highest one, so the next operator is 104 as in the spec.
 */
export function seedSnapshot(): StoreSnapshot {
  return {
    organizations: [
      { id: 24, name: "Customer Support" },
      { id: 25, name: "Sales" },
    ],
    operators: [
      { id: 101, name: "John Smith", status: 0, organizationId: 24 },
      { id: 102, name: "Sarah Johnson", status: 0, organizationId: 24 },
      { id: 103, name: "Mike Wilson", status: 1, organizationId: 24 },
    ],
    nextOperatorId: 104,
  };
}

export function emptySnapshot(): StoreSnapshot {
  return { organizations: [], operators: [], nextOperatorId: 1 };
}
