// Fleet mode (`npm start -- --fleet FILE`): one origin in front of many OctoPrints. Under
// /fleet/<name>/ each server gets the single gateway's rules (server/gateway.mjs: its access
// API and three client scripts, nothing else) with its own API key added here, so the keys
// never reach the browser; GET /fleet/servers says which servers answer, and as which version.
//
// Load stays bounded: at most `perServer` requests in flight to one server and `inFlight` to
// the whole fleet, the rest waiting in order (FIFO). A request first waits for a slot of its
// server, then for one of the fleet, so a silent server holds no more than `perServer` of the
// fleet's slots; what queues behind it waits in its own queue, and gets 504 after `timeout`
// ms there. Signing in (the token) is the server's business (server/app.mjs).
import {send} from "./http.mjs";
import {
    createForwarder,
    describe,
    parseOctoPrintUrl,
    requestUpstream
} from "./gateway.mjs";
import {createSlots} from "./slots.mjs";

export const FLEET_DEFAULTS = {
    perServer: 4, // requests in flight to one server: OctoPis are small
    inFlight: 16, // requests in flight to the whole fleet
    timeout: 30000, // ms: a server's silence before its answer (504), or a wait in its queue
    probeTimeout: 3000 // ms: /api/version's answer, for GET /fleet/servers
};
const MAX_VERSION_ANSWER = 64 * 1024;

/**
 * A fleet of `servers` ({name, url (URL or text), apikey, emulated?: the version an embedded
 * emulator follows}), names unique. The limits are FLEET_DEFAULTS' when undefined. Returns
 * {servers, limits, handle(req, res), list()}: `servers` is [{name, url, emulated}], handle()
 * answers a request under /fleet/ (signed in already), list() resolves to what GET
 * /fleet/servers answers.
 */
export function createFleet({
    servers,
    perServer = FLEET_DEFAULTS.perServer,
    inFlight = FLEET_DEFAULTS.inFlight,
    timeout = FLEET_DEFAULTS.timeout,
    probeTimeout = FLEET_DEFAULTS.probeTimeout
}) {
    const all = createSlots(inFlight);
    const keys = servers.map((server) => server.apikey);
    const members = new Map();
    for (const server of servers) {
        const target =
            server.url instanceof URL ? server.url : parseOctoPrintUrl(server.url);
        const what = `OctoPrint "${server.name}" at ${target.href}`;
        const member = {
            name: server.name,
            target,
            apikey: server.apikey,
            emulated: server.emulated ?? null,
            slots: createSlots(perServer),
            what,
            probing: null
        };
        member.forwarder = createForwarder({
            octoprint: target,
            timeout,
            apikey: server.apikey,
            hide: keys,
            admit: (res) => admit(member, res),
            what
        });
        members.set(server.name, member);
    }

    /**
     * A slot of the member's, then one of the fleet's, given up when `signal` aborts first.
     * Resolves to release() for both.
     */
    async function take(member, signal) {
        const own = await member.slots.take(signal);
        try {
            const fleet = await all.take(signal);
            return () => {
                fleet();
                own();
            };
        } catch (error) {
            own();
            throw error;
        }
    }

    /**
     * take() within `ms`, given up early when `res` (if given) closes. Rejects with "timeout"
     * or "gone".
     */
    async function takeWithin(member, ms, res) {
        const giveUp = new AbortController();
        const timer = setTimeout(() => giveUp.abort("timeout"), ms);
        const leave = () => giveUp.abort("gone");
        res?.once("close", leave);
        try {
            const release = await take(member, giveUp.signal);
            if (!giveUp.signal.aborted) return release;
            release();
            throw giveUp.signal.reason;
        } finally {
            clearTimeout(timer);
            res?.off("close", leave);
        }
    }

    /**
     * For the forwarder: slots within `timeout` (else 504, saying which limit was full), or
     * null when the browser left.
     */
    async function admit(member, res) {
        try {
            return await takeWithin(member, timeout, res);
        } catch (reason) {
            if (reason === "timeout")
                send(res, 504, {
                    error:
                        `${member.what}: no free slot within ${timeout / 1000} s (in flight: ` +
                        `${member.slots.used} of ${perServer} to it, ${member.slots.waiting} ` +
                        `more waiting; ${all.used} of ${inFlight} to the fleet)`
                });
            return null;
        }
    }

    /** {name, url, emulated, version, reachable, error} of one member, from /api/version. */
    function probe(member) {
        // One probe per server at a time: lists asked for meanwhile share its answer.
        member.probing ??= check(member).finally(() => (member.probing = null));
        return member.probing;
    }

    async function check(member) {
        const seconds = `${probeTimeout / 1000} s`;
        const result = (version, error) => ({
            name: member.name,
            url: member.target.href,
            emulated: member.emulated,
            version,
            reachable: error === null,
            error
        });
        const begun = Date.now();
        let release;
        try {
            release = await takeWithin(member, probeTimeout);
        } catch {
            return result(null, `no answer within ${seconds} (busy)`);
        }
        const answer = await new Promise((resolve) => {
            const upstream = requestUpstream(member.target, {
                method: "GET",
                path: "/api/version",
                headers: {"x-api-key": member.apikey, "accept": "application/json"},
                timeout: probeTimeout
            });
            // The whole probe, queue included, has probeTimeout; silence within it too.
            const silent = Object.assign(new Error("timeout"), {code: "GATEWAY_TIMEOUT"});
            let timedOut = false;
            const timer = setTimeout(
                () => {
                    timedOut = true;
                    upstream.destroy(silent);
                },
                Math.max(0, probeTimeout - (Date.now() - begun))
            );
            upstream.on("response", (response) => {
                const chunks = [];
                let size = 0;
                const done = (answer) => {
                    clearTimeout(timer);
                    resolve(answer);
                };
                response.on("data", (chunk) => {
                    size += chunk.length;
                    if (size <= MAX_VERSION_ANSWER) return chunks.push(chunk);
                    // Too long for a version: no OctoPrint's.
                    done({status: response.statusCode, body: Buffer.alloc(0)});
                    response.destroy();
                });
                response.on("end", () =>
                    done({status: response.statusCode, body: Buffer.concat(chunks)})
                );
                response.on("error", () => {}); // "close" follows
                response.on("close", () =>
                    done({
                        error: timedOut ? silent : new Error("its answer broke off")
                    })
                );
            });
            upstream.on("error", (error) => {
                clearTimeout(timer);
                resolve({error});
            });
            upstream.end();
        });
        release();
        if (answer.error) {
            const {code} = answer.error;
            if (code === "GATEWAY_TIMEOUT")
                return result(null, `no answer within ${seconds}`);
            if (code === "ECONNREFUSED") return result(null, "connection refused");
            return result(null, `not reachable: ${describe(answer.error)}`);
        }
        if (answer.status === 401 || answer.status === 403)
            return result(null, `key rejected (${answer.status})`);
        let version;
        try {
            version = JSON.parse(answer.body.toString("utf8")).server;
        } catch {
            version = undefined;
        }
        if (answer.status !== 200)
            return result(null, `not an OctoPrint (${answer.status} for /api/version)`);
        if (typeof version !== "string" || !version)
            return result(null, "not an OctoPrint (no version in its /api/version)");
        return result(version, null);
    }

    const list = () => Promise.all(Array.from(members.values(), probe));

    async function handle(req, res) {
        const path = req.url.split("?")[0];
        if (path === "/fleet/servers") {
            if (req.method === "GET" || req.method === "HEAD")
                send(res, 200, await list());
            else send(res, 405, {error: "Method not allowed"}, {Allow: "GET, HEAD"});
            return;
        }
        // The raw target: the name is one plain segment, the rest goes on byte for byte.
        const match = /^\/fleet\/([^/?]+)(\/.*)$/s.exec(req.url);
        const member = match && members.get(match[1]);
        if (!member) {
            send(res, 404, {error: "Not found: no such server in this fleet"});
            return;
        }
        await member.forwarder.forward(req, res, match[2]);
    }

    return {
        servers: Array.from(members.values(), ({name, target, emulated}) => ({
            name,
            url: target.href,
            emulated
        })),
        limits: {perServer, inFlight, timeout, probeTimeout},
        handle,
        list
    };
}
