// The console's server: the access-API emulator under /api/, the files a page needs from an
// OctoPrint server at OctoPrint's own paths, the console page and dist/. Nothing else of the
// repository is reachable (no node_modules browsing, no .git): every file is listed here.
// With `octoprint` (a URL) it is a gateway instead: /api/ and /static/ go to server/gateway.mjs,
// which forwards the access API and OctoPrint's client scripts to that OctoPrint.
import {createReadStream, statSync} from "node:fs";
import {createServer} from "node:http";
import {extname} from "node:path";
import {randomBytes, scryptSync, timingSafeEqual} from "node:crypto";
// The emulator is the test kit's, built (npm run build; dist/ is committed): no build tool
// runs when the server starts.
import {createEmulator} from "../dist/octoprint-access-fake.mjs";
import {createGateway} from "./gateway.mjs";
import {allowedHosts} from "./host-guard.mjs";
import {readBody, send, sendTooLarge} from "./http.mjs";

const ROOT = new URL("../", import.meta.url);

const FILES = {
    "/": "index.html",
    "/index.html": "index.html",
    "/console/main.js": "console/main.js",
    "/console/state.js": "console/state.js",
    "/console/dom.js": "console/dom.js",
    "/console/api.js": "console/api.js",
    "/console/connection.js": "console/connection.js",
    "/console/permissions.js": "console/permissions.js",
    "/console/users.js": "console/users.js",
    "/console/groups.js": "console/groups.js",
    "/console/console.css": "console/console.css",
    // What OctoPrint serves and a page loads before the access component. jQuery 3.5.1 is
    // the one OctoPrint ships; base.js is our double of its client, the one the tests use.
    "/static/js/lib/jquery/jquery.min.js": "node_modules/jquery-3.5.1/dist/jquery.min.js",
    "/static/js/lib/lodash.min.js": "node_modules/lodash/lodash.min.js",
    "/static/js/app/client/base.js": "server/host/base.js"
};
const DIST = /^\/dist\/[\w-][\w.-]*$/; // a file directly in dist/, no dot-files
const TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".ts": "text/plain; charset=utf-8"
};

// Passwords only live in this process's memory; a cheap scrypt keeps them out of plain sight.
const SCRYPT = {N: 1024};
const passwords = {
    hash(password) {
        const salt = randomBytes(16);
        return {salt, hash: scryptSync(password, salt, 32, SCRYPT)};
    },
    check: (stored, password) =>
        timingSafeEqual(stored.hash, scryptSync(password, stored.salt, 32, SCRYPT))
};

async function serveApi(emulator, req, res, path) {
    const read = await readBody(req);
    if (read.aborted) return;
    if (read.tooLarge) {
        sendTooLarge(res);
        return;
    }
    const answer = emulator.handle({
        method: req.method,
        path,
        headers: req.headers,
        body: read.body.toString("utf8")
    });
    send(res, answer.status, answer.body === null ? "" : answer.body, answer.headers);
}

function serveFile(req, res, path) {
    const file = FILES[path] ?? (DIST.test(path) ? path.slice(1) : null);
    const url = file && new URL(file, ROOT);
    const stat = url && statSync(url, {throwIfNoEntry: false});
    if (!stat?.isFile()) {
        send(res, 404, "Not found");
        return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
        send(res, 405, "Method not allowed", {Allow: "GET, HEAD"});
        return;
    }
    res.writeHead(200, {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        "Content-Length": stat.size,
        "Cache-Control": "no-store"
    });
    if (req.method === "HEAD") res.end();
    else
        createReadStream(url)
            .on("error", () => res.destroy())
            .pipe(res);
}

/** Whether a request's Origin header, when it has one, is this server's own. */
function ownOrigin(origin, hosts) {
    if (origin === undefined) return true;
    try {
        const url = new URL(origin);
        return url.protocol === "http:" && hosts.has(url.host.toLowerCase());
    } catch {
        return false; // "null" (a sandboxed or file page) and anything malformed
    }
}

/**
 * Starts the server; resolves to {url, apikey, version, octoprint, close}. `port` 0 takes a
 * free port; `apikey` is the emulator admin's API key (a random one when not given);
 * `version` the OctoPrint release whose rules the emulator follows ("1.10", the default,
 * "1.11" or "2.0"). With `octoprint` (OctoPrint's URL) it is a gateway to that OctoPrint, no
 * emulator (`apikey` and `version` undefined); `timeout` is the gateway's, in ms.
 */
export function startServer({
    port = 8080,
    host = "127.0.0.1",
    apikey,
    version,
    octoprint,
    timeout
} = {}) {
    const gateway = octoprint ? createGateway({octoprint, timeout}) : null;
    const emulator = gateway
        ? null
        : createEmulator({
              apikey: apikey || undefined,
              version: version || undefined,
              passwords
          });
    let hosts; // the Host headers it answers, once it listens (server/host-guard.mjs)
    const server = createServer(async (req, res) => {
        // The raw path, not URL-parsed: the emulator decodes it once, as OctoPrint does, and
        // WHATWG URL parsing would already resolve "%2E%2E" segments.
        const path = req.url.split("?")[0];
        try {
            if (!hosts.has(String(req.headers.host).toLowerCase())) {
                send(res, 403, {
                    error: `Host ${req.headers.host} is not this server's address (DNS rebinding guard)`
                });
            } else if (!ownOrigin(req.headers.origin, hosts)) {
                // Another site's page (browsers send Origin with every cross-origin request and
                // with same-origin ones that change something): nothing of it is served.
                send(res, 403, {
                    error: `Origin ${req.headers.origin} is not this server's`
                });
            } else if (gateway?.claims(req.url)) {
                await gateway.handle(req, res);
            } else if (path === "/console/server.json") {
                // What the console says about its server: which OctoPrint it fronts, if any.
                send(res, 200, {gateway: gateway ? gateway.url : null});
            } else if (path === "/api" || path.startsWith("/api/")) {
                await serveApi(emulator, req, res, path);
            } else {
                serveFile(req, res, path);
            }
        } catch (error) {
            // A bug, not a bad request: say so and keep serving.
            console.error(error);
            send(res, 500, {error: `Internal error: ${error.message}`});
        }
    });
    return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
            server.off("error", reject);
            hosts = allowedHosts(host, server.address().port);
            const shown = /^(0\.0\.0\.0|::)$/.test(host)
                ? "127.0.0.1"
                : host.includes(":")
                  ? `[${host}]`
                  : host;
            resolve({
                url: `http://${shown}:${server.address().port}/`,
                apikey: emulator?.apikey,
                version: emulator?.version,
                octoprint: gateway?.url,
                close: () =>
                    new Promise((done) => {
                        server.close(done);
                        server.closeAllConnections();
                    })
            });
        });
    });
}
