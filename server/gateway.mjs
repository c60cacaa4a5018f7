// The gateway (`npm start` with OCTOPRINT_URL): the console's server forwards OctoPrint's access
// API and the three scripts a page loads before the component to one real OctoPrint, so that
// the page, the scripts and the API share one origin and OctoPrint needs no "Allow Cross
// Origin". It forwards nothing else: it is an access console, not an open proxy.
//
// What goes through: every method under /api/access/ (path and query byte for byte), and GET of
// STATIC. Of a request only the REQUEST_HEADERS and the body travel (no cookies, Origin or
// Referer); of the answer only the status, the RESPONSE_HEADERS and the body come back (never
// Set-Cookie or Access-Control-*). Node's own http/https, no dependencies.
import {request as httpRequest} from "node:http";
import {request as httpsRequest} from "node:https";
import {pipeline} from "node:stream";
import {readBody, send, sendTooLarge} from "./http.mjs";

export const DEFAULT_TIMEOUT = 30000; // ms without a byte from OctoPrint: 504

const STATIC = new Set([
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
function describe(error) {
    return (
        error.message ||
        (error.errors ?? []).map((each) => each.message).join("; ") ||
        error.code ||
        "unknown error"
    );
}

/**
 * A gateway to the OctoPrint at `octoprint` (a URL or its text, see parseOctoPrintUrl).
 * `timeout`: ms that OctoPrint may stay silent, before its answer (504) or within it (the
 * answer is cut off). Returns {url, claims(target), handle(req, res)}.
 */
export function createGateway({octoprint, timeout = DEFAULT_TIMEOUT}) {
    const target = octoprint instanceof URL ? octoprint : parseOctoPrintUrl(octoprint);
    const url = target.href;
    const prefix = target.pathname.slice(0, -1); // "" or "/octoprint"
    const request = target.protocol === "https:" ? httpsRequest : httpRequest;
    const seconds = `${timeout / 1000} s`;

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

    async function handle(req, res) {
        if (!forwards(req.method, req.url)) {
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
        for (const name of REQUEST_HEADERS) {
            if (req.headers[name] !== undefined) headers[name] = req.headers[name];
        }
        if (
            req.headers["content-length"] !== undefined ||
            req.headers["transfer-encoding"]
        )
            headers["content-length"] = read.body.length;

        const upstream = request({
            protocol: target.protocol,
            hostname: target.hostname.replace(/^\[(.*)\]$/, "$1"), // IPv6 without brackets
            port: target.port,
            method: req.method,
            path: prefix + req.url,
            headers,
            agent: false // a connection per request: no idle one that OctoPrint closed meanwhile
        });
        upstream.setTimeout(timeout, () =>
            upstream.destroy(
                Object.assign(new Error("timeout"), {code: "GATEWAY_TIMEOUT"})
            )
        );
        upstream.on("response", (answer) => {
            const out = {};
            for (const name of RESPONSE_HEADERS) {
                if (answer.headers[name] !== undefined) out[name] = answer.headers[name];
            }
            res.writeHead(answer.statusCode, out);
            // OctoPrint cutting its answer short cuts ours: the browser sees a failed request.
            pipeline(answer, res, (error) => {
                if (error) res.destroy();
            });
        });
        upstream.on("error", (error) => {
            if (res.headersSent) res.destroy();
            else if (error.code === "GATEWAY_TIMEOUT")
                send(res, 504, {
                    error: `OctoPrint at ${url} did not answer within ${seconds}`
                });
            else
                send(res, 502, {
                    error: `OctoPrint at ${url} is not reachable: ${describe(error)}`
                });
        });
        // The browser went away: so does the request to OctoPrint.
        res.on("close", () => {
            if (!res.writableFinished) upstream.destroy();
        });
        upstream.end(read.body);
    }

    return {url, claims, handle};
}
