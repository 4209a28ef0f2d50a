// Every row of the contract's error table on the Sync API and the management API, each checked
// to leave the table's records exactly as they were.
import { request } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { createAccessToken, revokeAccessToken } from "@/lib/auth/tokens";
import { api, APP_URL, grantBaseRole, makeBase, makeOwnerSetup, makeToken, makeUser, SCOPES, SYNC_SCOPES } from "../support/fixtures";
import { configureSync, createConfiguredSync, createSync, csvOf, postCsv, recordsFingerprint } from "../support/sync";

type Res = Awaited<ReturnType<typeof api>>;

function expectError(res: Res, status: number, type: string, message?: RegExp) {
  expect(res.status, res.text).toBe(status);
  expect(res.json).toEqual({ error: { type, message: expect.any(String) } });
  if (message) expect(res.json.error.message).toMatch(message);
}

const CSV = csvOf([["id", "name", "email"], ["1", "Ada", "ada@example.com"], ["2", "Grace", "grace@example.com"]]);

let owner: Awaited<ReturnType<typeof makeOwnerSetup>>;
let sync: Awaited<ReturnType<typeof createConfiguredSync>>;
let before: string;

beforeAll(async () => {
  owner = await makeOwnerSetup({ scopes: [...SCOPES] });
  sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: CSV });
  before = await recordsFingerprint(sync.tableId);
});

// Each refused request must leave the records untouched.
const unchanged = async () => expect(await recordsFingerprint(sync.tableId)).toBe(before);
const send = (body: BodyInit, token = owner.token, contentType = "text/csv") => postCsv(sync.path, token, body, contentType);

describe("401 AUTHENTICATION_REQUIRED", () => {
  it("refuses a missing, malformed, unknown, revoked or expired token, and legacy API keys", async () => {
    expectError(await api(sync.path, { method: "POST", body: CSV, headers: { "content-type": "text/csv" } }), 401, "AUTHENTICATION_REQUIRED");
    expectError(await api(sync.path, { method: "POST", body: CSV, headers: { "content-type": "text/csv", authorization: "Basic abc" } }), 401, "AUTHENTICATION_REQUIRED");
    expectError(await send(CSV, `pat${"A".repeat(14)}.${"0".repeat(64)}`), 401, "AUTHENTICATION_REQUIRED");
    expectError(await send(CSV, "keyAbCdEfGhIjKlMn"), 401, "AUTHENTICATION_REQUIRED", /API keys are not accepted.*personal access token/i);

    const revoked = await makeToken(owner.user.id, { scopes: SYNC_SCOPES, baseIds: [owner.base.id] });
    await revokeAccessToken({ tokenId: revoked.record.id });
    expectError(await send(CSV, revoked.token), 401, "AUTHENTICATION_REQUIRED", /revoked/);
    const expired = await createAccessToken({ userId: owner.user.id, name: "old", scopes: SYNC_SCOPES, baseIds: [owner.base.id], expiresAt: new Date(Date.now() - 1000) });
    expectError(await send(CSV, expired.token), 401, "AUTHENTICATION_REQUIRED", /expired/);
    expectError(await api(`/v0/meta/bases/${owner.base.id}/syncs/${sync.id}`), 401, "AUTHENTICATION_REQUIRED");
    await unchanged();
  });
});

describe("403 INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND", () => {
  it("refuses a missing scope, an ungranted base, a role below creator, and a base the token cannot see", async () => {
    const recordsOnly = await makeToken(owner.user.id, { scopes: ["data.records:write"], baseIds: [owner.base.id] });
    expectError(await send(CSV, recordsOnly.token), 403, "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND");
    const readOnly = await makeToken(owner.user.id, { scopes: ["data.records:read", "schema.bases:read"], baseIds: [owner.base.id] });
    expectError(await send(CSV, readOnly.token), 403, "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND");
    expectError(await api(`/v0/meta/bases/${owner.base.id}/syncs`, { method: "POST", token: readOnly.token, json: { name: "x" } }), 403, "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND");

    const otherBase = await makeBase(owner.user.id);
    const elsewhere = await makeToken(owner.user.id, { scopes: [...SCOPES], baseIds: [otherBase.id] });
    expectError(await send(CSV, elsewhere.token), 403, "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND");
    expectError(await api(`/v0/meta/bases/${owner.base.id}/syncs/${sync.id}`, { token: elsewhere.token }), 403, "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND");

    const editor = await makeUser("editor");
    await grantBaseRole({ baseId: owner.base.id, userId: editor.id, role: "editor" });
    const editorToken = await makeToken(editor.id, { scopes: [...SCOPES], baseIds: [owner.base.id] });
    expectError(await send(CSV, editorToken.token), 403, "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND");
    expectError(await configureSync(editorToken.token, sync, sync.config), 403, "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND");
    // "Sync now" is allowed to editors.
    const run = await api(`/v0/meta/bases/${owner.base.id}/syncs/${sync.id}/run`, { method: "POST", token: editorToken.token });
    expect(run.status, run.text).toBe(200);
    expect(run.json).toMatchObject({ status: "applied", unchanged: 2 });

    const stranger = await makeUser("stranger");
    const strangerToken = await makeToken(stranger.id, { scopes: [...SCOPES] });
    expectError(await send(CSV, strangerToken.token), 403, "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND");
    expectError(await api(`/v0/meta/bases/${owner.base.id}/tables`, { token: strangerToken.token }), 403, "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND");
    await unchanged();
  });

  it("lets a token with only the two write scopes read its own sync's status", async () => {
    const writer = await makeToken(owner.user.id, { scopes: SYNC_SCOPES, baseIds: [owner.base.id] });
    const res = await api(`/v0/meta/bases/${owner.base.id}/syncs/${sync.id}`, { token: writer.token });
    expect(res.status).toBe(200);
    expect(res.json.status).toBe("active");
  });
});

describe("404 NOT_FOUND", () => {
  it("answers an unknown sync or table in a visible base", async () => {
    const base = owner.base.id;
    expectError(await postCsv(`/v0/${base}/${sync.tableId}/sync/syn${"x".repeat(14)}`, owner.token, CSV), 404, "NOT_FOUND");
    expectError(await postCsv(`/v0/${base}/tbl${"x".repeat(14)}/sync/${sync.id}`, owner.token, CSV), 404, "NOT_FOUND");
    expectError(await postCsv(`/v0/${base}/No%20such%20table/sync/${sync.id}`, owner.token, CSV), 404, "NOT_FOUND");
    expectError(await api(`/v0/meta/bases/${base}/syncs/syn${"x".repeat(14)}`, { token: owner.token }), 404, "NOT_FOUND");
    expectError(await api(`/v0/meta/bases/${base}/syncs/syn${"x".repeat(14)}/runs`, { token: owner.token }), 404, "NOT_FOUND");
    // A sync of another base the token can also see is still not in this base.
    const second = await makeBase(owner.user.id);
    const token = (await makeToken(owner.user.id, { scopes: [...SCOPES], baseIds: [owner.base.id, second.id] })).token;
    const other = await createSync(token, second.id);
    expectError(await postCsv(`/v0/${base}/${other.tableId}/sync/${other.id}`, token, CSV), 404, "NOT_FOUND");
    await unchanged();
  });
});

describe("413 REQUEST_TOO_LARGE", () => {
  it("refuses a body of 2 MB + 1 byte, and accepts exactly 2 MB", async () => {
    const header = "id,name\n";
    const pad = (size: number) => header + "1," + "x".repeat(size - header.length - 3) + "\n";
    expect(pad(2_097_153)).toHaveLength(2_097_153);
    expectError(await send(pad(2_097_153)), 413, "REQUEST_TOO_LARGE");
    await unchanged();
    const ok = await send(pad(2_097_152));
    expect(ok.status, ok.text).toBe(200);
    // Restore the original records for the other tests.
    expect((await send(CSV)).status).toBe(200);
    before = await recordsFingerprint(sync.tableId);
  });

  it("refuses a chunked body without Content-Length once it passes 2 MB", async () => {
    // 32 MB offered: far more than socket buffers on both sides can take in once the server stops
    // reading at 2 MB + 1 byte.
    const CHUNKS = 32_768;
    const chunk = new TextEncoder().encode(`${"y".repeat(1023)}\n`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode("id,name\n"));
        sent++;
        if (sent > CHUNKS) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const outcome = await fetch(`${APP_URL}${sync.path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${owner.token}`, "content-type": "text/csv" },
      body: stream,
      duplex: "half",
    } as RequestInit)
      // The answer's body may be cut by the same close: the status has arrived by then.
      .then(async (res) => ({ status: res.status, json: await res.json().catch(() => null) }))
      .catch((err: Error) => err);
    // The server answers and closes the connection: the client may see the close (EPIPE) before
    // the answer. Either way it must not have sent everything.
    if (outcome instanceof Error) expect(sent).toBeLessThan(CHUNKS);
    else {
      expect(outcome.status).toBe(413);
      if (outcome.json) expect(outcome.json.error.type).toBe("REQUEST_TOO_LARGE");
    }
    await unchanged();
  });

  it("refuses a declared Content-Length over 2 MB before reading the body", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${APP_URL}${sync.path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${owner.token}`, "content-type": "text/csv", "content-length": String(50 * 1024 * 1024) },
      });
      req.on("response", (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on("error", reject);
      req.write("id,name\n1,a\n"); // far less than declared: the answer must not wait for the rest
    });
    expect(status).toBe(413);
    await unchanged();
  });
});

describe("415 UNSUPPORTED_MEDIA_TYPE", () => {
  it("needs Content-Type text/csv, a charset parameter is fine", async () => {
    expectError(await send(CSV, owner.token, "application/json"), 415, "UNSUPPORTED_MEDIA_TYPE");
    expectError(await api(sync.path, { method: "POST", token: owner.token, body: new Blob([CSV]) }), 415, "UNSUPPORTED_MEDIA_TYPE");
    await unchanged();
    const ok = await send(CSV, owner.token, "text/csv; charset=utf-8");
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toMatchObject({ success: true, status: "applied", unchanged: 2, created: 0, updated: 0, deleted: 0 });
    await unchanged();
  });
});

describe("422 INVALID_CSV", () => {
  const cases: [string, BodyInit, RegExp][] = [
    ["an empty body", "", /empty/i],
    ["only blank lines", "\n\n\r\n", /empty|no header/i],
    ["an empty field name", "id,,email\n1,a,b\n", /empty field name/i],
    ["field names equal ignoring case", "id,Name,NAME\n1,a,b\n", /unique/i],
    ["501 columns", `id,${Array.from({ length: 500 }, (_, i) => `c${i}`).join(",")}\n1\n`, /501 columns/],
    ["invalid UTF-8", new Uint8Array([0x69, 0x64, 0x0a, 0xff, 0xfe, 0x0a]), /UTF-8/],
    ["a field name over 255 characters", `id,name,${"n".repeat(256)}\n1,Ada,x\n`, /at most 255 characters/],
    ["the primary-key column missing", "name,email\nAda,ada@example.com\n", /primary key column "id"/i],
  ];
  it.each(cases)("refuses %s and changes nothing", async (_, body, message) => {
    expectError(await send(body), 422, "INVALID_CSV", message);
    await unchanged();
  });

  it("refuses a CSV without a column selected in specific-fields mode", async () => {
    const specific = await createConfiguredSync({
      token: owner.token,
      baseId: owner.base.id,
      csv: CSV,
      config: { fieldSelection: "specific", fields: [{ column: "id", type: "singleLineText" }, { column: "email", type: "email" }] },
    });
    const fingerprint = await recordsFingerprint(specific.tableId);
    expectError(await postCsv(specific.path, owner.token, csvOf([["id", "name"], ["1", "Ada"]])), 422, "INVALID_CSV", /"email"/);
    expect(await recordsFingerprint(specific.tableId)).toBe(fingerprint);
    // Other columns are ignored for good in specific mode.
    const extra = await postCsv(specific.path, owner.token, csvOf([["id", "email", "age"], ["1", "ada@example.com", "36"]]));
    expect(extra.json).toMatchObject({ status: "applied", unchanged: 1, deleted: 1 });
  });

  it("records the failed run with its reason", async () => {
    await send("id,id\n1,2\n");
    const runs = await api(`/v0/meta/bases/${owner.base.id}/syncs/${sync.id}/runs`, { token: owner.token });
    expect(runs.json.runs[0]).toMatchObject({ status: "failed", trigger: "api", error: expect.stringMatching(/unique/i), created: 0 });
  });
});

describe("422 INVALID_REQUEST_UNKNOWN", () => {
  it("names the bad parameter of the management API", async () => {
    const base = owner.base.id;
    const post = (json: unknown) => api(`/v0/meta/bases/${base}/syncs`, { method: "POST", token: owner.token, json });
    expectError(await api(`/v0/meta/bases/${base}/syncs`, { method: "POST", token: owner.token, body: "{nope", headers: { "content-type": "application/json" } }), 422, "INVALID_REQUEST_UNKNOWN", /JSON/);
    expectError(await post({}), 422, "INVALID_REQUEST_UNKNOWN", /^name/);
    expectError(await post({ name: "   " }), 422, "INVALID_REQUEST_UNKNOWN", /^name/);

    const put = (config: unknown) => configureSync(owner.token, sync, config);
    expectError(await api(`/v0/meta/bases/${base}/syncs/${sync.id}`, { method: "PUT", token: owner.token, body: "[", headers: { "content-type": "application/json" } }), 422, "INVALID_REQUEST_UNKNOWN", /JSON/);
    expectError(await put({ ...sync.config, fieldSelection: "some" }), 422, "INVALID_REQUEST_UNKNOWN", /^fieldSelection/);
    expectError(await put({ ...sync.config, fields: [{ column: "id", type: "checkbox" }] }), 422, "INVALID_REQUEST_UNKNOWN", /^fields\.0\.type/);
    expectError(await put({ ...sync.config, primaryKey: "nope" }), 422, "INVALID_REQUEST_UNKNOWN", /^primaryKey/);
    expectError(await put({ ...sync.config, updateMethod: "often" }), 422, "INVALID_REQUEST_UNKNOWN", /^updateMethod/);
    expectError(await put({ ...sync.config, retentionDays: -1 }), 422, "INVALID_REQUEST_UNKNOWN", /^retentionDays/);
    expectError(await put({ ...sync.config, tableName: "" }), 422, "INVALID_REQUEST_UNKNOWN", /^tableName/);
    // Half a surrogate pair, spelled as a JSON escape: Postgres would refuse it in the stored configuration.
    const halfPair = JSON.stringify({ ...sync.config, tableName: "Orders \ud83d" }); // well-formed JSON.stringify writes the escape
    expect(halfPair).toContain("\\ud83d");
    expectError(await api(`/v0/meta/bases/${base}/syncs/${sync.id}`, { method: "PUT", token: owner.token, body: halfPair, headers: { "content-type": "application/json" } }), 422, "INVALID_REQUEST_UNKNOWN", /surrogate/);
    expectError(await put({ ...sync.config, fields: [...sync.config.fields, { column: "phone", type: "phoneNumber" }] }), 422, "INVALID_REQUEST_UNKNOWN", /"phone"/);
    await unchanged();
  });

  it("refuses a configuration before any CSV arrived, and a table name already taken", async () => {
    const fresh = await createSync(owner.token, owner.base.id);
    expectError(await configureSync(owner.token, fresh, sync.config), 422, "INVALID_REQUEST_UNKNOWN", /no CSV/i);
    expect((await postCsv(fresh.path, owner.token, CSV)).status).toBe(200);
    expectError(await configureSync(owner.token, fresh, { ...sync.config, tableName: sync.config.tableName.toUpperCase() }), 422, "INVALID_REQUEST_UNKNOWN", /^tableName/);
  });
});
