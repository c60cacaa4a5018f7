// `npm start` as a gateway to a real OctoPrint (server/gateway.mjs), over real HTTP on
// 127.0.0.1. The upstream OctoPrint is the emulator on another port (startServer in emulator
// mode) or a fake of our own that records what reaches it, answers with headers a gateway
// must not pass on, refuses, stalls or cuts its answer short. One named check = one test.
// (The console end to end through the gateway is in 30-console.mjs.)
import assert from "node:assert/strict";
import {request as httpRequest} from "node:http";
import {startServer} from "../../server/app.mjs";
import {checker} from "../checks.mjs";
import {forwards} from "../../server/gateway.mjs";
import {allowedHosts} from "../../server/host-guard.mjs";
import {runEmulatorChecks} from "../emulator-checks.mjs";
import {UPSTREAM_EXTRAS, WAIT, requester, runMain, startFake} from "../servers.mjs";
import {KEY} from "../emulator/table.mjs";

const FORWARDED_REQUEST_HEADERS = [
    "x-api-key",
    "content-type",
    "accept",
    "x-requested-with",
    "cache-control"
];
const {request, seen} = requester(); // seen: every answer's headers, for the CORS check

/** The answer with the random API keys masked: two emulators make different ones. */
const masked = (answer) => ({
    status: answer.status,
    aborted: answer.aborted,
    type: answer.headers?.["content-type"],
    allow: answer.headers?.allow,
    text: answer.text?.replace(/\b[0-9A-F]{32}\b/g, "<random key>")
});

export default async function ({browser}) {
    const {results, check} = checker("gateway");
    const closing = [];
    const started = async (server) => (closing.push(server), server);

    try {
        // ~~ the emulator's checks, through the gateway, byte for byte

        // Each check through the gateway counts as one test of this suite; the reference run
        // (the same checks straight at another fresh emulator) records what "as directly" is.
        const direct = [];
        const reference = await started(await startServer({port: 0, apikey: KEY}));
        const straight = await runEmulatorChecks({
            url: reference.url,
            label: "gateway: reference run, directly",
            onAnswer: (request, answer) => direct.push({request, answer})
        });
        const via = [];
        const upstream = await started(await startServer({port: 0, apikey: KEY}));
        const front = await started(
            await startServer({port: 0, octoprint: upstream.url})
        );
        const through = await runEmulatorChecks({
            url: front.url,
            gateway: true,
            label: "gateway: emulator checks through the gateway",
            onAnswer: (request, answer) => via.push({request, answer})
        });
        results.passed += through.passed;
        results.failed += through.failed;

        await check(
            "through the gateway, each answer byte for byte as directly",
            async () => {
                assert.equal(straight.failed, 0, "the reference run failed");
                assert.equal(via.length, direct.length, "not the same requests");
                let compared = 0;
                for (const [i, {request: sent, answer}] of via.entries()) {
                    const what = `${sent.method} ${sent.path}`;
                    assert.equal(
                        what,
                        `${direct[i].request.method} ${direct[i].request.path}`
                    );
                    // What the gateway does not forward, it answers itself: same status only.
                    if (!forwards(sent.method, sent.path)) {
                        assert.equal(answer.status, direct[i].answer.status, what);
                        continue;
                    }
                    assert.deepEqual(masked(answer), masked(direct[i].answer), what);
                    compared += 1;
                }
                assert.ok(compared > 100, `only ${compared} answers compared`);
            }
        );

        // ~~ what goes through, and what does not

        const fake = await started(await startFake());
        const gateway = await started(await startServer({port: 0, octoprint: fake.url}));

        await check(
            "every refused path: 404 from the gateway; OctoPrint sees nothing",
            async () => {
                const up = new URL(fake.url).host;
                const refused = [
                    ["GET", "/api/settings"],
                    ["POST", "/api/settings"],
                    ["GET", "/api/system/commands"],
                    ["POST", "/api/system/commands/core/shutdown"],
                    ["POST", "/api/login"],
                    ["GET", "/api/version"],
                    ["GET", "/api"],
                    ["GET", "/api/"],
                    ["GET", "/api/access"],
                    ["GET", "/api/accessx/users"],
                    ["GET", "/plugin/softwareupdate/check"],
                    ["GET", "/plugin/x/api/access/users"],
                    ["GET", "/static/js/app/client/access.js"],
                    ["GET", "/static/js/lib/jquery/jquery.js"],
                    ["GET", "/static/js/app/client/base.js/"],
                    ["GET", "/static/js/app/client/x/../base.js"],
                    ["POST", "/static/js/app/client/base.js"],
                    ["HEAD", "/static/js/lib/lodash.min.js"],
                    ["GET", "/api/access/../settings"],
                    ["GET", "/api/access/users/../../settings"],
                    ["GET", "/api/access/%2e%2e/settings"],
                    ["GET", "/api/access/%2E%2E/settings"],
                    ["GET", "/api/access/.%2e/settings"],
                    ["GET", "/api/access/%2e%2e%2fsettings"],
                    ["GET", "/api/access/users/..%2f..%2f..%2fsettings"],
                    ["GET", "/api/access/users/..%2F..%2Fsettings?x=1"],
                    ["GET", "/api/access/..%5csettings"],
                    ["GET", "/api/access/%252e%252e/settings"],
                    ["GET", "/api/access/./users"],
                    ["PUT", "/api/access/users/%2e"],
                    ["GET", "/static/js/app/client/..%2f..%2f..%2fapi/settings"],
                    ["GET", "/static/js/app/client/../../../../api/settings"],
                    ["GET", "/%61pi/access/users"],
                    ["GET", "//api/access/users"],
                    ["GET", `http://${up}/api/access/users`],
                    ["GET", `http://${up}/api/settings`],
                    ["GET", "http://evil.example/api/access/users"],
                    ["OPTIONS", "*"]
                ];
                for (const [method, target] of refused) {
                    const answer = await request(gateway.url, method, target, {
                        headers: {"X-Api-Key": KEY}
                    });
                    assert.equal(
                        answer.status,
                        404,
                        `${method} ${target}: ${answer.status}`
                    );
                }
                assert.deepEqual(
                    fake.log.map((r) => `${r.method} ${r.url}`),
                    [],
                    "OctoPrint saw requests"
                );
            }
        );

        await check(
            "/api/access/ (every method) and GET of the 3 scripts go through, path and query byte for byte",
            async () => {
                fake.log.length = 0;
                const targets = [
                    ["GET", "/api/access/users/jane%20doe%23%C3%BC?x=%2F&y=a+b%20c"],
                    ["PUT", "/api/access/users/a+b"],
                    ["PATCH", "/api/access/users/x%2Fy/settings"],
                    ["DELETE", "/api/access/groups/qa%20team"],
                    ["POST", "/api/access/users/%252e%2e%2e"], // "%2e.." is a name, not ".."
                    ["HEAD", "/api/access/permissions"],
                    ["OPTIONS", "/api/access/users"],
                    ["GET", "/api/access/"],
                    ["GET", "/static/js/lib/jquery/jquery.min.js"],
                    ["GET", "/static/js/lib/lodash.min.js"],
                    ["GET", "/static/js/app/client/base.js?v=1"]
                ];
                for (const [method, target] of targets) {
                    const answer = await request(gateway.url, method, target);
                    assert.equal(answer.status, 200, `${method} ${target}`);
                }
                assert.deepEqual(
                    fake.log.map((r) => [r.method, r.url]),
                    targets,
                    "what OctoPrint saw"
                );
            }
        );

        await check("an OctoPrint under a path prefix gets it in front", async () => {
            fake.log.length = 0;
            const prefixed = await started(
                await startServer({port: 0, octoprint: `${fake.url}octo/print`})
            );
            const answer = await request(prefixed.url, "GET", "/api/access/users?a=1");
            assert.equal(answer.status, 200);
            assert.deepEqual(
                fake.log.map((r) => r.url),
                ["/octo/print/api/access/users?a=1"]
            );
        });

        await check(
            "cookies, Origin, Referer never reach OctoPrint; X-Api-Key and the body do",
            async () => {
                fake.log.length = 0;
                const body = Buffer.from([0x7b, 0x00, 0xff, 0xc3, 0x28, 0x7d, 0x0a]);
                const sent = {
                    "X-Api-Key": KEY,
                    "Content-Type": "application/json; charset=UTF-8",
                    "Accept": "application/json, text/javascript, */*; q=0.01",
                    "X-Requested-With": "XMLHttpRequest",
                    "Cache-Control": "no-cache",
                    "Cookie": "session_P80=printer-session; remember_token=x",
                    // The page's own (another site's is refused before this: see below).
                    "Origin": new URL(gateway.url).origin,
                    "Referer": `${gateway.url}page`,
                    "Authorization": "Bearer someone-elses",
                    "X-Forwarded-For": "10.0.0.1",
                    "User-Agent": "test",
                    "Accept-Encoding": "gzip"
                };
                const answer = await request(gateway.url, "POST", "/api/access/users", {
                    headers: sent,
                    body
                });
                assert.equal(answer.status, 200);
                assert.equal(fake.log.length, 1);
                const [{headers, body: received}] = fake.log;
                for (const name of FORWARDED_REQUEST_HEADERS) {
                    const original = Object.entries(sent).find(
                        ([key]) => key.toLowerCase() === name
                    )[1];
                    assert.equal(headers[name], original, name);
                }
                const extra = Object.keys(headers).filter(
                    (name) =>
                        !FORWARDED_REQUEST_HEADERS.includes(name) &&
                        !["host", "connection", "content-length"].includes(name)
                );
                assert.deepEqual(extra, [], "headers beyond the five");
                assert.equal(headers.host, new URL(fake.url).host);
                assert.ok(received.equals(body), "the body changed on the way");
                // A chunked body arrives whole, with a Content-Length.
                fake.log.length = 0;
                await request(gateway.url, "PUT", "/api/access/users/x", {
                    body: Buffer.alloc(200000, "a"),
                    chunked: true
                });
                assert.equal(fake.log[0].body.length, 200000);
                assert.equal(fake.log[0].headers["content-length"], "200000");
            }
        );

        await check(
            "OctoPrint's answers come back unchanged: status, Content-Type, body",
            async () => {
                const payload = Buffer.from(
                    '{"error": "User \\"jané\\" already exists"}\xff'
                );
                const odd = await started(
                    await startFake((req, res) => {
                        res.writeHead(req.url.endsWith("conflict") ? 409 : 200, {
                            "Content-Type": "application/json; charset=utf-8",
                            ...UPSTREAM_EXTRAS
                        });
                        res.end(payload);
                    })
                );
                const via = await started(
                    await startServer({port: 0, octoprint: odd.url})
                );
                for (const path of [
                    "/api/access/users/x/conflict",
                    "/static/js/lib/lodash.min.js"
                ]) {
                    const answer = await request(via.url, "GET", path);
                    assert.equal(answer.status, path.endsWith("conflict") ? 409 : 200);
                    assert.equal(
                        answer.headers["content-type"],
                        "application/json; charset=utf-8"
                    );
                    assert.ok(answer.body.equals(payload), "the body changed");
                    for (const name of Object.keys(UPSTREAM_EXTRAS))
                        assert.equal(answer.headers[name.toLowerCase()], undefined, name);
                }
            }
        );

        await check(
            "a cross-origin preflight gets no Access-Control-Allow-*",
            async () => {
                const emulator = await started(await startServer({port: 0, apikey: KEY}));
                for (const url of [gateway.url, emulator.url]) {
                    for (const path of [
                        "/api/access/users/admin",
                        "/",
                        "/api/settings"
                    ]) {
                        const answer = await request(url, "OPTIONS", path, {
                            headers: {
                                "Origin": "http://evil.example",
                                "Access-Control-Request-Method": "PUT",
                                "Access-Control-Request-Headers":
                                    "x-api-key, content-type"
                            }
                        });
                        assert.ok(answer.status, answer.failed);
                        const granted = Object.keys(answer.headers).filter((name) =>
                            name.startsWith("access-control-")
                        );
                        assert.deepEqual(granted, [], `${url} ${path}`);
                    }
                }
            }
        );

        await check(
            "another site's Origin: 403, in both modes; OctoPrint sees nothing",
            async () => {
                const emulator = await started(await startServer({port: 0, apikey: KEY}));
                fake.log.length = 0;
                for (const server of [gateway, emulator]) {
                    for (const origin of [
                        "http://evil.example",
                        "null",
                        "https://127.0.0.1"
                    ]) {
                        const answer = await request(
                            server.url,
                            "POST",
                            "/api/access/users",
                            {
                                headers: {
                                    "Origin": origin,
                                    "X-Api-Key": KEY,
                                    "Content-Type": "text/plain"
                                },
                                body: "{}"
                            }
                        );
                        assert.equal(answer.status, 403, `${server.url} ${origin}`);
                        assert.match(answer.json?.error ?? "", /Origin/);
                    }
                    const own = new URL(server.url).origin;
                    const answer = await request(server.url, "GET", "/", {
                        headers: {Origin: own}
                    });
                    assert.equal(answer.status, 200, own);
                }
                assert.deepEqual(fake.log, [], "OctoPrint saw another site's request");
            }
        );

        await check(
            "a foreign Host header: 403, in both modes; ours: served",
            async () => {
                const emulator = await started(await startServer({port: 0, apikey: KEY}));
                fake.log.length = 0;
                for (const server of [gateway, emulator]) {
                    const own = new URL(server.url).port;
                    for (const host of [
                        `evil.example:${own}`,
                        "evil.example",
                        `127.0.0.1:${Number(own) + 1}`,
                        `localhost.evil.example:${own}`,
                        `127.0.0.1.nip.io:${own}`
                    ]) {
                        for (const path of [
                            "/",
                            "/api/access/users",
                            "/console/main.js"
                        ]) {
                            const answer = await request(server.url, "GET", path, {
                                headers: {"Host": host, "X-Api-Key": KEY}
                            });
                            assert.equal(answer.status, 403, `${host} ${path}`);
                            assert.match(answer.json?.error ?? "", /Host/);
                        }
                    }
                    for (const host of [
                        `127.0.0.1:${own}`,
                        `localhost:${own}`,
                        `LOCALHOST:${own}`
                    ]) {
                        const answer = await request(server.url, "GET", "/", {
                            headers: {Host: host}
                        });
                        assert.equal(answer.status, 200, host);
                    }
                }
                assert.deepEqual(
                    fake.log,
                    [],
                    "OctoPrint saw a request with a foreign Host"
                );
            }
        );

        await check(
            "HOST's own name and, for 0.0.0.0, this machine's addresses pass",
            async () => {
                const wildcard = allowedHosts("0.0.0.0", 8080);
                for (const host of ["127.0.0.1:8080", "localhost:8080", "0.0.0.0:8080"])
                    assert.ok(wildcard.has(host), host);
                assert.ok(!wildcard.has("evil.example:8080"));
                assert.ok(!wildcard.has("127.0.0.1:8081"));
                const named = allowedHosts("printer-desk.lan", 80);
                assert.ok(
                    named.has("printer-desk.lan") && named.has("printer-desk.lan:80")
                );
                assert.ok(!named.has("evil.example"));
            }
        );

        // ~~ faults

        const sockets = new Set();
        const faulty = await started(
            await startFake((req, res) => {
                sockets.add(req.socket);
                const json = {"Content-Type": "application/json"};
                if (req.url === "/api/access/stall") return; // never answers
                if (req.url === "/api/access/cut") {
                    res.writeHead(200, {...json, "Content-Length": 1000});
                    res.write('{"users": [');
                    setTimeout(() => req.socket.destroy(), 50);
                } else if (req.url === "/api/access/cut-chunked") {
                    res.writeHead(200, json);
                    res.write('{"users": [');
                    setTimeout(() => req.socket.destroy(), 50);
                } else if (req.url === "/api/access/silent-body") {
                    res.writeHead(200, {...json, "Content-Length": 1000});
                    res.write('{"users": ['); // and then nothing, past the timeout
                } else {
                    res.writeHead(200, json);
                    res.end('{"ok": true}');
                }
            })
        );
        const short = await started(
            await startServer({port: 0, octoprint: faulty.url, timeout: 300})
        );

        await check(
            "OctoPrint refusing connections: 502 with what happened",
            async () => {
                const closed = await startFake();
                await closed.close();
                const lost = await started(
                    await startServer({port: 0, octoprint: closed.url})
                );
                for (let i = 0; i < 2; i++) {
                    const answer = await request(lost.url, "GET", "/api/access/users");
                    assert.equal(answer.status, 502);
                    assert.deepEqual(Object.keys(answer.json), ["error"]);
                    assert.ok(
                        answer.json.error.startsWith(
                            `OctoPrint at ${closed.url} is not reachable: `
                        ),
                        answer.json.error
                    );
                    assert.match(answer.json.error, /ECONNREFUSED/);
                }
                assert.equal(
                    (await request(lost.url, "GET", "/")).status,
                    200,
                    "stopped serving"
                );
            }
        );

        await check("OctoPrint not answering within the timeout: 504", async () => {
            const begun = Date.now();
            const answer = await request(short.url, "GET", "/api/access/stall");
            assert.equal(answer.status, 504, answer.failed);
            assert.match(answer.json.error, /did not answer within 0\.3 s/);
            assert.ok(Date.now() - begun < 3000, `took ${Date.now() - begun} ms`);
        });

        await check(
            "OctoPrint cutting its answer short: a failed request, not a hang",
            async () => {
                for (const path of [
                    "/api/access/cut",
                    "/api/access/cut-chunked",
                    "/api/access/silent-body"
                ]) {
                    const answer = await request(short.url, "GET", path);
                    assert.ok(answer.failed, `${path}: ${answer.status} ${answer.body}`);
                    assert.doesNotMatch(answer.failed, /no end within/, path);
                }
            }
        );

        await check(
            "in Chromium, a cut answer is a failed fetch, not a hang",
            async () => {
                const page = await browser.newPage();
                try {
                    await page.goto(short.url);
                    const outcome = await page.evaluate(
                        (wait) =>
                            Promise.race([
                                fetch("api/access/cut").then(
                                    (response) => response.text().then(() => "completed"),
                                    (error) => `failed: ${error}`
                                ),
                                new Promise((resolve) =>
                                    setTimeout(resolve, wait, "hung")
                                )
                            ]).catch((error) => `failed: ${error}`),
                        WAIT
                    );
                    assert.match(outcome, /^failed: TypeError/);
                } finally {
                    await page.close();
                }
            }
        );

        await check(
            "a browser going away: the request to OctoPrint goes too",
            async () => {
                const closed = [];
                const slow = await started(
                    await startFake((req) =>
                        req.socket.on("close", () => closed.push(req.url))
                    )
                );
                const patient = await started(
                    await startServer({port: 0, octoprint: slow.url})
                );
                const {hostname, port} = new URL(patient.url);
                const req = httpRequest({hostname, port, path: "/api/access/users"});
                req.on("error", () => {});
                req.end();
                const begun = Date.now();
                while (!slow.log.length && Date.now() - begun < WAIT)
                    await new Promise((resolve) => setTimeout(resolve, 10));
                req.destroy();
                while (!closed.length && Date.now() - begun < WAIT)
                    await new Promise((resolve) => setTimeout(resolve, 10));
                assert.deepEqual(closed, ["/api/access/users"]);
            }
        );

        await check(
            "a body over 1 MiB: 413, nothing forwarded; 1 MiB goes through",
            async () => {
                faulty.log.length = 0;
                const huge = Buffer.alloc(1024 * 1024 + 1, "a");
                for (const chunked of [false, true]) {
                    const answer = await request(short.url, "POST", "/api/access/users", {
                        body: huge,
                        chunked
                    });
                    assert.equal(answer.status, 413, `chunked: ${chunked}`);
                    assert.deepEqual(Object.keys(answer.json), ["error"]);
                }
                assert.equal(faulty.log.length, 0, "a large body was forwarded");
                const fits = await request(short.url, "POST", "/api/access/users", {
                    body: huge.subarray(1)
                });
                assert.equal(fits.status, 200);
                assert.equal(faulty.log[0]?.body.length, 1024 * 1024);
            }
        );

        await check("after the faults a normal request succeeds", async () => {
            const answer = await request(short.url, "GET", "/api/access/fine");
            assert.equal(answer.status, 200);
            assert.deepEqual(answer.json, {ok: true});
        });

        for (const socket of sockets) socket.destroy();

        // ~~ npm start

        await check(
            "a malformed OCTOPRINT_URL stops npm start at once, in one line",
            async () => {
                for (const [args, env] of [
                    [[], {OCTOPRINT_URL: "ftp://octopi.local"}],
                    [[], {OCTOPRINT_URL: "http://octopi.local/?apikey=1"}],
                    [[], {OCTOPRINT_URL: "octopi.local"}],
                    [[], {OCTOPRINT_URL: "http://admin:secret-pw@octopi.local/"}],
                    [[], {OCTOPRINT_URL: "http://octopi.local/#top"}],
                    [["--octoprint", "javascript:alert(1)"], {}],
                    [["--octoprint"], {}],
                    [["--proxy", "http://octopi.local"], {}]
                ]) {
                    const what = JSON.stringify([args, env]);
                    const {code, stdout, stderr} = await runMain(args, env).exited;
                    assert.equal(code, 1, `${what} exited with ${code}`);
                    assert.equal(stdout, "", `${what} printed ${stdout}`);
                    assert.equal(
                        stderr.trim().split("\n").length,
                        1,
                        `${what}: ${stderr}`
                    );
                    assert.ok(!stderr.includes("secret-pw"), "printed the password");
                }
            }
        );

        await check(
            "npm start -- --octoprint URL: forwards, says to which OctoPrint, prints no key",
            async () => {
                const upstream = await started(await startServer({port: 0, apikey: KEY}));
                const main = runMain(
                    ["--octoprint", upstream.url],
                    {
                        OCTOPRINT_APIKEY: "NOT-PRINTED-EITHER"
                    },
                    {
                        until: /open (http:\/\/127\.0\.0\.1:\d+\/)[^]*Press Ctrl\+C/
                    }
                );
                try {
                    const {match, out} = await main.started;
                    assert.ok(
                        out.stdout.includes(`Gateway to the OctoPrint at ${upstream.url}`)
                    );
                    const answer = await request(match[1], "GET", "/api/access/users", {
                        headers: {"X-Api-Key": KEY}
                    });
                    assert.equal(answer.status, 200);
                    assert.equal(answer.json.users[0].apikey, KEY);
                    const info = await request(match[1], "GET", "/console/server.json");
                    assert.deepEqual(info.json, {gateway: upstream.url});
                } finally {
                    const {stdout, stderr} = await main.stop();
                    assert.ok(!`${stdout}${stderr}`.includes(KEY), "printed an API key");
                    assert.ok(
                        !`${stdout}${stderr}`.includes("NOT-PRINTED"),
                        "printed a key"
                    );
                }
            }
        );

        await check(
            "no answer in this suite carried Access-Control-Allow-*",
            async () => {
                assert.ok(seen.length > 50, `${seen.length} answers`);
                const granted = seen.filter((headers) =>
                    Object.keys(headers).some((name) =>
                        name.startsWith("access-control-")
                    )
                );
                assert.equal(granted.length, 0);
            }
        );
    } finally {
        for (const server of closing.reverse()) await server.close();
    }

    console.log(`gateway: ${results.passed} passed, ${results.failed} failed`);
    return results;
}
