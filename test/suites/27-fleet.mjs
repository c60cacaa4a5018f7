// Fleet mode (`npm start -- --fleet FILE`, server/fleet.mjs) over real HTTP on 127.0.0.1. The
// upstreams are the fleet's embedded emulator (startEmulatedOctoPrint, with keys the test
// knows) and fakes that log what reaches them: one that refuses, one that never answers, ones
// that answer 401, 403 or 404, ones that echo keys back, ones that hold each answer 200 ms and
// count what is in flight. `npm start` itself runs as a child process for the fleet file, its
// mistakes and its output; the page runs in Chromium. One named check = one test.
/* global document, window, OctoPrintAccessClient -- in page.evaluate */
import assert from "node:assert/strict";
import {chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {Readable} from "node:stream";
import {pipeline} from "node:stream/promises";
import Ajv from "ajv";
import {startEmulatedOctoPrint, startServer} from "../../server/app.mjs";
import {FleetFileError, readFleetFile} from "../../server/fleet-file.mjs";
import {hideSecrets} from "../../server/gateway.mjs";
import {createSlots} from "../../server/slots.mjs";
import {checker} from "../checks.mjs";
import {send} from "../emulator-checks.mjs";
import {KEY, runTable} from "../emulator/table.mjs";
import {WAIT, requester, runMain, startFake} from "../servers.mjs";

const ROOT = new URL("../../", import.meta.url);
const SCHEMA = JSON.parse(readFileSync(new URL("docs/fleet.schema.json", ROOT), "utf8"));
const DOC = readFileSync(new URL("docs/fleet.md", ROOT), "utf8");
// ms before a child `npm start` that has not ended is killed: it is started on a machine
// that may be busy, and nothing here waits for it to time out.
const PATIENCE = 4 * WAIT;
const BROWSER_KEY = "BROWSER-SENT-API-KEY-0000"; // what a page might send: never forwarded
// The fleet's keys in this suite; none may reach a browser or the output.
const KEYS = {
    alpha: "ALPHA-FLEET-ADMIN-KEY-1111",
    beta: "BETA-FLEET-ADMIN-KEY-22222",
    echo1: "ECHO1-FLEET-ADMIN-KEY-3333",
    echo2: "ECHO2-FLEET-ADMIN-KEY-4444",
    locked: "LOCKED-FLEET-ADMIN-KEY-555",
    forbidden: "FORBIDDEN-FLEET-ADMIN-K-66",
    plain: "PLAIN-FLEET-ADMIN-KEY-7777",
    down: "DOWN-FLEET-ADMIN-KEY-88888",
    file: "FILE-INLINE-ADMIN-KEY-9999",
    env: "ENV-VARIABLE-ADMIN-KEY-000"
};
const ALL_KEYS = [KEY, ...Object.values(KEYS)];
const stars = (key) => "*".repeat(key.length);

const {request, seen, answers} = requester(); // every answer of a fleet server to this suite

/** The key of `ALL_KEYS` that `text` holds, or undefined. */
const keyIn = (text) => ALL_KEYS.find((key) => String(text).includes(key));

/** The cookie a sign-in link sets, as "name=value", after checking the answer's shape. */
async function signIn(server) {
    const answer = await request(server.url, "GET", `/${new URL(server.signIn).search}`);
    assert.equal(answer.status, 303, `sign-in: ${answer.status}`);
    return answer.headers["set-cookie"][0].split(";")[0];
}

/** A GET with the cookie. */
const get = (server, cookie, target, headers = {}) =>
    request(server.url, "GET", target, {headers: {Cookie: cookie, ...headers}});

/** A fake OctoPrint that answers /api/version as 1.10.3 and the rest with `answer`. */
const startOctoPrintFake = (answer) =>
    startFake((req, res, body) => {
        if (req.url.endsWith("/api/version")) {
            res.writeHead(200, {"Content-Type": "application/json"});
            res.end('{"api": "0.1", "server": "1.10.3", "text": "OctoPrint 1.10.3"}');
        } else answer(req, res, body);
    });

/** A fake answering every request with `status` and OctoPrint's kind of error body. */
const startRefusingFake = (status) =>
    startFake((req, res) => {
        res.writeHead(status, {"Content-Type": "application/json"});
        res.end('{"error": "You don\'t have the permission"}');
    });

/** What hideSecrets(keys) makes of `chunks` (Buffers), whole. */
async function throughMask(chunks, keys) {
    const out = [];
    await pipeline(Readable.from(chunks), hideSecrets(keys), async (source) => {
        for await (const chunk of source) out.push(chunk);
    });
    return Buffer.concat(out);
}

/** Runs `task` for each of `items`, a few at a time (npm start's children share 2 cores). */
async function inTurns(items, task, size = 4) {
    for (let at = 0; at < items.length; at += size)
        await Promise.all(items.slice(at, at + size).map(task));
}

/** Resolves after `ms`. */
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export default async function ({browser}) {
    const {results, check} = checker("fleet");
    const closing = [];
    const started = async (server) => (closing.push(server), server);
    const scratch = mkdtempSync(join(tmpdir(), "fleet-suite-"));

    try {
        // ~~ the pieces: slots and the schema

        await check(
            "slots: handed out first come, first served; abort leaves the queue",
            async () => {
                const slots = createSlots(2);
                const order = [];
                const releases = [];
                const waiting = [];
                const aborting = new AbortController();
                for (const id of [1, 2, 3, 4, 5]) {
                    const signal = id === 4 ? aborting.signal : undefined;
                    waiting.push(
                        slots.take(signal).then(
                            (release) => {
                                order.push(id);
                                releases.push(release);
                            },
                            (reason) => order.push(`${id} gave up: ${reason}`)
                        )
                    );
                }
                await pause(0);
                assert.deepEqual(order, [1, 2]);
                assert.equal(slots.used, 2);
                assert.equal(slots.waiting, 3);
                aborting.abort("aborted");
                await pause(0);
                assert.deepEqual(order, [1, 2, "4 gave up: aborted"]);
                releases[0]();
                releases[0](); // twice: gives back one slot only
                await pause(0);
                assert.deepEqual(order, [1, 2, "4 gave up: aborted", 3]);
                assert.equal(slots.used, 2);
                releases[1]();
                await Promise.all(waiting.slice(0, 4));
                await pause(0);
                assert.deepEqual(order, [1, 2, "4 gave up: aborted", 3, 5]);
                assert.equal(slots.waiting, 0);
            }
        );

        await check(
            "the mask: each key as many *, wherever the chunks break",
            async () => {
                const keys = [
                    "SECRET-KEY-ONE-0123",
                    "SECRET-KEY-ONE-0123-LONGER",
                    "KEY-TWO-456789012"
                ];
                const text = `a${keys[0]}b${keys[1]}c${keys[2]}${keys[2]}d SECRET-KEY-ONE e`;
                const wanted =
                    `a${stars(keys[0])}b${stars(keys[1])}c${stars(keys[2])}${stars(keys[2])}d ` +
                    "SECRET-KEY-ONE e";
                for (const size of [1, 2, 7, 19, text.length]) {
                    const chunks = [];
                    for (let at = 0; at < text.length; at += size)
                        chunks.push(Buffer.from(text.slice(at, at + size)));
                    assert.equal(
                        (await throughMask(chunks, keys)).toString(),
                        wanted,
                        `chunks of ${size}`
                    );
                }
                // Bytes that are not UTF-8 pass unchanged.
                const binary = Buffer.from([0xff, 0x00, 0xc3, 0x28]);
                assert.ok((await throughMask([binary], keys)).equals(binary));
            }
        );

        const ajv = new Ajv({allErrors: true});
        const validate = ajv.compile(SCHEMA);
        const docExample = JSON.parse(
            DOC.match(/## The fleet file\s+```json\n([^`]+)```/)[1]
        );
        // Fleet files the suite writes; each one `npm start` takes.
        const fixtures = {
            docs: docExample,
            inline: {
                servers: [{name: "a", url: "http://127.0.0.1:9/", apikey: KEYS.file}]
            },
            env: {
                servers: [
                    {
                        name: "b.2",
                        url: "https://printer.lan/octo/",
                        apikeyEnv: "FLEET_KEY"
                    }
                ]
            },
            emulated: {
                $schema: "./docs/fleet.schema.json",
                servers: [
                    {name: "x_1", emulate: "1.10"},
                    {name: "X-2", emulate: "1.11"},
                    {name: "y", emulate: "2.0"}
                ]
            }
        };

        await check(
            "the schema (docs/fleet.schema.json) takes the docs' example and the test files",
            async () => {
                assert.equal(docExample.servers.length, 3);
                for (const [name, file] of Object.entries(fixtures))
                    assert.ok(
                        validate(file),
                        `${name}: ${ajv.errorsText(validate.errors)}`
                    );
            }
        );

        await check("the schema refuses what npm start refuses", async () => {
            const server = {name: "a", url: "http://a.lan/", apikey: KEYS.file};
            const refused = {
                "no servers": {servers: []},
                "unknown top member": {servers: [server], server: []},
                "unknown member": {servers: [{...server, api_key: "x"}]},
                "no name": {servers: [{url: server.url, apikey: server.apikey}]},
                "a space in the name": {servers: [{...server, name: "a b"}]},
                "..": {servers: [{...server, name: ".."}]},
                "33 characters": {servers: [{...server, name: "a".repeat(33)}]},
                "url and emulate": {servers: [{...server, emulate: "2.0"}]},
                "neither": {servers: [{name: "a"}]},
                "no key": {servers: [{name: "a", url: server.url}]},
                "both keys": {servers: [{...server, apikeyEnv: "K"}]},
                "a short key": {servers: [{...server, apikey: "short"}]},
                "a key with a quote": {
                    servers: [{...server, apikey: 'abcdefgh"ijklmnop'}]
                },
                "emulate with a key": {
                    servers: [{name: "a", emulate: "2.0", apikey: KEY}]
                },
                "an unknown version": {servers: [{name: "a", emulate: "3.0"}]},
                "ftp": {servers: [{...server, url: "ftp://a.lan/"}]},
                "a password": {servers: [{...server, url: "http://u:p@a.lan/"}]},
                "a query": {servers: [{...server, url: "http://a.lan/?x=1"}]},
                "a bad variable name": {
                    servers: [{name: "a", url: server.url, apikeyEnv: "1X"}]
                }
            };
            for (const [what, file] of Object.entries(refused))
                assert.equal(validate(file), false, what);
        });

        // ~~ the fleet file: every mistake stops npm start in one line

        const write = (name, content, mode = 0o600) => {
            const file = join(scratch, name);
            writeFileSync(
                file,
                typeof content === "string" ? content : JSON.stringify(content)
            );
            chmodSync(file, mode);
            return file;
        };

        await check(
            "every fleet-file mistake: exit code 1, one line naming the entry",
            async () => {
                const ok = {name: "ok", url: "http://ok.lan/", apikey: KEYS.file};
                const missing = join(scratch, "missing.json");
                const cases = [
                    [
                        {file: missing},
                        `Cannot read the fleet file ${missing}: there is no such file`
                    ],
                    [
                        {
                            json: '{\n  "servers": [\n    {"name": "a"}\n    {"name": "b"}\n  ]\n}'
                        },
                        'not valid JSON: expected "," or "]" at line 4, column 5'
                    ],
                    [
                        {json: `{"servers": [{"apikey": "${KEYS.file}",}]}`},
                        "not valid JSON: expected a name in quotes at line 1, column 54"
                    ],
                    [{json: ""}, "not valid JSON: unexpected end at line 1, column 1"],
                    [{json: "[]"}, 'the top level must be an object: {"servers": [...]}'],
                    [
                        {servers: [ok], printers: []},
                        'unknown member "printers" (allowed: $schema, servers)'
                    ],
                    [{}, '"servers" must be a list of servers'],
                    [{servers: {}}, '"servers" must be a list of servers'],
                    [{servers: []}, '"servers" lists no server'],
                    [{servers: [ok, "b"]}, "servers[1]: must be an object"],
                    [
                        {servers: [{url: "http://a.lan/", apikey: KEYS.file}]},
                        'servers[0]: "name" is missing'
                    ],
                    [
                        {servers: [{...ok, name: "my printer"}]},
                        'servers[0]: the name "my printer" is not 1 to 32 of A-Z a-z 0-9 . _ - (nor "." or "..")'
                    ],
                    [
                        {servers: [{...ok, name: ".."}]},
                        'servers[0]: the name ".." is not 1 to 32 of A-Z a-z 0-9 . _ - (nor "." or "..")'
                    ],
                    [
                        {servers: [{...ok, name: "p".repeat(33)}]},
                        `servers[0]: the name "${"p".repeat(33)}" is not 1 to 32 of A-Z a-z 0-9 . _ - (nor "." or "..")`
                    ],
                    [
                        {
                            servers: [
                                ok,
                                {name: "e", emulate: "2.0"},
                                {...ok, url: "http://b.lan/"}
                            ]
                        },
                        'servers[2]: the name "ok" is taken by servers[0]'
                    ],
                    [
                        {servers: [{...ok, api_key: KEYS.file}]},
                        'server "ok": unknown member "api_key" (allowed: name, url, apikey, apikeyEnv, emulate)'
                    ],
                    [
                        {servers: [{...ok, emulate: "2.0"}]},
                        'server "ok": give "url" or "emulate", not both'
                    ],
                    [
                        {servers: [{name: "ok"}]},
                        'server "ok": give "url" (a real OctoPrint) or "emulate" (an embedded emulator)'
                    ],
                    [
                        {servers: [{name: "e", emulate: "2.1"}]},
                        'server "e": "emulate" must be one of "1.10", "1.11", "2.0", not "2.1"'
                    ],
                    [
                        {servers: [{name: "e", emulate: "2.0", apikey: KEYS.file}]},
                        'server "e": an emulated server makes its own key: leave out apikey'
                    ],
                    [
                        {servers: [{...ok, url: 42}]},
                        'server "ok": "url" must be a string'
                    ],
                    [
                        {servers: [{...ok, url: "ftp://ok.lan/"}]},
                        'server "ok": url must be an http:// or https:// URL, not ftp:'
                    ],
                    [
                        {servers: [{...ok, url: "http://admin:secret-pw@ok.lan/"}]},
                        'server "ok": url must not contain a user name or password: connect with an API key'
                    ],
                    [
                        {servers: [{...ok, url: "http://ok.lan/?apikey=1"}]},
                        'server "ok": url must not have a query: "http://ok.lan/?apikey=1"'
                    ],
                    [
                        {servers: [{...ok, url: "ok.lan"}]},
                        'server "ok": url is not a URL: "ok.lan" (e.g. http://octopi.local)'
                    ],
                    [
                        {servers: [ok, {...ok, name: "again", url: "http://OK.lan"}]},
                        'server "again": the same url as server "ok"'
                    ],
                    [
                        {servers: [{name: "ok", url: "http://ok.lan/"}]},
                        'server "ok": missing key: give "apikey" or "apikeyEnv"'
                    ],
                    [
                        {servers: [{...ok, apikeyEnv: "FLEET_KEY"}]},
                        'server "ok": give "apikey" or "apikeyEnv", not both'
                    ],
                    [
                        {servers: [{...ok, apikey: "SHORT-KEY"}]},
                        'server "ok": "apikey" is not an API key (16 or more visible ASCII characters, no spaces, quotes or backslashes)'
                    ],
                    [
                        {servers: [{...ok, apikey: `${KEYS.file} `}]},
                        'server "ok": "apikey" is not an API key (16 or more visible ASCII characters, no spaces, quotes or backslashes)'
                    ],
                    [
                        {
                            servers: [
                                {
                                    name: "ok",
                                    url: "http://ok.lan/",
                                    apikeyEnv: "FLEET-KEY"
                                }
                            ]
                        },
                        'server "ok": "apikeyEnv" must name an environment variable (A-Z a-z 0-9 _), not "FLEET-KEY"'
                    ],
                    [
                        {
                            servers: [
                                {
                                    name: "ok",
                                    url: "http://ok.lan/",
                                    apikeyEnv: "NOT_SET_HERE"
                                }
                            ]
                        },
                        'server "ok": the environment variable NOT_SET_HERE is not set'
                    ],
                    [
                        {
                            servers: [
                                {
                                    name: "ok",
                                    url: "http://ok.lan/",
                                    apikeyEnv: "FLEET_KEY"
                                }
                            ]
                        },
                        'server "ok": the environment variable FLEET_KEY does not hold an API key (16 or more visible ASCII characters, no spaces, quotes or backslashes)',
                        {FLEET_KEY: "too short"}
                    ]
                ];
                assert.ok(cases.length >= 30);
                // Each one read here; every third one (each kind of mistake among them) by
                // npm start too, half of those by flag, half by variable.
                const runs = [];
                for (const [n, [content, message, env = {}]] of cases.entries()) {
                    const file =
                        content.file ??
                        write(`mistake-${n}.json`, content.json ?? content);
                    const line = content.file ? message : `${file}: ${message}`;
                    assert.throws(
                        () => readFleetFile(file, {NOT_SET_HERE: "", ...env}),
                        (error) =>
                            error instanceof FleetFileError && error.message === line,
                        line
                    );
                    if (n % 3 === 0) runs.push({file, line, env, byFlag: n % 2 === 0});
                }
                await inTurns(runs, async ({file, line, env, byFlag}) => {
                    const {code, stdout, stderr} = await runMain(
                        byFlag ? ["--fleet", file] : [],
                        {
                            NOT_SET_HERE: "",
                            ...(byFlag ? {} : {OCTOPRINT_FLEET: file}),
                            ...env
                        },
                        {wait: PATIENCE}
                    ).exited;
                    assert.equal(code, 1, `${line}: exited with ${code}`);
                    assert.equal(stdout, "", `${line}: printed ${stdout}`);
                    assert.equal(stderr, `${line}\n`);
                    assert.equal(keyIn(stderr), undefined, `${line}: shows a key`);
                    assert.ok(!stderr.includes("secret-pw"), "shows a password");
                });
            }
        );

        await check("wrong arguments: exit code 1, one line", async () => {
            const file = write("args.json", fixtures.emulated);
            const cases = [
                [["--fleet"], {}, /^Option '--fleet <value>' argument missing/],
                [
                    ["--demo-fleet=0"],
                    {},
                    /^--demo-fleet=N takes a whole number from 1 to 100, not "0"$/
                ],
                [
                    ["--demo-fleet=many"],
                    {},
                    /^--demo-fleet=N takes a whole number from 1 to 100, not "many"$/
                ],
                [
                    ["--demo-fleet=101"],
                    {},
                    /^--demo-fleet=N takes a whole number from 1 to 100/
                ],
                [
                    ["--fleet", file, "--octoprint", "http://a.lan"],
                    {},
                    /^Give one of --octoprint, --fleet, not 2$/
                ],
                [
                    ["--fleet", file, "--demo-fleet"],
                    {},
                    /^Give one of --fleet, --demo-fleet, not 2$/
                ],
                [
                    [],
                    {OCTOPRINT_FLEET: file, OCTOPRINT_URL: "http://a.lan"},
                    /^Set one of OCTOPRINT_URL, OCTOPRINT_FLEET, not both$/
                ],
                [
                    ["--demo-fleet", "--per-server", "0"],
                    {},
                    /^--per-server must be a whole number from 1, not "0"$/
                ],
                [
                    ["--demo-fleet", "--in-flight", "2.5"],
                    {},
                    /^--in-flight must be a whole number from 1, not "2.5"$/
                ],
                [
                    ["--demo-fleet", "--timeout", "0"],
                    {},
                    /^--timeout must be a number of seconds above 0/
                ],
                [
                    ["--demo-fleet", "--probe-timeout", "x"],
                    {},
                    /^--probe-timeout must be a number of seconds/
                ],
                [
                    ["--per-server", "2"],
                    {},
                    /^--per-server is for a fleet \(--fleet FILE or --demo-fleet\)$/
                ]
            ];
            await inTurns(cases, ([args, env, expected]) =>
                runMain(args, env, {wait: PATIENCE}).exited.then(
                    ({code, stdout, stderr}) => {
                        const what = args.join(" ") || JSON.stringify(env);
                        assert.equal(code, 1, `${what}: exited with ${code}`);
                        assert.equal(stdout, "", what);
                        assert.equal(
                            stderr.trim().split("\n").length,
                            1,
                            `${what}: ${stderr}`
                        );
                        assert.match(stderr.trim(), expected, what);
                    }
                )
            );
        });

        await check(
            "the limits' options reach the fleet; a timeout under 1 ms is 1 ms, never none",
            async () => {
                const main = runMain(
                    [
                        "--demo-fleet=1",
                        "--per-server=2",
                        "--in-flight=3",
                        "--timeout=0.0001"
                    ],
                    {},
                    {until: /Press Ctrl\+C/, wait: PATIENCE}
                );
                try {
                    const {out} = await main.started;
                    assert.match(
                        out.stdout,
                        /\nFleet of 1 \(--demo-fleet\); at most 2 requests in flight to each server and 3 in all, 0\.001 s timeout:\n/
                    );
                } finally {
                    await main.stop();
                }
            }
        );

        // ~~ npm start -- --fleet FILE: keys inline and from a variable, the warning, the output

        const fileUpstream = await started(
            await startEmulatedOctoPrint({version: "1.11", apikey: KEYS.file})
        );
        const envUpstream = await started(
            await startEmulatedOctoPrint({version: "2.0", apikey: KEYS.env})
        );
        const fleetFile = {
            servers: [
                {name: "inline", url: fileUpstream.url, apikey: KEYS.file},
                {name: "from-env", url: envUpstream.url, apikeyEnv: "FLEET_SUITE_KEY"},
                {name: "embedded", emulate: "2.0"}
            ]
        };
        const until =
            /open (http:\/\/127\.0\.0\.1:\d+\/)\?token=([\w-]+)\n[^]*Press Ctrl\+C/;

        await check(
            "npm start --fleet: apikeyEnv read, every server reachable, the output holds no key",
            async () => {
                assert.ok(validate(fleetFile), ajv.errorsText(validate.errors));
                const file = write("fleet.json", fleetFile);
                const main = runMain(
                    ["--fleet", file],
                    {FLEET_SUITE_KEY: KEYS.env},
                    {until, wait: PATIENCE}
                );
                let output;
                try {
                    const {match} = await main.started;
                    const [, url, token] = match;
                    const server = {url, signIn: `${url}?token=${token}`};
                    const cookie = await signIn(server);
                    const list = await get(server, cookie, "/fleet/servers");
                    assert.equal(list.status, 200);
                    assert.deepEqual(
                        list.json.map(({name, version, reachable, error}) => [
                            name,
                            version,
                            reachable,
                            error
                        ]),
                        [
                            ["inline", "1.11", true, null],
                            ["from-env", "2.0", true, null],
                            ["embedded", "2.0", true, null]
                        ]
                    );
                    assert.deepEqual(
                        list.json.map((entry) => [entry.url, entry.emulated]),
                        [
                            [fileUpstream.url, null],
                            [envUpstream.url, null],
                            [list.json[2].url, "2.0"]
                        ]
                    );
                    assert.match(list.json[2].url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
                    for (const name of ["inline", "from-env", "embedded"]) {
                        const users = await get(
                            server,
                            cookie,
                            `/fleet/${name}/api/access/users`,
                            {
                                "X-Api-Key": BROWSER_KEY
                            }
                        );
                        assert.equal(users.status, 200, name);
                        assert.equal(users.json.users[0].name, "admin", name);
                    }
                    // Failures are not logged with keys either.
                    await get(server, cookie, "/fleet/inline/api/settings");
                    await get(server, cookie, "/fleet/nobody/api/access/users");
                } finally {
                    output = await main.stop();
                }
                assert.match(
                    output.stdout,
                    /^OctoPrint fleet console: open http:\/\/127\.0\.0\.1:\d+\/\?token=/
                );
                assert.match(
                    output.stdout,
                    / {2}from-env {2}http:\/\/127\.0\.0\.1:\d+\/\n/
                );
                assert.match(
                    output.stdout,
                    / {2}embedded {2}embedded emulator, OctoPrint 2\.0's rules\n/
                );
                assert.equal(output.stderr, "", "a warning or an error");
                assert.equal(
                    keyIn(output.stdout + output.stderr),
                    undefined,
                    "printed a key"
                );
                // The embedded emulator's key is random: OctoPrint's kind, 32 hex digits.
                assert.doesNotMatch(output.stdout, /\b[0-9A-F]{32}\b/);
            }
        );

        await check(
            "a file with inline keys that others can read: a warning, as ssh gives",
            async () => {
                const loose = write("loose.json", fixtures.inline, 0o644);
                const shared = write("shared.json", fixtures.inline, 0o640);
                const tight = write("tight.json", fixtures.inline, 0o600);
                const envOnly = write("env-only.json", fixtures.env, 0o644);
                const outputs = await Promise.all(
                    [loose, shared, tight, envOnly].map(async (file) => {
                        const main = runMain(
                            ["--fleet", file],
                            {FLEET_KEY: KEYS.env},
                            {until, wait: PATIENCE}
                        );
                        await main.started;
                        return (await main.stop()).stderr;
                    })
                );
                const warning = (file, mode) =>
                    `Warning: ${file} holds API keys and others can read it (permissions ${mode}): ` +
                    `chmod 600 ${file}, or move the keys into environment variables (apikeyEnv)\n`;
                assert.deepEqual(outputs, [
                    warning(loose, "0644"),
                    warning(shared, "0640"),
                    "",
                    ""
                ]);
            }
        );

        // ~~ the emulator's table through /fleet/<name>/, byte for byte as directly

        const tableUpstream = await started(await startEmulatedOctoPrint({apikey: KEY}));
        const tableFleet = await started(
            await startServer({
                port: 0,
                fleet: [{name: "emu", url: tableUpstream.url, apikey: KEY}]
            })
        );
        const tableCookie = await signIn(tableFleet);
        const direct = [];
        const reference = await started(await startServer({port: 0, apikey: KEY}));
        await runTable({
            api: async (method, path, options = {}) => {
                const answer = await send(reference.url, method, `/api/access/${path}`, {
                    key: KEY,
                    ...options
                });
                if ((options.key === undefined ? KEY : options.key) === KEY)
                    direct.push({what: `${method} ${path}`, answer});
                return answer;
            },
            check: checker("fleet: reference run, directly").check
        });
        const via = [];
        const table = checker("fleet: emulator table through /fleet/emu/");
        await runTable({
            api: async (method, path, options = {}) => {
                const key = options.key === undefined ? KEY : options.key;
                // The fleet sends its own key for every request: the table's requests with
                // another key (or none) go straight to the emulator, sharing its state.
                if (key !== KEY)
                    return send(tableUpstream.url, method, `/api/access/${path}`, {
                        ...options,
                        key
                    });
                const answer = await send(
                    tableFleet.url,
                    method,
                    `/fleet/emu/api/access/${path}`,
                    {
                        ...options,
                        key: BROWSER_KEY, // dropped: the answer is the admin's, not a 403
                        headers: {...options.headers, Cookie: tableCookie}
                    }
                );
                via.push({what: `${method} ${path}`, answer});
                // The page never sees the admin's key: the fleet masks it. The table checks
                // it in the users list, so it gets it back here; the byte-for-byte check
                // below compares what really came.
                const text = answer.text.split(stars(KEY)).join(KEY);
                let json;
                try {
                    json = JSON.parse(text);
                } catch {
                    json = undefined;
                }
                return {...answer, text, json};
            },
            check: table.check
        });
        results.passed += table.results.passed;
        results.failed += table.results.failed;
        console.log(
            `fleet: emulator table through /fleet/emu/: ${table.results.passed} passed, ${table.results.failed} failed`
        );

        await check(
            "through /fleet/<name>/, each answer byte for byte as directly, the key masked",
            async () => {
                assert.equal(via.length, direct.length, "not the same requests");
                const masked = (answer, key) => ({
                    status: answer.status,
                    type: answer.headers["content-type"],
                    length: answer.headers["content-length"],
                    allow: answer.headers.allow,
                    text: answer.text
                        .split(key)
                        .join(stars(KEY))
                        .replace(/\b[0-9A-F]{32}\b/g, "<random key>")
                });
                let withKey = 0;
                for (const [i, {what, answer}] of via.entries()) {
                    assert.equal(what, direct[i].what);
                    assert.deepEqual(
                        masked(answer, KEY),
                        masked(direct[i].answer, KEY),
                        what
                    );
                    assert.equal(
                        keyIn(answer.text),
                        undefined,
                        `${what}: a key in the answer`
                    );
                    if (answer.text.includes(stars(KEY))) withKey += 1;
                }
                assert.ok(via.length > 100, `only ${via.length} answers compared`);
                assert.ok(
                    withKey > 10,
                    `the admin's key masked in only ${withKey} answers`
                );
            }
        );

        // ~~ the main fleet: emulators and fakes

        const alpha = await started(
            await startEmulatedOctoPrint({
                version: "1.10",
                apikey: KEYS.alpha,
                users: [{name: "jane", password: "pw-jane", groups: ["users"]}]
            })
        );
        const beta = await started(
            await startEmulatedOctoPrint({
                version: "2.0",
                apikey: KEYS.beta,
                users: [{name: "joe", password: "pw-joe", active: false}]
            })
        );
        // Echo what reached them, with the other's key and their own in the answer.
        const echo = (other) => (req, res) => {
            const own = req.headers["x-api-key"];
            const body = `{"url": ${JSON.stringify(req.url)}, "key": "${own}", "other": "${other}"}`;
            res.writeHead(200, {
                "Content-Type": "application/json",
                "X-Echo-Key": String(own),
                "Access-Control-Allow-Origin": "*",
                "Set-Cookie": `k=${own}`
            });
            // The key split across two writes: the mask must see it whole.
            const cut = body.indexOf(String(own)) + 5;
            res.write(body.slice(0, cut));
            setTimeout(() => res.end(body.slice(cut)), 20);
        };
        const echo1 = await started(await startOctoPrintFake(echo(KEYS.echo2)));
        const echo2 = await started(await startOctoPrintFake(echo(KEYS.echo1)));
        const locked = await started(await startRefusingFake(401));
        const forbidden = await started(await startRefusingFake(403));
        const plain = await started(
            await startFake((req, res) => {
                res.writeHead(404, {"Content-Type": "text/html"});
                res.end("<h1>Not Found</h1>");
            })
        );
        const gone = await startFake();
        await gone.close(); // its port now refuses

        const fleet = await started(
            await startServer({
                port: 0,
                fleet: [
                    {name: "alpha", url: alpha.url, apikey: KEYS.alpha},
                    {name: "beta", url: beta.url, apikey: KEYS.beta},
                    {name: "echo1", url: echo1.url, apikey: KEYS.echo1},
                    {name: "echo2", url: `${echo2.url}octo/print/`, apikey: KEYS.echo2},
                    {name: "locked", url: locked.url, apikey: KEYS.locked},
                    {name: "forbidden", url: forbidden.url, apikey: KEYS.forbidden},
                    {name: "plain", url: plain.url, apikey: KEYS.plain},
                    {name: "down", url: gone.url, apikey: KEYS.down}
                ]
            })
        );
        const port = new URL(fleet.url).port;

        // ~~ the token

        await check(
            "without the cookie: 401 on every /fleet/ path; no server sees a thing",
            async () => {
                const logs = [echo1, echo2, locked, forbidden, plain];
                for (const fake of logs) fake.log.length = 0;
                const paths = [
                    "/fleet/servers",
                    "/fleet/servers?token=" + fleet.token,
                    "/fleet/alpha/api/access/users",
                    "/fleet/echo1/api/access/users",
                    "/fleet/echo1/static/js/lib/lodash.min.js",
                    "/fleet/echo1/api/settings",
                    "/fleet/nobody/api/access/users",
                    "/fleet/",
                    "/fleet"
                ];
                const cookies = [
                    undefined,
                    `octoprint-fleet-${port}=wrong`,
                    `octoprint-fleet-${port}=`,
                    `octoprint-fleet-${Number(port) + 1}=${fleet.token}`,
                    `other=${fleet.token}`
                ];
                for (const path of paths) {
                    for (const cookie of cookies) {
                        for (const method of ["GET", "POST", "DELETE"]) {
                            const answer = await request(fleet.url, method, path, {
                                headers: {
                                    ...(cookie ? {Cookie: cookie} : {}),
                                    "X-Api-Key": KEYS.echo1
                                }
                            });
                            assert.equal(
                                answer.status,
                                401,
                                `${method} ${path} ${cookie}`
                            );
                            assert.match(answer.json.error, /^Not signed in/);
                        }
                    }
                }
                for (const fake of logs)
                    assert.deepEqual(fake.log, [], "a server saw a request");
            }
        );

        await check("a wrong token: 401 and no cookie", async () => {
            for (const token of [
                "wrong",
                "",
                fleet.token.slice(1),
                `${fleet.token}x`,
                fleet.token.toLowerCase()
            ]) {
                const answer = await request(
                    fleet.url,
                    "GET",
                    `/?token=${encodeURIComponent(token)}`
                );
                assert.equal(answer.status, 401, token);
                assert.equal(answer.headers["set-cookie"], undefined, token);
                assert.match(answer.body.toString(), /open the link npm start printed/);
            }
        });

        let cookie;
        await check(
            "the right token: an HttpOnly, SameSite=Strict cookie and a redirect without it",
            async () => {
                const answer = await request(fleet.url, "GET", `/?token=${fleet.token}`);
                assert.equal(answer.status, 303);
                assert.equal(answer.headers.location, "/");
                const [set] = answer.headers["set-cookie"];
                const [pair, ...flags] = set.split(/;\s*/);
                assert.equal(pair, `octoprint-fleet-${port}=${fleet.token}`);
                assert.deepEqual(flags.map((flag) => flag.toLowerCase()).sort(), [
                    "httponly",
                    "path=/",
                    "samesite=strict"
                ]);
                cookie = pair;
                assert.equal((await get(fleet, cookie, "/fleet/servers")).status, 200);
                // Another page keeps its path; never a redirect off this server.
                const other = await request(
                    fleet.url,
                    "GET",
                    `/index.html?token=${fleet.token}&x=1`
                );
                assert.equal(other.headers.location, "/index.html");
                const away = await request(
                    fleet.url,
                    "GET",
                    `//evil.example?token=${fleet.token}`
                );
                assert.equal(away.headers.location, "/");
                assert.equal(fleet.token.length, 43, "32 random bytes, base64url");
                assert.match(
                    fleet.signIn,
                    new RegExp(`^http://127\\.0\\.0\\.1:${port}/\\?token=${fleet.token}$`)
                );
            }
        );

        await check("the page needs no cookie; the fleet's data does", async () => {
            for (const path of [
                "/",
                "/index.html",
                "/console/fleet/main.js",
                "/dist/octoprint-access.js"
            ]) {
                assert.equal((await request(fleet.url, "GET", path)).status, 200, path);
            }
            const page = await request(fleet.url, "GET", "/");
            assert.match(page.body.toString(), /console\/fleet\/main\.js/);
            assert.equal(
                (await request(fleet.url, "GET", "/api/access/users")).status,
                404,
                "no emulator in fleet mode"
            );
        });

        await check("Host and Origin guards: 403 in fleet mode too", async () => {
            const foreign = await get(fleet, cookie, "/fleet/servers", {
                Host: `evil.example:${port}`
            });
            assert.equal(foreign.status, 403);
            const origin = await request(
                fleet.url,
                "POST",
                "/fleet/alpha/api/access/users",
                {
                    headers: {
                        Cookie: cookie,
                        Origin: "http://evil.example",
                        "Content-Type": "text/plain"
                    },
                    body: "{}"
                }
            );
            assert.equal(origin.status, 403);
            const own = await get(fleet, cookie, "/fleet/servers", {
                Origin: `http://127.0.0.1:${port}`
            });
            assert.equal(own.status, 200);
        });

        // ~~ /fleet/servers and faults

        await check(
            "GET /fleet/servers: version, reachable, the reason in words",
            async () => {
                echo2.log.length = 0;
                const answer = await get(fleet, cookie, "/fleet/servers");
                assert.equal(answer.status, 200);
                assert.deepEqual(answer.json, [
                    {
                        name: "alpha",
                        url: alpha.url,
                        emulated: null,
                        version: "1.10",
                        reachable: true,
                        error: null
                    },
                    {
                        name: "beta",
                        url: beta.url,
                        emulated: null,
                        version: "2.0",
                        reachable: true,
                        error: null
                    },
                    {
                        name: "echo1",
                        url: echo1.url,
                        emulated: null,
                        version: "1.10.3",
                        reachable: true,
                        error: null
                    },
                    {
                        name: "echo2",
                        url: `${echo2.url}octo/print/`,
                        emulated: null,
                        version: "1.10.3",
                        reachable: true,
                        error: null
                    },
                    {
                        name: "locked",
                        url: locked.url,
                        emulated: null,
                        version: null,
                        reachable: false,
                        error: "key rejected (401)"
                    },
                    {
                        name: "forbidden",
                        url: forbidden.url,
                        emulated: null,
                        version: null,
                        reachable: false,
                        error: "key rejected (403)"
                    },
                    {
                        name: "plain",
                        url: plain.url,
                        emulated: null,
                        version: null,
                        reachable: false,
                        error: "not an OctoPrint (404 for /api/version)"
                    },
                    {
                        name: "down",
                        url: gone.url,
                        emulated: null,
                        version: null,
                        reachable: false,
                        error: "connection refused"
                    }
                ]);
                assert.deepEqual(
                    echo2.log.map((entry) => entry.url),
                    ["/octo/print/api/version"]
                );
                const head = await request(fleet.url, "HEAD", "/fleet/servers", {
                    headers: {Cookie: cookie}
                });
                assert.equal(head.status, 200);
                const post = await request(fleet.url, "POST", "/fleet/servers", {
                    headers: {Cookie: cookie}
                });
                assert.equal(post.status, 405);
            }
        );

        await check(
            "a server that refuses: 502 with what happened; the others answer",
            async () => {
                const answer = await get(fleet, cookie, "/fleet/down/api/access/users");
                assert.equal(answer.status, 502);
                assert.ok(
                    answer.json.error.startsWith(
                        `OctoPrint "down" at ${gone.url} is not reachable: `
                    ),
                    answer.json.error
                );
                assert.match(answer.json.error, /ECONNREFUSED/);
                assert.equal(
                    (await get(fleet, cookie, "/fleet/alpha/api/access/users")).status,
                    200
                );
            }
        );

        await check("a server that rejects the key: its 401 comes through", async () => {
            const answer = await get(fleet, cookie, "/fleet/locked/api/access/users");
            assert.equal(answer.status, 401);
        });

        // ~~ forwarding and keys

        await check(
            "refused paths: 404 from the fleet; the server sees nothing",
            async () => {
                for (const fake of [echo1, echo2]) fake.log.length = 0;
                const refused = [
                    ["GET", "/fleet/echo1/api/settings"],
                    ["POST", "/fleet/echo1/api/system/commands/core/shutdown"],
                    ["GET", "/fleet/echo1/api/version"],
                    ["POST", "/fleet/echo1/api/login"],
                    ["GET", "/fleet/echo1/api"],
                    ["GET", "/fleet/echo1/api/access"],
                    ["GET", "/fleet/echo1/plugin/softwareupdate/check"],
                    ["GET", "/fleet/echo1/static/js/app/client/access.js"],
                    ["POST", "/fleet/echo1/static/js/app/client/base.js"],
                    ["GET", "/fleet/echo1/api/access/../settings"],
                    ["GET", "/fleet/echo1/api/access/%2e%2e/settings"],
                    ["GET", "/fleet/echo1/api/access/users/..%2f..%2f..%2fsettings"],
                    ["GET", "/fleet/echo1/api/access/%252e%252e/settings"],
                    [
                        "GET",
                        "/fleet/echo1/static/js/app/client/..%2f..%2f..%2fapi/settings"
                    ],
                    ["GET", "/fleet/echo1//api/access/users"],
                    ["GET", "/fleet/echo1/"],
                    ["GET", "/fleet/echo1"],
                    ["GET", "/fleet/echo1?x=/api/access/users"],
                    ["GET", "/fleet/ECHO1/api/access/users"],
                    ["GET", "/fleet/echo%31/api/access/users"],
                    ["GET", "/fleet/./echo1/api/access/users"],
                    ["GET", "/fleet/nobody/api/access/users"],
                    ["GET", "/fleet/servers/api/access/users"],
                    ["GET", "/fleet//api/access/users"],
                    ["GET", "/fleet/echo2/api/settings"]
                ];
                for (const [method, target] of refused) {
                    const answer = await request(fleet.url, method, target, {
                        headers: {Cookie: cookie}
                    });
                    assert.equal(
                        answer.status,
                        404,
                        `${method} ${target}: ${answer.status}`
                    );
                }
                assert.deepEqual(
                    [...echo1.log, ...echo2.log].map((r) => r.url),
                    [],
                    "a server saw requests"
                );
            }
        );

        await check(
            "/api/access/ (any method, byte for byte) and GET of the 3 scripts go through",
            async () => {
                echo1.log.length = 0;
                echo2.log.length = 0;
                const targets = [
                    ["GET", "/api/access/users/jane%20doe%23%C3%BC?x=%2F&y=a+b%20c"],
                    ["PUT", "/api/access/users/a+b"],
                    ["PATCH", "/api/access/users/x%2Fy/settings"],
                    ["DELETE", "/api/access/groups/qa%20team"],
                    ["POST", "/api/access/users/%252e%2e%2e"],
                    ["OPTIONS", "/api/access/users"],
                    ["GET", "/static/js/lib/jquery/jquery.min.js"],
                    ["GET", "/static/js/lib/lodash.min.js"],
                    ["GET", "/static/js/app/client/base.js?v=1"]
                ];
                for (const [method, target] of targets) {
                    for (const name of ["echo1", "echo2"]) {
                        const answer = await request(
                            fleet.url,
                            method,
                            `/fleet/${name}${target}`,
                            {
                                headers: {Cookie: cookie}
                            }
                        );
                        assert.equal(answer.status, 200, `${method} ${name}${target}`);
                    }
                }
                assert.deepEqual(
                    echo1.log.map((r) => [r.method, r.url]),
                    targets
                );
                assert.deepEqual(
                    echo2.log.map((r) => [r.method, r.url]),
                    targets.map(([method, target]) => [method, `/octo/print${target}`])
                );
            }
        );

        await check("a body over 1 MiB: 413, nothing forwarded", async () => {
            echo1.log.length = 0;
            const answer = await request(
                fleet.url,
                "POST",
                "/fleet/echo1/api/access/users",
                {
                    headers: {Cookie: cookie},
                    body: Buffer.alloc(1024 * 1024 + 1, "a")
                }
            );
            assert.equal(answer.status, 413);
            assert.equal(echo1.log.length, 0);
        });

        await check(
            "the browser's X-Api-Key never reaches a server; each sees only its own key",
            async () => {
                for (const fake of [echo1, echo2]) fake.log.length = 0;
                for (const name of ["echo1", "echo2"]) {
                    for (const key of [BROWSER_KEY, KEYS.echo1, KEYS.echo2, undefined]) {
                        const answer = await request(
                            fleet.url,
                            "PUT",
                            `/fleet/${name}/api/access/users/x`,
                            {
                                headers: {
                                    Cookie: cookie,
                                    "Content-Type": "application/json",
                                    ...(key ? {"X-Api-Key": key} : {})
                                },
                                body: "{}"
                            }
                        );
                        assert.equal(answer.status, 200);
                    }
                }
                for (const [fake, own, other] of [
                    [echo1, KEYS.echo1, KEYS.echo2],
                    [echo2, KEYS.echo2, KEYS.echo1]
                ]) {
                    assert.equal(fake.log.length, 4);
                    for (const {headers} of fake.log) {
                        assert.equal(headers["x-api-key"], own);
                        const all = JSON.stringify(headers);
                        assert.ok(
                            !all.includes(BROWSER_KEY),
                            "the browser's key arrived"
                        );
                        assert.ok(!all.includes(other), "another server's key arrived");
                        assert.ok(!all.includes(fleet.token), "the token arrived");
                    }
                }
            }
        );

        await check("a key in a server's answer reaches the browser masked", async () => {
            const answer = await get(fleet, cookie, "/fleet/echo1/api/access/users");
            assert.equal(answer.status, 200);
            assert.deepEqual(answer.json, {
                url: "/api/access/users",
                key: stars(KEYS.echo1),
                other: stars(KEYS.echo2)
            });
            assert.equal(
                Number(answer.headers["content-length"] ?? answer.body.length),
                answer.body.length
            );
            assert.equal(answer.headers["x-echo-key"], undefined);
            assert.equal(answer.headers["set-cookie"], undefined);
            const users = await get(fleet, cookie, "/fleet/alpha/api/access/users");
            const admin = users.json.users.find((user) => user.name === "admin");
            assert.equal(admin.apikey, stars(KEYS.alpha));
        });

        // ~~ a silent server, with short timeouts

        const silentSockets = new Set();
        const held = {now: 0, max: 0};
        const silent = await started(
            // Never answers; counts the requests it holds open.
            await startFake((req) => {
                silentSockets.add(req.socket);
                held.max = Math.max(held.max, ++held.now);
                req.socket.on("close", () => (held.now -= 1));
            })
        );
        const quick = await started(await startOctoPrintFake(echo("none")));
        const patient = await started(
            await startServer({
                port: 0,
                fleet: [
                    {name: "silent", url: silent.url, apikey: KEYS.plain},
                    {name: "quick", url: quick.url, apikey: KEYS.echo1}
                ],
                timeout: 1000,
                probeTimeout: 300
            })
        );
        const patientCookie = await signIn(patient);

        await check(
            "a silent server: 504 after the timeout; meanwhile the others answer at once",
            async () => {
                const ended = [];
                const toSilent = Array.from({length: 6}, (_, i) =>
                    get(
                        patient,
                        patientCookie,
                        `/fleet/silent/api/access/users?n=${i}`
                    ).then((answer) => {
                        ended.push(`silent ${answer.status}`);
                        return answer;
                    })
                );
                while (silent.log.length < 4) await pause(10); // its four slots are taken
                const toQuick = await Promise.all(
                    Array.from({length: 8}, () =>
                        get(patient, patientCookie, "/fleet/quick/api/access/users").then(
                            (answer) => {
                                ended.push(`quick ${answer.status}`);
                                return answer;
                            }
                        )
                    )
                );
                assert.deepEqual(
                    toQuick.map((answer) => answer.status),
                    Array(8).fill(200)
                );
                assert.deepEqual(
                    ended,
                    Array(8).fill("quick 200"),
                    "waited for the silent one"
                );
                const silentAnswers = await Promise.all(toSilent);
                assert.ok(held.max <= 4, `${held.max} in flight to it`);
                // In flight: silent for 1 s. Queued: no slot within 1 s (or, given one when
                // another timed out, silent for 1 s after that).
                for (const answer of silentAnswers) {
                    assert.equal(answer.status, 504);
                    assert.match(
                        answer.json.error,
                        /^OctoPrint "silent" at http:\/\/127\.0\.0\.1:\d+\/(?:: no free slot within 1 s \(in flight: 4 of 4 to it, \d more waiting; \d+ of 16 to the fleet\)| did not answer within 1 s)$/
                    );
                }
                assert.ok(
                    silentAnswers.some((answer) =>
                        /did not answer/.test(answer.json.error)
                    )
                );
            }
        );

        await check(
            "a silent server in the list: not reachable, no answer, the list not held up",
            async () => {
                const answer = await get(patient, patientCookie, "/fleet/servers");
                assert.deepEqual(
                    answer.json.map(({name, reachable, error}) => [
                        name,
                        reachable,
                        error
                    ]),
                    [
                        ["silent", false, "no answer within 0.3 s"],
                        ["quick", true, null]
                    ]
                );
            }
        );
        for (const socket of silentSockets) socket.destroy();

        await check(
            "the fleet's limit full: a request to another server waits in line, then 504 saying which limit",
            async () => {
                // Answers a byte at a time, never silent for long: it keeps its slots.
                const answering = new Set();
                const trickle = await started(
                    await startFake((req, res) => {
                        answering.add(res);
                        res.writeHead(200, {"Content-Type": "application/json"});
                        const timer = setInterval(() => res.write(" "), 50);
                        res.on("close", () => clearInterval(timer));
                    })
                );
                const narrow = await started(
                    await startServer({
                        port: 0,
                        fleet: [
                            {name: "trickle", url: trickle.url, apikey: KEYS.plain},
                            {name: "quick", url: quick.url, apikey: KEYS.echo1}
                        ],
                        perServer: 2,
                        inFlight: 2,
                        timeout: 300
                    })
                );
                const narrowCookie = await signIn(narrow);
                const held = [0, 1].map((i) =>
                    get(narrow, narrowCookie, `/fleet/trickle/api/access/users?n=${i}`)
                );
                while (answering.size < 2) await pause(10);
                const before = quick.log.length;
                const answer = await get(
                    narrow,
                    narrowCookie,
                    "/fleet/quick/api/access/users"
                );
                assert.equal(answer.status, 504);
                assert.match(
                    answer.json.error,
                    /^OctoPrint "quick" at http:\/\/127\.0\.0\.1:\d+\/: no free slot within 0\.3 s \(in flight: 0 of 2 to it, 0 more waiting; 2 of 2 to the fleet\)$/
                );
                assert.equal(quick.log.length, before, "it reached the server");
                for (const res of answering) res.destroy();
                await Promise.all(held);
            }
        );

        // ~~ bounded load

        const load = {now: 0, max: 0};
        const holding = () => {
            const own = {now: 0, max: 0, answered: 0};
            return startFake((req, res) => {
                own.now += 1;
                load.now += 1;
                own.max = Math.max(own.max, own.now);
                load.max = Math.max(load.max, load.now);
                setTimeout(() => {
                    own.now -= 1;
                    load.now -= 1;
                    own.answered += 1;
                    res.writeHead(200, {"Content-Type": "application/json"});
                    res.end("{}");
                }, 200);
            }).then((fake) => Object.assign(fake, {own}));
        };
        const six = await Promise.all(Array.from({length: 6}, holding));
        for (const fake of six) closing.push(fake);
        const busy = await started(
            await startServer({
                port: 0,
                fleet: six.map((fake, i) => ({
                    name: `p${i}`,
                    url: fake.url,
                    apikey: KEYS.plain
                }))
            })
        );
        const busyCookie = await signIn(busy);

        await check(
            "many requests to one server: never more than 4 in flight there; all answered",
            async () => {
                const all = await Promise.all(
                    Array.from({length: 20}, () =>
                        get(busy, busyCookie, "/fleet/p0/api/access/users")
                    )
                );
                assert.deepEqual(
                    all.map((answer) => answer.status),
                    Array(20).fill(200)
                );
                assert.equal(six[0].own.answered, 20);
                assert.ok(six[0].own.max <= 4, `${six[0].own.max} in flight`);
                assert.ok(six[0].own.max > 1, "one at a time: the limit is 4");
            }
        );

        await check(
            "to six servers: never more than 16 in flight overall; all answered",
            async () => {
                load.max = 0;
                const all = await Promise.all(
                    Array.from({length: 60}, (_, i) =>
                        get(busy, busyCookie, `/fleet/p${i % 6}/api/access/groups`)
                    )
                );
                assert.deepEqual(
                    all.map((answer) => answer.status),
                    Array(60).fill(200)
                );
                assert.ok(load.max <= 16, `${load.max} in flight`);
                assert.ok(load.max > 4, `only ${load.max} in flight: not across servers`);
                for (const fake of six)
                    assert.ok(fake.own.max <= 4, `${fake.own.max} to one`);
            }
        );

        // ~~ --demo-fleet

        await check(
            "--demo-fleet: 4 servers, every one reachable, two versions or more, drift as seeded",
            async () => {
                const main = runMain(["--demo-fleet"], {}, {until, wait: PATIENCE});
                let output;
                try {
                    const {match} = await main.started;
                    const server = {
                        url: match[1],
                        signIn: `${match[1]}?token=${match[2]}`
                    };
                    const demoCookie = await signIn(server);
                    const list = (await get(server, demoCookie, "/fleet/servers")).json;
                    assert.deepEqual(
                        list.map(({name, reachable}) => [name, reachable]),
                        [
                            ["demo-1", true],
                            ["demo-2", true],
                            ["demo-3", true],
                            ["demo-4", true]
                        ]
                    );
                    assert.ok(new Set(list.map((entry) => entry.version)).size >= 2);
                    const read = async (name, what) =>
                        (
                            await get(
                                server,
                                demoCookie,
                                `/fleet/${name}/api/access/${what}`
                            )
                        ).json;
                    const users = {};
                    const operators = {};
                    for (const {name} of list) {
                        users[name] = Object.fromEntries(
                            (await read(name, "users")).users.map((user) => [
                                user.name,
                                `${user.active ? "" : "inactive "}${user.groups.join(",")}`
                            ])
                        );
                        operators[name] = (
                            await read(name, "groups/operators")
                        ).permissions;
                    }
                    const everywhere = {
                        admin: "users,admins",
                        alice: "users,operators",
                        bob: "users",
                        carol: "readonly",
                        dave: "inactive users"
                    };
                    const {bob, ...withoutBob} = everywhere;
                    assert.equal(bob, "users");
                    assert.deepEqual(users, {
                        "demo-1": everywhere,
                        "demo-2": withoutBob,
                        // OctoPrint 2.0 lists a user's groups in key order.
                        "demo-3": {
                            ...everywhere,
                            alice: "operators,users",
                            carol: "operators,users"
                        },
                        "demo-4": everywhere
                    });
                    const base = ["PRINT", "CONTROL", "FILES_UPLOAD"];
                    assert.deepEqual(operators, {
                        "demo-1": base,
                        "demo-2": base,
                        "demo-3": base,
                        "demo-4": [...base, "FILES_DELETE"]
                    });
                } finally {
                    output = await main.stop();
                }
                assert.doesNotMatch(
                    output.stdout + output.stderr,
                    /\b[0-9A-F]{32}\b/,
                    "printed a key"
                );
                const sized = runMain(["--demo-fleet=2"], {}, {until, wait: PATIENCE});
                await sized.started;
                assert.match((await sized.stop()).stdout, /Fleet of 2 \(--demo-fleet\)/);
            }
        );

        // ~~ the page in Chromium

        const pageFleet = await started(
            await startServer({
                port: 0,
                fleet: [
                    {name: "alpha", url: alpha.url, apikey: KEYS.alpha},
                    {name: "beta", url: beta.url, apikey: KEYS.beta},
                    {name: "locked", url: locked.url, apikey: KEYS.locked},
                    {name: "down", url: gone.url, apikey: KEYS.down}
                ]
            })
        );
        const context = await browser.newContext();
        const page = await context.newPage();
        page.setDefaultTimeout(WAIT);
        const pageErrors = [];
        page.on("pageerror", (error) => pageErrors.push(error.message));
        const bodies = [];
        page.on("response", async (response) => {
            const headers = response.headers();
            bodies.push(JSON.stringify(headers));
            bodies.push(await response.text().catch(() => ""));
        });
        const message = () => page.textContent("#message");
        try {
            await check("the page without the link: says to open it", async () => {
                await page.goto(pageFleet.url);
                await page.waitForFunction(
                    () => !document.getElementById("message").hidden
                );
                assert.match(await message(), /^Not signed in: open the link/);
            });

            await check(
                "opening the link: the cookie is set, HttpOnly, and the token leaves the address",
                async () => {
                    await page.goto(pageFleet.signIn);
                    assert.equal(page.url(), pageFleet.url);
                    const cookies = await context.cookies();
                    assert.equal(cookies.length, 1);
                    assert.equal(cookies[0].httpOnly, true);
                    assert.equal(cookies[0].sameSite, "Strict");
                    assert.equal(await page.evaluate(() => document.cookie), "");
                }
            );

            await check("lists the servers: version, or why not", async () => {
                await page.waitForFunction(() =>
                    document.getElementById("message").textContent.startsWith("Read ")
                );
                assert.equal(await message(), "Read 2 of 4 servers; 2 not reachable.");
                const rows = await page.locator("#server-list tr").allInnerTexts();
                assert.deepEqual(
                    rows.map((row) => row.split("\t").slice(0, 3)),
                    [
                        ["alpha", "1.10", "answers"],
                        ["beta", "2.0", "answers"],
                        ["locked", "—", "not reachable: key rejected (401)"],
                        ["down", "—", "not reachable: connection refused"]
                    ]
                );
            });

            await check(
                "each reachable server's users and groups, through its own client",
                async () => {
                    // One row per user name, one column per server read: the fleet view.
                    const cells = (name) =>
                        page.evaluate(
                            (user) =>
                                Array.from(
                                    document.querySelectorAll(
                                        `#users-matrix tr[data-user="${user}"] td`
                                    ),
                                    (td) => td.dataset.server + ": " + td.textContent
                                ),
                            name
                        );
                    assert.deepEqual(
                        await page.locator("#users-matrix thead th").allTextContents(),
                        ["User", "alpha", "beta"]
                    );
                    assert.deepEqual(await cells("admin"), [
                        "alpha: active\nadmins, users",
                        "beta: active\nadmins, users"
                    ]);
                    assert.deepEqual(await cells("jane"), [
                        "alpha: active\nusers",
                        "beta: ≠ absent"
                    ]);
                    assert.deepEqual(await cells("joe"), [
                        "alpha: ≠ absent",
                        "beta: inactive\nusers"
                    ]);
                    assert.deepEqual(
                        await page
                            .locator("#groups-matrix tbody th .id")
                            .allTextContents(),
                        ["admins", "guests", "readonly", "users"]
                    );
                    assert.equal(
                        await page.textContent("#left-out"),
                        "Not in these tables: locked (key rejected (401)), down (connection refused)."
                    );
                    const loaded = await page.evaluate(async () => {
                        const {clientFor} = await import("./console/fleet/clients.js");
                        return {
                            jquery: window.jQuery.fn.jquery,
                            scripts: Array.from(document.scripts, (script) =>
                                script.getAttribute("src")
                            ),
                            baseurl: clientFor("beta").options.baseurl,
                            apikey:
                                clientFor("beta").options.apikey === undefined
                                    ? "none"
                                    : "set",
                            ours:
                                clientFor("beta").access instanceof OctoPrintAccessClient,
                            own:
                                clientFor("alpha") !== clientFor("beta") &&
                                clientFor("beta") === clientFor("beta")
                        };
                    });
                    assert.deepEqual(loaded, {
                        jquery: "3.5.1",
                        scripts: [
                            // into the head, in OctoPrint's order, from the first that answers
                            "fleet/alpha/static/js/lib/jquery/jquery.min.js",
                            "fleet/alpha/static/js/lib/lodash.min.js",
                            "fleet/alpha/static/js/app/client/base.js",
                            "dist/octoprint-access.js",
                            "console/fleet/main.js"
                        ],
                        baseurl: "fleet/beta/",
                        apikey: "none",
                        ours: true,
                        own: true
                    });
                }
            );

            await check(
                "the loader: at most `limit` at once, outcomes in order, failures in words",
                async () => {
                    const outcome = await page.evaluate(async () => {
                        const {readFleet} = await import("./console/fleet/loader.js");
                        let now = 0;
                        let max = 0;
                        const seenOrder = [];
                        const servers = ["a", "b", "c", "d", "e", "f", "g"].map(
                            (name) => ({name})
                        );
                        const read = await readFleet(servers, {
                            limit: 3,
                            read: (name) => {
                                now += 1;
                                max = Math.max(max, now);
                                return new Promise((resolve, reject) =>
                                    setTimeout(
                                        () => {
                                            now -= 1;
                                            if (name === "c") reject({status: 0});
                                            else if (name === "e")
                                                reject(new Error("broken"));
                                            else resolve(name.toUpperCase());
                                        },
                                        20 + (name.charCodeAt(0) % 3) * 10
                                    )
                                );
                            },
                            onRead: (name, result) =>
                                seenOrder.push(name + ":" + JSON.stringify(result))
                        });
                        const real = await readFleet(
                            [{name: "alpha"}, {name: "locked"}],
                            {
                                clientFor: (await import("./console/fleet/clients.js"))
                                    .clientFor
                            }
                        );
                        return {
                            max,
                            seen: seenOrder.length,
                            read: Array.from(read),
                            alpha: real.get("alpha").value.users.map((user) => user.name),
                            locked: real.get("locked")
                        };
                    });
                    assert.equal(outcome.max, 3);
                    assert.equal(outcome.seen, 7);
                    assert.deepEqual(outcome.read, [
                        ["a", {value: "A"}],
                        ["b", {value: "B"}],
                        ["c", {error: "no answer"}],
                        ["d", {value: "D"}],
                        ["e", {error: "broken"}],
                        ["f", {value: "F"}],
                        ["g", {value: "G"}]
                    ]);
                    assert.deepEqual(outcome.alpha, ["admin", "jane"]);
                    assert.deepEqual(outcome.locked, {
                        error: "401 Unauthorized: You don't have the permission"
                    });
                }
            );

            await check(
                "keyboard: the reload button is reachable and reads again",
                async () => {
                    await page.evaluate(() =>
                        document.getElementById("message").setAttribute("hidden", "")
                    );
                    let reached = false;
                    for (let i = 0; i < 10 && !reached; i++) {
                        await page.keyboard.press("Tab");
                        reached = await page.evaluate(
                            () => document.activeElement.id === "reload"
                        );
                    }
                    assert.ok(reached, "Tab does not reach the button");
                    await page.keyboard.press("Enter");
                    await page.waitForFunction(
                        () => !document.getElementById("message").hidden
                    );
                    await page.waitForFunction(() =>
                        document.getElementById("message").textContent.startsWith("Read ")
                    );
                }
            );

            await check(
                "structure: one h1, an h2 per section, every table with a caption and headers",
                async () => {
                    const outline = await page.evaluate(() => ({
                        h1: document.querySelectorAll("h1").length,
                        h2: Array.from(
                            document.querySelectorAll("h2"),
                            (h) => h.textContent
                        ),
                        sections: Array.from(
                            document.querySelectorAll("section"),
                            (section) =>
                                document.getElementById(
                                    section.getAttribute("aria-labelledby")
                                )?.textContent
                        ),
                        tables: Array.from(
                            document.querySelectorAll("table"),
                            (table) => ({
                                caption: Boolean(
                                    table.caption && table.caption.textContent.trim()
                                ),
                                headers: Array.from(
                                    table.querySelectorAll("thead th")
                                ).every((th) => th.getAttribute("scope") === "col")
                            })
                        )
                    }));
                    assert.equal(outline.h1, 1);
                    const sections = [
                        "Servers",
                        "Across the fleet",
                        "Change the fleet",
                        "Desired state as a file",
                        "Plan"
                    ];
                    assert.deepEqual(outline.h2, sections);
                    assert.deepEqual(outline.sections, sections);
                    assert.equal(outline.tables.length, 3); // the servers, users, groups
                    for (const table of outline.tables)
                        assert.deepEqual(table, {caption: true, headers: true});
                }
            );

            await check(
                "fits a phone's width (390 px) without sideways scrolling",
                async () => {
                    await page.setViewportSize({width: 390, height: 844});
                    const overflow = await page.evaluate(
                        () => document.documentElement.scrollWidth - window.innerWidth
                    );
                    assert.ok(overflow <= 0, `${overflow} px wider than the screen`);
                }
            );

            await check(
                "no key in the page's DOM, nor in anything it received; no errors",
                async () => {
                    const dom = await page.content();
                    assert.equal(keyIn(dom), undefined, "a key in the DOM");
                    assert.ok(bodies.length > 20, `${bodies.length} answers`);
                    for (const body of bodies)
                        assert.equal(keyIn(body), undefined, "a key in an answer");
                    assert.ok(dom.includes("jane"), "the page did not load");
                    assert.deepEqual(pageErrors, []);
                    assert.ok(!bodies.some((body) => /access-control-allow/i.test(body)));
                }
            );
        } finally {
            await context.close();
        }

        await check(
            "no answer in this suite held a key or Access-Control-Allow-*",
            async () => {
                assert.ok(answers.length > 200, `${answers.length} answers`);
                for (const answer of answers) {
                    const text =
                        JSON.stringify(answer.headers) + answer.body.toString("latin1");
                    assert.equal(
                        keyIn(text),
                        undefined,
                        `a key in ${text.slice(0, 200)}`
                    );
                }
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
        rmSync(scratch, {recursive: true, force: true});
    }

    console.log(`fleet: ${results.passed} passed, ${results.failed} failed`);
    return results;
}
