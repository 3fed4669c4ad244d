/** SMSBAT's documented limit for data endpoints, unless a contract says otherwise (chathub-company-api.md). */
export const DOCUMENTED_RATE_LIMIT = { perSecond: 50, burst: 75 } as const;

/** The body SMSBAT documents for a 429, word for word. */
export const TOO_MANY_REQUESTS_BODY = {
  error: "Too Many Requests",
  message: "Rate limit exceeded. Please wait before sending more requests.",
  status: 429,
} as const;
