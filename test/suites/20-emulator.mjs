// The emulator behind `npm start` (server/app.mjs) over real HTTP on a free port: the shared
// table of checks (test/emulator/table.mjs, which the in-page fake runs too), each version's
// rules, the replay of a real OctoPrint 1.10.3's answers (test/data/), and what only the
// HTTP server does: its routes outside the access API, the files it serves and the ones it
// must not, and bad requests it must survive. One named check = one test.
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {request as httpRequest} from "node:http";
import {startServer} from "../../server/app.mjs";
import {replay} from "../emulator/replay.mjs";
import {
    KEY,
    expectError,
    expectOctoPrintError,
    expectOk,
    runTable,
    runVersions
} from "../emulator/table.mjs";

const RECORDING = JSON.parse(
    readFileSync(new URL("../data/octoprint-1.10.3-access.json", import.meta.url), "utf8")
);

/** One raw HTTP request: the path is sent exactly as given (no URL normalising). */
function send(url, method, path, {body, key = KEY, headers = {}, abortAfter} = {}) {
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

export default async function () {
    const results = {passed: 0, failed: 0};
    const check = async (name, fn) => {
        try {
            await fn();
            results.passed += 1;
        } catch (error) {
            results.failed += 1;
            const message = error.message.replace(/\s+/g, " ").trim();
            console.log(`  FAIL emulator: ${name}: ${message.slice(0, 300)}`);
        }
    };
    const servers = [];
    const start = async (options) => {
        const server = await startServer({port: 0, apikey: KEY, ...options});
        servers.push(server);
        return server;
    };
    const apiOf =
        ({url}) =>
        (method, path, options) =>
            send(url, method, `/api/access/${path}`, options);

    try {
        const server = await start();
        const url = server.url;
        const api = apiOf(server);

        await runTable({api, check});
        await runVersions({
            fresh: async (version) => apiOf(await start({version})),
            check
        });

        await check(
            "the recording of OctoPrint 1.10.3, replayed: every answer matches",
            async () => {
                const fresh = await start();
                const result = await replay(
                    RECORDING,
                    async ({method, path, key, body}) => {
                        const res = await send(fresh.url, method, path, {key, body});
                        return {
                            status: res.status,
                            contentType: res.headers["content-type"],
                            json: res.json
                        };
                    },
                    KEY
                );
                assert.equal(result.entries, 65);
                assert.deepEqual(result.failures, []);
                assert.equal(result.matched, 65);
            }
        );

        // ~~ the HTTP server's own: routes, files, bad requests

        await check("outside the access API: 404", async () => {
            expectOctoPrintError(await send(url, "GET", "/api/version"), 404);
            expectOctoPrintError(await send(url, "GET", "/api"), 404);
            assert.equal((await send(url, "GET", "/nothing")).status, 404);
        });

        await check("files answer GET and HEAD only: 405", async () => {
            assert.equal(
                (await send(url, "POST", "/index.html", {body: "x"})).status,
                405
            );
        });

        await check("OCTOPRINT_VERSION's value is the emulator's", async () => {
            assert.equal(server.version, "1.10");
            assert.equal((await start({version: "2.0"})).version, "2.0");
        });

        await check(
            "serves the console, dist/ and OctoPrint's static client files",
            async () => {
                const index = await send(url, "GET", "/", {key: null});
                assert.equal(index.status, 200);
                assert.match(index.headers["content-type"], /text\/html/);
                assert.ok(index.text.includes("console/console.js"));
                const jquery = await send(
                    url,
                    "GET",
                    "/static/js/lib/jquery/jquery.min.js"
                );
                assert.equal(jquery.status, 200);
                assert.ok(
                    jquery.text.includes("jQuery v3.5.1"),
                    "OctoPrint's jQuery, 3.5.1"
                );
                const lodash = await send(url, "GET", "/static/js/lib/lodash.min.js");
                assert.equal(lodash.status, 200);
                assert.ok(lodash.text.includes("lodash"));
                const base = await send(url, "GET", "/static/js/app/client/base.js");
                const host = readFileSync(
                    new URL("../../server/host/base.js", import.meta.url),
                    "utf8"
                );
                assert.equal(base.text, host, "base.js is the tests' host client");
                for (const path of [
                    "/dist/octoprint-access.js",
                    "/console/console.js",
                    "/console/console.css"
                ]) {
                    const res = await send(url, "GET", path);
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
                const res = await send(url, "GET", path);
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
        for (const server of servers) await server.close();
    }

    console.log(`emulator: ${results.passed} passed, ${results.failed} failed`);
    return results;
}
