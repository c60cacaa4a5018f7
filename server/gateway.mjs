// The gateway (`npm start` with OCTOPRINT_URL): the console's server forwards OctoPrint's access
// API and the three scripts a page loads before the component to one real OctoPrint, so that
// the page, the scripts and the API share one origin and OctoPrint needs no "Allow Cross
// Origin". It forwards nothing else: it is an access console, not an open proxy.
//
// What goes through: every method under /api/access/ (path and query byte for byte), and GET of
// STATIC. Of a request only the REQUEST_HEADERS and the body travel (no cookies, Origin or
// Referer); of the answer only the status, the RESPONSE_HEADERS and the body come back (never
// Set-Cookie or Access-Control-*). Node's own http/https, no dependencies.
//
// Fleet mode (server/fleet.mjs) forwards to each of its servers with the same createForwarder,
// adding that server's API key and hiding the fleet's keys from the answers.
import {request as httpRequest} from "node:http";
import {request as httpsRequest} from "node:https";
import {Transform, pipeline} from "node:stream";
import {readBody, send, sendTooLarge} from "./http.mjs";

export const DEFAULT_TIMEOUT = 30000; // ms without a byte from OctoPrint: 504

export const STATIC = new Set([
    "/static/js/lib/jquery/jquery.min.js",
    "/static/js/lib/lodash.min.js",
    "/static/js/app/client/base.js"
]);
const API = "/api/access/";
const REQUEST_HEADERS = [
    "x-api-key",
    "content-type",
    "accept",
    "x-requested-with",
    "cache-control"
];
// Allow: OctoPrint's 405 names the methods it takes.
const RESPONSE_HEADERS = ["content-type", "content-length", "allow"];

/**
 * The OctoPrint URL `text` as a URL whose path ends in "/"; throws an Error whose message is
 * one line naming `source` and what is wrong. Only http(s), no user name or password (they
 * would be printed), no query, no fragment; a path is kept (OctoPrint behind a prefix).
 */
export function parseOctoPrintUrl(text, source = "OCTOPRINT_URL") {
    const wrong = (why) => new Error(`${source} ${why}`);
    if (!text) throw wrong("is empty: give OctoPrint's URL, e.g. http://octopi.local");
    let url;
    try {
        url = new URL(text);
    } catch {
        throw wrong(`is not a URL: "${text}" (e.g. http://octopi.local)`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
        throw wrong(`must be an http:// or https:// URL, not ${url.protocol}`);
    if (url.username || url.password)
        throw wrong("must not contain a user name or password: connect with an API key");
    if (text.includes("?")) throw wrong(`must not have a query: "${text}"`);
    if (text.includes("#")) throw wrong(`must not have a fragment: "${text}"`);
    if (!url.pathname.endsWith("/")) url.pathname += "/";
    return url;
}

/** One pass of percent-decoding, byte by byte (not UTF-8): enough to see "/", "\" and ".". */
function decodeOnce(path) {
    return path.replace(/%([0-9a-f]{2})/gi, (_, hex) =>
        String.fromCharCode(parseInt(hex, 16))
    );
}

/**
 * Whether a path under /api/access/ stays there: decoded once, twice, … (a server that decodes
 * more than once must not find a way out either), it never has a "." or ".." segment, with
 * "/" or "\" as separators.
 */
function staysInAccessApi(path) {
    for (let round = 0; round < 4; round++) {
        if (!path.startsWith(API)) return false;
        if (path.split(/[/\\]/).some((part) => part === "." || part === ".."))
            return false;
        const decoded = decodeOnce(path);
        if (decoded === path) return true;
        path = decoded;
    }
    return false; // still encoded after four rounds: no name looks like that
}

/** Whether the gateway forwards `method` on the raw request target `target`. */
export function forwards(method, target) {
    if (!target.startsWith("/")) return false; // absolute-form, authority-form, "*"
    const path = target.split("?")[0];
    if (STATIC.has(path)) return method === "GET";
    return staysInAccessApi(path);
}

/** The error's own words; Node's connection errors can be an AggregateError without any. */
export function describe(error) {
    return (
        error.message ||
        (error.errors ?? []).map((each) => each.message).join("; ") ||
        error.code ||
        "unknown error"
    );
}

/** 504 for a silent OctoPrint, 502 for an unreachable one, with `what` (e.g. "OctoPrint at <url>"). */
function sendUpstreamError(res, error, what, timeout) {
    if (res.headersSent) res.destroy();
    else if (error.code === "GATEWAY_TIMEOUT")
        send(res, 504, {error: `${what} did not answer within ${timeout / 1000} s`});
    else send(res, 502, {error: `${what} is not reachable: ${describe(error)}`});
}

/**
 * A request to the OctoPrint at `target` (a URL from parseOctoPrintUrl): `path` (from "/")
 * goes behind its path. Silence for `timeout` ms, before the answer or within it, destroys it
 * with an error whose code is GATEWAY_TIMEOUT. The caller sends it (`.end(body)`).
 */
export function requestUpstream(target, {method, path, headers, timeout}) {
    const request = target.protocol === "https:" ? httpsRequest : httpRequest;
    const upstream = request({
        protocol: target.protocol,
        hostname: target.hostname.replace(/^\[(.*)\]$/, "$1"), // IPv6 without brackets
        port: target.port,
        method,
        path: target.pathname.slice(0, -1) + path, // behind "" or "/octoprint"
        headers,
        agent: false // a connection per request: no idle one that OctoPrint closed meanwhile
    });
    upstream.setTimeout(timeout, () =>
        upstream.destroy(Object.assign(new Error("timeout"), {code: "GATEWAY_TIMEOUT"}))
    );
    return upstream;
}

/**
 * A stream that passes bytes through with every occurrence of each of `secrets` (ASCII
 * strings) overwritten by as many "*": the length stays, so does Content-Length. The last
 * bytes of each chunk wait for the next one, where a secret may go on; where one secret starts
 * another, the longer one is masked.
 */
export function hideSecrets(secrets) {
    const longest = Math.max(...secrets.map((secret) => secret.length));
    const pattern = new RegExp(
        [...secrets]
            .sort((a, b) => b.length - a.length)
            .map((secret) => secret.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&"))
            .join("|"),
        "g"
    );
    let carry = "";
    /** `text` with the secrets that start before `end` masked, up to there or past them. */
    function mask(text, end) {
        let out = "";
        let at = 0;
        pattern.lastIndex = 0;
        for (let found; (found = pattern.exec(text)) && found.index < end;) {
            out += text.slice(at, found.index) + "*".repeat(found[0].length);
            at = found.index + found[0].length;
        }
        const upTo = Math.max(at, end);
        carry = text.slice(upTo);
        return Buffer.from(out + text.slice(at, upTo), "latin1");
    }
    return new Transform({
        transform(chunk, _, done) {
            const text = carry + chunk.toString("latin1"); // byte for byte
            // A secret that starts before this point fits into the text: it can be told.
            done(null, mask(text, text.length - (longest - 1)));
        },
        flush(done) {
            done(null, mask(carry, carry.length));
        }
    });
}

/**
 * Forwarding to the OctoPrint at `octoprint` (a URL or its text, see parseOctoPrintUrl): the
 * rules above, for the single gateway and for each server of a fleet. `timeout`: ms that
 * OctoPrint may stay silent, before its answer (504) or within it (the answer is cut off).
 * With `apikey`, the browser's X-Api-Key is dropped and this one sent instead; `hide` lists
 * strings (API keys) that no answer may carry to the browser. `admit(res)`, when given, waits
 * for a free slot: it resolves to a function that gives the slot back, or to null when the
 * request was answered meanwhile (or the browser went away). `what` names OctoPrint in error
 * messages. Returns {url, forward(req, res, path)}: `path` is the raw request target
 * as OctoPrint would get it (from "/"); forward() resolves once the exchange is over.
 */
export function createForwarder({
    octoprint,
    timeout = DEFAULT_TIMEOUT,
    apikey,
    hide = [],
    admit,
    what
}) {
    const target = octoprint instanceof URL ? octoprint : parseOctoPrintUrl(octoprint);
    const url = target.href;
    const name = what ?? `OctoPrint at ${url}`;

    async function forward(req, res, path) {
        if (!forwards(req.method, path)) {
            send(res, 404, {
                error: "Not found: this gateway forwards OctoPrint's access API and client scripts only"
            });
            return;
        }
        const read = await readBody(req);
        if (read.aborted) return;
        if (read.tooLarge) {
            sendTooLarge(res);
            return;
        }
        const headers = {};
        for (const header of REQUEST_HEADERS) {
            if (req.headers[header] !== undefined) headers[header] = req.headers[header];
        }
        if (apikey !== undefined) headers["x-api-key"] = apikey;
        if (
            req.headers["content-length"] !== undefined ||
            req.headers["transfer-encoding"]
        )
            headers["content-length"] = read.body.length;

        const release = admit ? await admit(res) : () => {};
        if (!release) return;
        await new Promise((resolve) => {
            let done = false;
            const over = () => {
                if (done) return;
                done = true;
                release();
                resolve();
            };
            const upstream = requestUpstream(target, {
                method: req.method,
                path,
                headers,
                timeout
            });
            upstream.on("response", (answer) => {
                const out = {};
                for (const header of RESPONSE_HEADERS) {
                    if (answer.headers[header] !== undefined)
                        out[header] = answer.headers[header];
                }
                res.writeHead(answer.statusCode, out);
                // OctoPrint cutting its answer short cuts ours: the browser sees a failed
                // request.
                const steps = hide.length
                    ? [answer, hideSecrets(hide), res]
                    : [answer, res];
                pipeline(...steps, (error) => {
                    if (error) res.destroy();
                    over();
                });
            });
            upstream.on("error", (error) => {
                sendUpstreamError(res, error, name, timeout);
                over();
            });
            // The browser went away: so does the request to OctoPrint.
            res.on("close", () => {
                if (!res.writableFinished) upstream.destroy();
                over();
            });
            upstream.end(read.body);
        });
    }

    return {url, forward};
}

/**
 * A gateway to the OctoPrint at `octoprint` (a URL or its text, see parseOctoPrintUrl).
 * `timeout`: ms that OctoPrint may stay silent, before its answer (504) or within it (the
 * answer is cut off). Returns {url, claims(target), handle(req, res)}.
 */
export function createGateway({octoprint, timeout = DEFAULT_TIMEOUT}) {
    const {url, forward} = createForwarder({octoprint, timeout});

    /**
     * Whether a request target is the gateway's to answer (forward or refuse): everything
     * under /api and /static, and every target that is not a plain path. The rest (the page,
     * dist/) the server answers itself.
     */
    function claims(requestTarget) {
        return (
            !requestTarget.startsWith("/") ||
            /^\/(api|static)(\/|$)/.test(requestTarget.split("?")[0])
        );
    }

    return {url, claims, handle: (req, res) => forward(req, res, req.url)};
}
