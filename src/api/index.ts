export { ChatHubClient, type ClientStats, ROUTES } from "./client";
export { type CompanyCredentials, resolveCredentials } from "./credentials";
export {
  ChatHubAmbiguousError,
  ChatHubApiError,
  type ChatHubApiErrorFields,
  ChatHubConfigError,
  type ChatHubErrorKind,
  isChatHubAmbiguousError,
  isChatHubApiError,
} from "./errors";
export { type ChatHubClientOptions, DEFAULT_CLIENT_OPTIONS } from "./options";
export {
  describeOrganizations,
  findOrganization,
  ORGANIZATION_LIST_TTL_MS,
  type OrganizationQuery,
  organizationNotFoundMessage,
} from "./organizations";
export {
  normalizeOperatorName,
  type OperatorStatistics,
} from "./roster-queries";
export {
  companyTokenSchema,
  MAX_OPERATOR_NAME_LENGTH,
  type NewOperator,
  newOperatorSchema,
  type Operator,
  type Organization,
  operatorListSchema,
  operatorSchema,
  operatorStatusSchema,
  organizationListSchema,
  organizationSchema,
  type StatusChange,
  type SynchronizedOperator,
  statusChangeSchema,
  synchronizedOperatorListSchema,
  synchronizedOperatorSchema,
} from "./schemas";
export {
  isOperatorStatusCode,
  isOperatorStatusName,
  OPERATOR_STATUS,
  OPERATOR_STATUS_NAMES,
  type OperatorStatusCode,
  type OperatorStatusName,
  statusCode,
  statusName,
} from "./status";
