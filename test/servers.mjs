// What the Node suites that test `npm start`'s server over HTTP share (25-gateway.mjs,
// 27-fleet.mjs): raw requests with a deadline, fake OctoPrints on 127.0.0.1 that log what
// reaches them, and server/main.mjs run as a child process.
import {spawn} from "node:child_process";
import {createServer, request as httpRequest} from "node:http";
import {fileURLToPath} from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const WAIT = 5000; // ms: no request here may take that long, hung ones included

// What an OctoPrint with "Allow Cross Origin" on (and a session) adds to its answers.
export const UPSTREAM_EXTRAS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE",
    "Access-Control-Allow-Headers": "X-Api-Key, Content-Type",
    "Set-Cookie": "session=upstream-session; HttpOnly",
    "X-Upstream": "yes"
};

/**
 * {request, seen}: request(url, method, target, {headers, body, chunked}) sends one raw
 * request (the target as given, absolute-form included) and resolves to {status, headers,
 * body (Buffer), json} or, when the answer fails or does not end within WAIT ms, {failed:
 * "why"}; `seen` collects the headers of every answer, `answers` every answer.
 */
export function requester() {
    const seen = [];
    const answers = [];
    function request(url, method, target, {headers = {}, body, chunked = false} = {}) {
        const {hostname, port} = new URL(url);
        const data = typeof body === "string" ? Buffer.from(body) : body;
        const allHeaders = {...headers};
        if (data && !chunked) allHeaders["Content-Length"] ??= data.length;
        return new Promise((resolve) => {
            const done = (result) => {
                clearTimeout(timer);
                resolve(result);
            };
            const req = httpRequest(
                {hostname, port, method, path: target, headers: allHeaders},
                (res) => {
                    seen.push(res.headers);
                    const chunks = [];
                    res.on("data", (chunk) => chunks.push(chunk));
                    res.on("aborted", () => done({failed: "aborted"}));
                    res.on("error", (error) => done({failed: error.message}));
                    res.on("end", () => {
                        const buffer = Buffer.concat(chunks);
                        let json;
                        try {
                            json = JSON.parse(buffer.toString("utf8"));
                        } catch {
                            json = undefined;
                        }
                        const answer = {
                            status: res.statusCode,
                            headers: res.headers,
                            body: buffer,
                            json
                        };
                        answers.push(answer);
                        done(answer);
                    });
                }
            );
            const timer = setTimeout(() => {
                req.destroy();
                done({failed: `no end within ${WAIT} ms`});
            }, WAIT);
            req.on("error", (error) => done({failed: error.message}));
            if (data && chunked) {
                // Without Content-Length: Node sends it chunked, in 64 KiB pieces.
                for (let at = 0; at < data.length; at += 65536)
                    req.write(data.subarray(at, at + 65536));
                req.end();
            } else req.end(data);
        });
    }
    return {request, seen, answers};
}

/**
 * A fake OctoPrint on a free port: logs every request ({method, url, headers, body}) and
 * answers it with `answer(req, res, body)` (default: 200 {"ok": true} with UPSTREAM_EXTRAS).
 */
export async function startFake(answer) {
    const log = [];
    const server = createServer((req, res) => {
        const chunks = [];
        req.on("data", (chunk) => chunks.push(chunk));
        req.on("end", () => {
            const body = Buffer.concat(chunks);
            log.push({method: req.method, url: req.url, headers: req.headers, body});
            if (answer) answer(req, res, body);
            else {
                res.writeHead(200, {
                    "Content-Type": "application/json",
                    ...UPSTREAM_EXTRAS
                });
                res.end('{"ok": true}');
            }
        });
    });
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
        url: `http://127.0.0.1:${server.address().port}/`,
        log,
        close: () =>
            new Promise((resolve) => {
                server.close(resolve);
                server.closeAllConnections();
            })
    };
}

/**
 * Runs `node server/main.mjs ...args` with `env` (PORT=0; OCTOPRINT_URL, OCTOPRINT_FLEET and
 * HOST empty unless given), killing it after `wait` ms. Returns {exited, started, stop}:
 * `exited` resolves to {code, stdout, stderr}; `started` once stdout matches `until` (to
 * {match, out}), or rejects when it exits first.
 */
export function runMain(args, env, {until, wait = WAIT} = {}) {
    const child = spawn(process.execPath, ["server/main.mjs", ...args], {
        cwd: ROOT,
        env: {
            ...process.env,
            PORT: "0",
            OCTOPRINT_URL: "",
            OCTOPRINT_FLEET: "",
            HOST: "",
            ...env
        },
        stdio: ["ignore", "pipe", "pipe"]
    });
    const out = {stdout: "", stderr: ""};
    child.stdout.on("data", (chunk) => (out.stdout += chunk));
    child.stderr.on("data", (chunk) => (out.stderr += chunk));
    const exited = new Promise((resolve) =>
        child.on("exit", (code) => resolve({code, ...out}))
    );
    const timer = setTimeout(() => child.kill(), wait);
    exited.then(() => clearTimeout(timer));
    const started = new Promise((resolve, reject) => {
        if (!until) return;
        child.stdout.on("data", () => {
            const match = out.stdout.match(until);
            if (match) resolve({match, out});
        });
        exited.then(() => reject(new Error(`exited: ${out.stdout}${out.stderr}`)));
    });
    started.catch(() => {});
    return {exited, started, stop: () => (child.kill(), exited)};
}
