export { ChatHubClient, type ClientStats, ROUTES } from "./client";
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
  normalizeOperatorName,
  type OperatorStatistics,
} from "./roster-queries";
export {
  MAX_OPERATOR_NAME_LENGTH,
  type NewOperator,
  newOperatorSchema,
  type Operator,
  operatorListSchema,
  operatorSchema,
  operatorStatusSchema,
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
