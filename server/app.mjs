// The console's server: the access-API emulator under /api/, the files a page needs from an
// OctoPrint server at OctoPrint's own paths, the console page and dist/. Nothing else of the
// repository is reachable (no node_modules browsing, no .git): every file is listed here, or
// matched by CONSOLE (the pages' modules) or DIST.
// With `octoprint` (a URL) it is a gateway instead: /api/ and /static/ go to server/gateway.mjs,
// which forwards the access API and OctoPrint's client scripts to that OctoPrint. With `fleet`
// (a list of servers) it serves the fleet page and, under /fleet/, each server's access API
// (server/fleet.mjs) to whoever signed in with the token it prints (server/sign-in.mjs).
import {createReadStream, statSync} from "node:fs";
import {createServer} from "node:http";
import {extname} from "node:path";
import {randomBytes, scryptSync, timingSafeEqual} from "node:crypto";
// The emulator is the test kit's, built (npm run build; dist/ is committed): no build tool
// runs when the server starts.
import {ERROR_TEXTS, createEmulator} from "../dist/octoprint-access-fake.mjs";
import {createFleet} from "./fleet.mjs";
import {STATIC, createGateway} from "./gateway.mjs";
import {allowedHosts, refuse} from "./host-guard.mjs";
import {readBody, send, sendTooLarge} from "./http.mjs";
import {createSignIn} from "./sign-in.mjs";

const ROOT = new URL("../", import.meta.url);

// What OctoPrint serves and a page loads before the access component. jQuery 3.5.1 is the one
// OctoPrint ships; base.js is our double of its client, the one the tests use.
const OCTOPRINT_FILES = {
    "/static/js/lib/jquery/jquery.min.js": "node_modules/jquery-3.5.1/dist/jquery.min.js",
    "/static/js/lib/lodash.min.js": "node_modules/lodash/lodash.min.js",
    "/static/js/app/client/base.js": "server/host/base.js"
};
const FILES = {
    "/": "index.html",
    "/index.html": "index.html",
    ...OCTOPRINT_FILES
};
const FLEET_FILES = {...FILES, "/": "fleet.html", "/index.html": "fleet.html"};
const CONSOLE = /^\/console\/(fleet\/)?[\w-]+\.(js|css)$/; // the pages' modules and styles
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

/**
 * GET /api/version as OctoPrint answers it, for a fleet's embedded emulator: to a key the
 * emulator knows (a wrong one gets its 403), with the release whose rules it follows.
 */
function serveVersion(emulator, req, res) {
    if (req.method !== "GET" && req.method !== "HEAD") {
        send(res, 405, {error: ERROR_TEXTS[405]}, {Allow: "GET, HEAD, OPTIONS"});
        return;
    }
    const check = emulator.handle({
        method: "GET",
        path: "/api/access/permissions",
        headers: req.headers
    });
    if (check.status !== 200) send(res, check.status, check.body, check.headers);
    else if (!req.headers["x-api-key"]) send(res, 403, {error: ERROR_TEXTS[403]});
    else
        send(res, 200, {
            api: "0.1",
            server: emulator.version,
            text: `OctoPrint ${emulator.version} (emulated)`
        });
}

/** Serves the file at `path`: one of `files` or, with `pages`, of console/ or dist/. */
function serveFile(req, res, path, files = FILES, pages = true) {
    const file =
        files[path] ??
        (pages && (CONSOLE.test(path) || DIST.test(path)) ? path.slice(1) : null);
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

/**
 * Serves `handle(req, res, path)` on `host`:`port` behind the Host and Origin guards,
 * answering a thrown error with 500. Resolves to {url, port, hosts, close}.
 */
function listen(port, host, handle) {
    let hosts; // the Host headers it answers, once it listens (server/host-guard.mjs)
    const server = createServer(async (req, res) => {
        // The raw path, not URL-parsed: the emulator decodes it once, as OctoPrint does, and
        // WHATWG URL parsing would already resolve "%2E%2E" segments.
        const path = req.url.split("?")[0];
        try {
            if (!refuse(req, res, hosts)) await handle(req, res, path);
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
            const bound = server.address().port;
            hosts = allowedHosts(host, bound);
            const shown = /^(0\.0\.0\.0|::)$/.test(host)
                ? "127.0.0.1"
                : host.includes(":")
                  ? `[${host}]`
                  : host;
            resolve({
                url: `http://${shown}:${bound}/`,
                port: bound,
                close: () =>
                    new Promise((done) => {
                        server.close(done);
                        server.closeAllConnections();
                    })
            });
        });
    });
}

/**
 * An OctoPrint for a fleet, emulated: the emulator's access API, GET /api/version and the
 * three client scripts, on its own port of 127.0.0.1. `version`, `apikey` (the admin's; a
 * new random one when not given) and the seeds (`users`, `groups`) are the emulator's
 * options; `hashing` its `passwords` (default: scrypt; the fleet bench, seeding 20,000
 * users, gives a cheaper one). Resolves to {url, apikey, version, close}.
 */
export async function startEmulatedOctoPrint({
    version,
    apikey,
    users,
    groups,
    port = 0,
    hashing = passwords
}) {
    const emulator = createEmulator({version, apikey, users, groups, passwords: hashing});
    const server = await listen(port, "127.0.0.1", async (req, res, path) => {
        if (path === "/api/version") serveVersion(emulator, req, res);
        else if (path.startsWith("/api/")) await serveApi(emulator, req, res, path);
        else if (STATIC.has(path)) serveFile(req, res, path, OCTOPRINT_FILES, false);
        else send(res, 404, {error: ERROR_TEXTS[404]});
    });
    return {
        url: server.url,
        apikey: emulator.apikey,
        version: emulator.version,
        close: server.close
    };
}

/**
 * Starts the server; resolves to {url, apikey, version, octoprint, fleet, signIn, close}.
 * `port` 0 takes a free port; `apikey` is the emulator admin's API key (a random one when not
 * given); `version` the OctoPrint release whose rules the emulator follows ("1.10", the
 * default, "1.11" or "2.0"). With `octoprint` (OctoPrint's URL) it is a gateway to that
 * OctoPrint, no emulator (`apikey` and `version` undefined); `timeout` is the gateway's, in ms.
 *
 * With `fleet` (servers as server/fleet-file.mjs reads them: {name, url, apikey} or {name,
 * emulate, users?, groups?}) it serves a fleet (server/fleet.mjs; `perServer`, `inFlight`,
 * `timeout` and `probeTimeout` are its limits); `token` is the sign-in token (a random one
 * when not given). `signIn` is the URL that signs a browser in; `fleet` the servers,
 * {name, url, emulated}, in order.
 */
export async function startServer({
    port = 8080,
    host = "127.0.0.1",
    apikey,
    version,
    octoprint,
    timeout,
    fleet: servers,
    perServer,
    inFlight,
    probeTimeout,
    token
} = {}) {
    if (servers) return startFleetServer();
    const gateway = octoprint ? createGateway({octoprint, timeout}) : null;
    const emulator = gateway
        ? null
        : createEmulator({
              apikey: apikey || undefined,
              version: version || undefined,
              passwords
          });
    const server = await listen(port, host, async (req, res, path) => {
        if (gateway?.claims(req.url)) {
            await gateway.handle(req, res);
        } else if (path === "/console/server.json") {
            // What the console says about its server: which OctoPrint it fronts, if any.
            send(res, 200, {gateway: gateway ? gateway.url : null});
        } else if (!gateway && (path === "/api" || path.startsWith("/api/"))) {
            await serveApi(emulator, req, res, path);
        } else {
            serveFile(req, res, path);
        }
    });
    return {
        url: server.url,
        apikey: emulator?.apikey,
        version: emulator?.version,
        octoprint: gateway?.url,
        close: server.close
    };

    async function startFleetServer() {
        const emulated = await Promise.all(
            servers.map(
                ({emulate, users, groups}) =>
                    emulate && startEmulatedOctoPrint({version: emulate, users, groups})
            )
        );
        const members = servers.map((entry, at) =>
            entry.emulate
                ? {
                      name: entry.name,
                      url: emulated[at].url,
                      apikey: emulated[at].apikey,
                      emulated: emulated[at].version
                  }
                : {name: entry.name, url: entry.url, apikey: entry.apikey}
        );
        const closeEmulated = () =>
            Promise.all(emulated.map((each) => each && each.close()));
        let server;
        try {
            const fleet = createFleet({
                servers: members,
                perServer,
                inFlight,
                timeout,
                probeTimeout
            });
            let signIn; // once it listens: the cookie's name has the port in it
            server = await listen(port, host, async (req, res, path) => {
                if (path === "/fleet" || path.startsWith("/fleet/")) {
                    if (signIn.check(req)) await fleet.handle(req, res);
                    else
                        send(res, 401, {
                            error: "Not signed in: open the link with the token that npm start printed"
                        });
                } else if (!signIn.exchange(req, res, path)) {
                    serveFile(req, res, path, FLEET_FILES);
                }
            });
            signIn = createSignIn({port: server.port, token});
            return {
                url: server.url,
                signIn: `${server.url}?token=${signIn.token}`,
                token: signIn.token,
                fleet: fleet.servers,
                limits: fleet.limits,
                close: () => Promise.all([server.close(), closeEmulated()])
            };
        } catch (error) {
            await closeEmulated();
            throw error;
        }
    }
}
