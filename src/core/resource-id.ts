import { formatOperatorRef, parseOperatorRef } from "../api";

/**
 * A ChatHubOperator's Pulumi id is "<organizationId>/<operatorId>": reading an operator means
 * listing its organization, so the id must say which one (this is also the `import` id).
 */
export const formatResourceId = formatOperatorRef;

export const parseResourceId = parseOperatorRef;
