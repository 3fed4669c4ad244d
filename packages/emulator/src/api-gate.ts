import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { TIMEOUT_HOLD_MS } from "./call-faults";
import type { EmulatorContext } from "./context";
import { routeKeyOf } from "./counters";
import { TOO_MANY_REQUESTS_BODY } from "./documented-limits";
import { isApiPath, isSignInPath, pathOf } from "./http-paths";
import type { RateDecision } from "./token-bucket";

/**
 * Ends a request without any answer: the client sees its connection reset, as when a
 * network path or a proxy gives up. Counted as outcome "dropped".
 */
export function dropConnection(context: EmulatorContext, request: FastifyRequest, reply: FastifyReply): void {
  reply.hijack();
  request.raw.socket.destroy();
  context.counters.countOutcome("dropped");
  context.logRequest(request.method, request.url, "dropped", reply.elapsedTime);
}

/**
 * What every /api request goes through before its route, in this order: it is counted;
 * then it may hang, be delayed, be rate limited (429, or an aimed one), fail (503); then its company
 * token is checked (401). Running this on onRequest means faults and authentication
 * come before the body is even read, as they would at a real gateway.
 */
export function installApiGate(app: FastifyInstance, context: EmulatorContext): void {
  app.decorateRequest("organizationGrant", null);
  app.decorateRequest("loseAnswer", false);

  app.addHook("onRequest", async (request, reply) => {
    const path = pathOf(request.url);
    if (!isApiPath(path)) return;
    context.counters.countRequest(routeKeyOf(request.method, path));
    const aimed = context.callFaults.take(`${request.method} ${path}`);

    if (context.behaviour().hang) {
      await context.shutdown.whenStarted();
      dropConnection(context, request, reply);
      return;
    }

    const delayMs = context.faults.delayMs();
    if (delayMs > 0 && !(await context.shutdown.sleep(delayMs))) {
      dropConnection(context, request, reply);
      return;
    }

    const rate: RateDecision =
      aimed === 429 ? { allowed: false, retryAfterSeconds: 1 } : context.faults.rateLimit(context.clock());
    if (!rate.allowed) {
      if (context.behaviour().rateLimitRetryAfter)
        reply.header("retry-after", String(rate.retryAfterSeconds));
      reply.code(429).send(TOO_MANY_REQUESTS_BODY);
      return;
    }

    if (aimed === 500 || aimed === 503) {
      reply.code(aimed).send({ message: `fault injected by the emulator (${aimed})` });
      return;
    }
    if (aimed === "timeout") {
      await context.shutdown.sleep(TIMEOUT_HOLD_MS);
      dropConnection(context, request, reply);
      return;
    }
    // Applied by its route, then the answer is lost (see onSend).
    if (aimed === "lost-answer") request.loseAnswer = true;

    if (context.faults.shouldFail()) {
      reply.code(503).send({ message: "service unavailable (failure injected by the emulator)" });
      return;
    }

    // Signing in is how a token is obtained, so it needs none.
    if (isSignInPath(path)) return;
    const authentication = context.tokens.authenticate(request.headers);
    if (!authentication.ok) {
      reply.code(401).send({ message: authentication.message });
      return;
    }
    request.organizationGrant = authentication.grant;
  });

  // Synchronous on purpose: the reply is then fully sent when send() returns, which the
  // early answers above rely on, and the count is in place before the client sees the answer.
  app.addHook("onSend", (request, reply, payload, done) => {
    if (request.loseAnswer) {
      // The route has done its work; the client never hears of it.
      request.raw.socket.destroy();
      context.counters.countOutcome("dropped");
    } else if (isApiPath(pathOf(request.url))) {
      context.counters.countOutcome(reply.statusCode);
    }
    done(null, payload);
  });

  app.addHook("onResponse", (request, reply, done) => {
    context.logRequest(request.method, request.url, reply.statusCode, reply.elapsedTime);
    done();
  });
}
