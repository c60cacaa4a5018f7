// Reading the whole fleet: every server through its own client's access component, a few at
// a time. A browser keeps about 6 connections to one origin, and the fleet server queues
// beyond its own limits, so many more at once would only wait longer in line.
import {failureText} from "../answer.js";

// Servers; each read is 3 requests (users, groups, permissions). 9 keep the browser's 6
// connections busy while answers are parsed: `npm run bench -- fleet` read 100 servers about
// a tenth faster than with 2, and no faster with 6 or 12.
export const READ_AT_ONCE = 3;

/**
 * Runs `task(item, index)` for each of `items`, at most `limit` at once, started in order.
 * Resolves, once all have ended, to their outcomes in the items' order: {value} or {error}.
 * (The executor, apply.js, runs its servers with it too.)
 * @template T, R
 * @param {T[]} items
 * @param {number} limit
 * @param {(item: T, index: number) => R | PromiseLike<R>} task
 * @returns {Promise<({value: R} | {error: unknown})[]>}
 */
export function eachLimited(items, limit, task) {
    /** @type {({value: R} | {error: unknown})[]} */
    const outcomes = new Array(items.length);
    let next = 0;
    /** @returns {Promise<void>} */
    function worker() {
        if (next >= items.length) return Promise.resolve();
        const index = next++;
        return Promise.resolve()
            .then(() => task(items[index], index))
            .then(
                (value) => (outcomes[index] = {value}),
                (error) => (outcomes[index] = {error})
            )
            .then(worker);
    }
    const workers = Array.from({length: Math.min(limit, items.length)}, worker);
    return Promise.all(workers).then(() => outcomes);
}

/**
 * Reads one server's users, groups and permissions through `client.access` (the three lists
 * at once; the plan checks permission keys against the server's). Resolves to {users,
 * groups, permissions}; rejects with the failed call's jqXHR.
 * @param {any} client
 */
export function readServer(client) {
    const access = client.access;
    // A jqXHR is a thenable: Promise.all adopts its answer, or its failure (the jqXHR).
    return Promise.all([
        access.users.list(),
        access.groups.list(),
        access.permissions.list()
    ]).then(([users, groups, permissions]) => ({
        users: users.users,
        groups: groups.groups,
        permissions: permissions.permissions
    }));
}

/**
 * Reads every server of `servers` ([{name}]), `limit` at once, with `read(name)` (default:
 * readServer on `clientFor(name)`). Calls `onRead(name, outcome)` as each one ends, outcome
 * {value: what read resolved to} or {error: "what failed, in words"}; resolves to a Map from
 * name to outcome, in the servers' order.
 * @param {{name: string}[]} servers
 * @param {{clientFor?: (name: string) => any, read?: (name: string) => unknown, limit?: number, onRead?: (name: string, outcome: {value: any} | {error: string}) => void}} [options]
 */
export function readFleet(servers, {clientFor, read, limit = READ_AT_ONCE, onRead} = {}) {
    const readOne =
        read ||
        ((name) => readServer(/** @type {(name: string) => any} */ (clientFor)(name)));
    return eachLimited(servers, limit, (server) =>
        Promise.resolve()
            .then(() => readOne(server.name))
            .then(
                (value) => ({value}),
                (error) => ({error: failureText(error)})
            )
            .then((outcome) => {
                if (onRead) onRead(server.name, outcome);
                return outcome;
            })
    ).then(
        (outcomes) =>
            // The task never rejects: each outcome is {value: {value} or {error}}.
            new Map(
                servers.map((server, index) => [
                    server.name,
                    /** @type {{value: {value: unknown} | {error: string}}} */ (
                        outcomes[index]
                    ).value
                ])
            )
    );
}
