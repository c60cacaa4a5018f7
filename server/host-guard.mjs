// The guard against DNS rebinding: a page of another site whose name the attacker points at
// 127.0.0.1 reaches this server as same-origin, but its requests carry the attacker's name in
// the Host header. So the server answers only requests addressed to it by an address it
// listens on; everything else gets 403.
import {networkInterfaces} from "node:os";

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
