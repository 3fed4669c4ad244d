import type { FastifyError, FastifyInstance } from "fastify";
import { pathOf } from "./http-paths";

interface ErrorAnswer {
  status: number;
  body: { message: string; code?: string };
}

/** Translates what fastify refuses before a route runs into the emulator's 400 { message } answers. */
export function describeFrameworkError(error: FastifyError, bodyLimitBytes: number): ErrorAnswer {
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return { status: 400, body: { message: "Content-Type must be application/json", code: error.code } };
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return {
        status: 400,
        body: { message: `the request body is larger than ${bodyLimitBytes} bytes`, code: error.code },
      };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return {
        status: 400,
        body: { message: "the request body is empty; JSON was expected", code: error.code },
      };
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return { status: 400, body: { message: `malformed JSON body: ${error.message}`, code: error.code } };
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return { status: 400, body: { message: "Content-Length does not match the body", code: error.code } };
  }
  // The JSON parser reports syntax errors (and prototype-poisoning keys) as plain 400 errors.
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return { status: 400, body: { message: `malformed JSON body: ${error.message}` } };
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: 400, body: { message: error.message, ...(error.code ? { code: error.code } : {}) } };
  }
  return { status: 500, body: { message: `internal emulator error: ${error.message}` } };
}

/** Every error and every unknown route answers JSON { message }, never fastify's default shapes. */
export function installErrorAnswers(
  app: FastifyInstance,
  bodyLimitBytes: number,
  reportInternalError: (error: unknown) => void,
): void {
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const answer = describeFrameworkError(error, bodyLimitBytes);
    if (answer.status >= 500) reportInternalError(error);
    reply.code(answer.status).send(answer.body);
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ message: `no route ${request.method} ${pathOf(request.url)}` });
  });
}
