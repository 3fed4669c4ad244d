export { ChatHubClient } from "./client";
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
export {
  formatOperatorRef,
  importOrganizationProblem,
  operatorNameSchema,
  operatorRefSchema,
  organizationIdSchema,
  parseOperatorRef,
} from "./operator-rules";
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
  organizationListSchema,
  organizationSchema,
  type StatusChange,
  type SynchronizedOperator,
  statusChangeSchema,
  synchronizedOperatorListSchema,
  synchronizedOperatorSchema,
} from "./schemas";
export {
  DESIRED_STATUSES,
  type DesiredStatus,
  desiredStatusSchema,
  isLive,
  type LiveStatusCode,
  liveStatusName,
  OPERATOR_STATUS,
  type OperatorStatusCode,
  type OperatorStatusName,
  operatorStatusSchema,
  statusCode,
  statusName,
} from "./status";
export { REAL_TIMER, type Timer } from "./timer";
