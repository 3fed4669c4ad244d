import { type Operator, statusName } from "../api";
import { formatResourceId } from "./resource-id";

/** A create found a live operator of the same name (ChatHub compares names case-insensitively). */
export class NameClashError extends Error {
  override readonly name = "NameClashError";

  constructor(
    readonly organizationId: number,
    readonly existing: Operator,
  ) {
    const id = formatResourceId(organizationId, existing.id);
    super(
      `An operator named "${existing.name}" already exists in organization ${organizationId} ` +
        `(operator ${existing.id}, ${statusName(existing.status)}). Creating another would make a duplicate. ` +
        `To manage the existing operator with Pulumi, adopt it: add the resource option { import: "${id}" }, ` +
        "or set adopt: true on the resource.",
    );
  }
}
