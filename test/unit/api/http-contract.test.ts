import { describe, expect, it } from "vitest";
import { ChatHubApiError, ChatHubClient } from "../../../src/api";
import { failureOf, fakeServer, type RecordedRequest } from "./support";

const TOKEN = "contract-test-token";
const LISTED = [
  { id: 101, name: "John Smith", status: 0, organization: { id: 24, name: "Customer Support" } },
];

/** Answers like ChatHub would, so only the requests are under test. */
function chatHubLike(request: RecordedRequest) {
  if (request.url.startsWith("/api/operator?"))
    return { headers: { "content-type": "text/plain" }, body: JSON.stringify(LISTED) };
  if (request.url === "/api/operator/synchronize") {
    const sent = JSON.parse(request.body) as { name: string }[];
    return {
      body: JSON.stringify(
        sent.map((operator, index) => ({ id: 200 + index, name: operator.name, status: 0 })),
      ),
    };
  }
  return { status: 200 };
}

function clientOf(url: string) {
  return new ChatHubClient({
    baseUrl: url,
    token: TOKEN,
    requestsPerSecond: 1000,
    maxRetries: 0,
    userAgent: "contract-test",
  });
}

describe("requests on the wire", () => {
  it("sends exactly the headers and bodies the spec documents", async () => {
    const server = await fakeServer(chatHubLike);
    const client = clientOf(server.url);
    await client.listOperators(24);
    await client.synchronize([{ organizationId: 24, name: "Alex Brown" }]);
    await client.setStatus(200, 1);

    const [list, synchronize, status] = server.requests;
    expect(list).toMatchObject({ method: "GET", url: "/api/operator?organizationId=24", body: "" });
    expect(list?.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      accept: "text/plain",
      "user-agent": "contract-test",
    });

    expect(synchronize).toMatchObject({ method: "POST", url: "/api/operator/synchronize" });
    expect(synchronize?.headers).toMatchObject({ authorization: `Bearer ${TOKEN}` });
    expect(synchronize?.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(synchronize?.body ?? "")).toEqual([{ organizationId: 24, name: "Alex Brown" }]);

    expect(status).toMatchObject({ method: "POST", url: "/api/operator/status" });
    expect(status?.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(status?.body ?? "")).toEqual({ id: 200, status: 1 });
  });

  it("keeps a path prefix of the base URL", async () => {
    const server = await fakeServer(() => ({ body: "[]" }));
    await clientOf(`${server.url}/chathub/`).listOperators(7);
    expect(server.requests[0]?.url).toBe("/chathub/api/operator?organizationId=7");
  });
});

describe("responses of an unexpected shape", () => {
  async function listFailure(body: string): Promise<ChatHubApiError> {
    const server = await fakeServer(() => ({ headers: { "content-type": "application/json" }, body }));
    const error = await failureOf(clientOf(server.url).listOperators(24));
    expect(error).toBeInstanceOf(ChatHubApiError);
    expect(error).toMatchObject({
      kind: "invalid-response",
      method: "GET",
      path: "/api/operator?organizationId=24",
    });
    return error as ChatHubApiError;
  }

  it("names the endpoint and the field of a bad status", async () => {
    const listed = [...LISTED, { ...LISTED[0], id: 102 }, { ...LISTED[0], id: 103, status: 7 }];
    const error = await listFailure(JSON.stringify(listed));
    expect(error.message).toContain("GET /api/operator: [2].status: expected 0, 1 or 2, got 7");
  });

  it("names a missing nested field", async () => {
    const error = await listFailure(
      JSON.stringify([{ id: 1, name: "A", status: 0, organization: { name: "X" } }]),
    );
    expect(error.message).toContain("[0].organization.id");
  });

  it("reports a body that is not JSON, or not a list", async () => {
    expect((await listFailure("<html>oops</html>")).message).toContain("body is not JSON");
    expect((await listFailure("")).message).toContain("empty body");
    expect((await listFailure('{"operators":[]}')).message).toContain("GET /api/operator: body: ");
  });

  it("tolerates extra fields", async () => {
    const server = await fakeServer(() => ({
      body: JSON.stringify([
        { ...LISTED[0], email: "j@example.com", organization: { id: 24, name: "CS", tier: 2 } },
      ]),
    }));
    expect(await clientOf(server.url).listOperators(24)).toEqual([
      { id: 101, name: "John Smith", status: 0, organization: { id: 24, name: "CS" } },
    ]);
  });

  it("requires synchronize to answer one operator per operator sent", async () => {
    const server = await fakeServer(() => ({
      body: JSON.stringify([{ id: 104, name: "Alex Brown", status: 0 }]),
    }));
    const error = await failureOf(
      clientOf(server.url).synchronize([
        { organizationId: 24, name: "Alex Brown" },
        { organizationId: 24, name: "Emma Davis" },
      ]),
    );
    expect(error).toMatchObject({ kind: "invalid-response", path: "/api/operator/synchronize" });
    expect((error as Error).message).toContain(
      "POST /api/operator/synchronize: expected 2 operator(s) in request order, got 1",
    );
  });

  it("checks each synchronized operator", async () => {
    const server = await fakeServer(() => ({
      body: JSON.stringify([{ id: "104", name: "Alex Brown", status: 0 }]),
    }));
    const error = await failureOf(
      clientOf(server.url).synchronize([{ organizationId: 24, name: "Alex Brown" }]),
    );
    expect((error as Error).message).toContain("POST /api/operator/synchronize: [0].id:");
  });

  it("reports an unfollowed redirect as a wrong base URL", async () => {
    const server = await fakeServer(() => ({
      status: 301,
      headers: { location: "https://chatapi.example/api/operator" },
    }));
    const error = await failureOf(clientOf(server.url).listOperators(24));
    expect(error).toMatchObject({ kind: "http", status: 301 });
    expect((error as Error).message).toContain("chathub:baseUrl");
  });
});
