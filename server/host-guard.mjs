// The guard against DNS rebinding: a page of another site whose name the attacker points at
// 127.0.0.1 reaches this server as same-origin, but its requests carry the attacker's name in
// the Host header. So the server answers only requests addressed to it by an address it
// listens on; everything else gets 403. A request from another site's page (browsers send
// Origin with every cross-origin request and with same-origin ones that change something) gets
// 403 too.
import {networkInterfaces} from "node:os";
import {send} from "./http.mjs";

const WILDCARD = new Set(["0.0.0.0", "::", ""]);

/**
 * The Host header values (lower case) a server listening on `host`:`port` answers:
 * 127.0.0.1 and localhost, `host` itself, and, for a wildcard `host` (0.0.0.0, ::), every
 * address of this machine's interfaces. Port 80 may go without ":80".
 */
export function allowedHosts(host, port) {
    const names = new Set(["127.0.0.1", "localhost", host.toLowerCase()]);
    if (WILDCARD.has(host)) {
        for (const addresses of Object.values(networkInterfaces())) {
            for (const {address} of addresses ?? []) names.add(address.toLowerCase());
        }
    }
    const hosts = new Set();
    for (const name of names) {
        if (!name) continue;
        const shown = name.includes(":") ? `[${name}]` : name; // IPv6 in brackets
        hosts.add(`${shown}:${port}`);
        if (port === 80) hosts.add(shown);
    }
    return hosts;
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
 * Answers 403 and returns true when the request's Host is not one of `hosts` (allowedHosts)
 * or its Origin is another site's: nothing of it is served.
 */
export function refuse(req, res, hosts) {
    if (!hosts.has(String(req.headers.host).toLowerCase())) {
        send(res, 403, {
            error: `Host ${req.headers.host} is not this server's address (DNS rebinding guard)`
        });
        return true;
    }
    if (!ownOrigin(req.headers.origin, hosts)) {
        send(res, 403, {error: `Origin ${req.headers.origin} is not this server's`});
        return true;
    }
    return false;
}
