// The access-API emulator's checks over real HTTP, shared by the suites that run them:
// directly on `npm start`'s server (suites/20-emulator.mjs) and through the gateway
// (suites/25-gateway.mjs). The table of test/emulator/table.mjs (which the in-page fake runs
// too: every endpoint and status code of OctoPrint's access API), then what only the HTTP
// server does: routes outside the access API, the files it serves and the ones it must not,
// bad requests it must survive. One named check = one test; the checks run in order and share
// the server's state, a fresh emulator whose admin's API key is table.mjs's KEY.
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {request as httpRequest} from "node:http";
import {checker} from "./checks.mjs";
import {
    KEY,
    expectError,
    expectOctoPrintError,
    expectOk,
    runTable
} from "./emulator/table.mjs";

/**
 * One raw HTTP request: the path is sent exactly as given (no URL normalising). Resolves to
 * {status, headers, text, json}, or {status: 0, aborted: true} after `abortAfter` bytes.
 */
export function send(
    url,
    method,
    path,
    {body, key = null, headers = {}, abortAfter} = {}
) {
    const {hostname, port} = new URL(url);
    const data =
        body === undefined
            ? undefined
            : Buffer.isBuffer(body) || typeof body === "string"
              ? Buffer.from(body)
              : Buffer.from(JSON.stringify(body));
    const allHeaders = {...headers};
    if (key !== null) allHeaders["X-Api-Key"] = key;
    if (data) {
        allHeaders["Content-Type"] ??= "application/json; charset=UTF-8";
        allHeaders["Content-Length"] ??= data.length;
    }
    return new Promise((resolve, reject) => {
        const req = httpRequest(
            {hostname, port, method, path, headers: allHeaders},
            (res) => {
                const chunks = [];
                res.on("data", (chunk) => chunks.push(chunk));
                res.on("end", () => {
                    const text = Buffer.concat(chunks).toString("utf8");
                    let json;
                    try {
                        json = JSON.parse(text);
                    } catch {
                        json = undefined;
                    }
                    resolve({status: res.statusCode, headers: res.headers, text, json});
                });
            }
        );
        req.on("error", reject);
        if (abortAfter !== undefined) {
            // Send part of the body, then drop the connection.
            req.write(data.subarray(0, abortAfter), () => {
                req.destroy();
                resolve({status: 0, aborted: true});
            });
            req.on("error", () => {});
            return;
        }
        req.end(data);
    });
}

/**
 * Runs every check against the server at `url`, whose emulator is fresh and has the admin API
 * key KEY, or a gateway (`gateway` true) in front of one. `label` prefixes the printed
 * failures and the closing line; `onAnswer(request,
 * answer)` sees every request ({method, path}) and its answer, in order. Resolves to
 * {passed, failed}.
 */
export async function runEmulatorChecks({
    url,
    label = "emulator",
    gateway = false,
    onAnswer
}) {
    const request = async (method, path, options = {}) => {
        const answer = await send(url, method, path, {key: KEY, ...options});
        onAnswer?.({method, path}, answer);
        return answer;
    };
    const api = (method, path, options) =>
        request(method, `/api/access/${path}`, options);
    const {results, check} = checker(label);

    try {
        await runTable({api, check});

        // ~~ the HTTP server's own: routes, files, bad requests

        await check("outside the access API: 404", async () => {
            // The emulator answers with OctoPrint's text; a gateway, with its own.
            const notFound = (res) =>
                gateway ? expectError(res, 404) : expectOctoPrintError(res, 404);
            notFound(await request("GET", "/api/version"));
            notFound(await request("GET", "/api"));
            // No sessions over HTTP: a login would make every keyless request somebody's.
            notFound(
                await request("POST", "/api/login", {
                    key: null,
                    body: {user: "admin", pass: "x"}
                })
            );
            assert.equal((await request("GET", "/nothing")).status, 404);
        });

        await check("files answer GET and HEAD only: 405", async () => {
            assert.equal((await request("POST", "/index.html", {body: "x"})).status, 405);
        });

        await check(
            "serves the console, dist/ and OctoPrint's static client files",
            async () => {
                const index = await request("GET", "/", {key: null});
                assert.equal(index.status, 200);
                assert.match(index.headers["content-type"], /text\/html/);
                assert.ok(
                    index.text.includes('<script type="module" src="console/main.js">')
                );
                const jquery = await request(
                    "GET",
                    "/static/js/lib/jquery/jquery.min.js"
                );
                assert.equal(jquery.status, 200);
                assert.ok(
                    jquery.text.includes("jQuery v3.5.1"),
                    "OctoPrint's jQuery, 3.5.1"
                );
                const lodash = await request("GET", "/static/js/lib/lodash.min.js");
                assert.equal(lodash.status, 200);
                assert.ok(lodash.text.includes("lodash"));
                const base = await request("GET", "/static/js/app/client/base.js");
                const host = readFileSync(
                    new URL("../server/host/base.js", import.meta.url),
                    "utf8"
                );
                assert.equal(base.text, host, "base.js is the tests' host client");
                for (const path of [
                    "/dist/octoprint-access.js",
                    "/console/main.js",
                    "/console/state.js",
                    "/console/dom.js",
                    "/console/api.js",
                    "/console/connection.js",
                    "/console/permissions.js",
                    "/console/users.js",
                    "/console/groups.js",
                    "/console/console.css"
                ]) {
                    const res = await request("GET", path);
                    assert.equal(res.status, 200, path);
                }
            }
        );

        await check("nothing else of the repository is served", async () => {
            for (const path of [
                "/package.json",
                "/.git/config",
                "/.git/HEAD",
                "/node_modules/lodash/lodash.js",
                "/node_modules/",
                "/server/host/base.js",
                "/server/app.mjs",
                "/src/index.ts",
                "/dist/",
                "/dist/..",
                "/dist/../package.json",
                "/dist/%2E%2E/package.json",
                "/static/js/lib/../../../package.json",
                "/console/../package.json",
                "/%2e%2e/package.json"
            ]) {
                const res = await request("GET", path);
                assert.equal(res.status, 404, `${path} answered ${res.status}`);
            }
        });

        // ~~ bad requests never crash it

        await check("a body over 1 MiB is 413; 1 MiB is read", async () => {
            const huge = Buffer.alloc(2 * 1024 * 1024, "a");
            expectError(await api("POST", "users", {body: huge}), 413);
            const huger = Buffer.alloc(5 * 1024 * 1024, "{");
            expectError(await api("PATCH", "users/admin/settings", {body: huger}), 413);
            const justFits = JSON.stringify({pad: "x".repeat(1024 * 1024 - 20)});
            assert.ok(justFits.length <= 1024 * 1024);
            expectOk(await api("PATCH", "users/newbie/settings", {body: justFits}));
        });

        await check("a request dropped mid-body does not hurt", async () => {
            const body = Buffer.alloc(64 * 1024, "{");
            const res = await api("POST", "users", {body, abortAfter: 1000});
            assert.equal(res.aborted, true);
            const dropped = await api("POST", "users", {
                body: "x",
                headers: {"Content-Length": 100},
                abortAfter: 1
            });
            assert.equal(dropped.aborted, true);
        });

        await check("after all that, it still answers", async () => {
            const {users} = expectOk(await api("GET", "users"));
            assert.ok(users.find((u) => u.name === "admin"));
            expectOk(await api("GET", "permissions", {key: null}));
        });
    } finally {
        console.log(`${label}: ${results.passed} passed, ${results.failed} failed`);
    }
    return results;
}
