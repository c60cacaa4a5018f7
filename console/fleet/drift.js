/*
 * Drift: the fleet's users and groups side by side, one row per user name (or group key) over
 * the union of the servers read, one cell per server, and what is not the same everywhere in
 * words ("missing on ender-2", "groups differ on prusa-1"). Plain JavaScript with no DOM, as
 * plan.js: the fleet view draws what this computes, and Node tests it.
 *
 * Where servers differ, the value most of them hold is taken as the norm (on a tie, the one
 * the first server in the list holds), and the others are named: one printer with an extra
 * group is "groups differ on" that printer, not the other 99.
 */

import {byText, sortedSet} from "./plan.js";

/** @typedef {import("./plan.js").ServerState} ServerState */
/** @typedef {import("./plan.js").UserRecord} UserRecord */
/** @typedef {import("./plan.js").GroupRecord} GroupRecord */
/**
 * A user on one server. `differs`: what of it is not as on most servers ("missing",
 * "active", "groups", "permissions").
 * @typedef {object} UserCell
 * @property {string} server
 * @property {UserRecord | null} user Null where the server has no such user.
 * @property {string[]} differs
 */
/**
 * @typedef {object} UserRow
 * @property {string} name
 * @property {UserCell[]} cells One per server, in the servers' order.
 * @property {string[]} drift What differs, in words; none when the user is the same everywhere.
 */
/**
 * A group on one server. `differs`: "missing", "name", "description", "default",
 * "permissions", "subgroups".
 * @typedef {object} GroupCell
 * @property {string} server
 * @property {GroupRecord | null} group
 * @property {string[]} differs
 */
/**
 * @typedef {object} GroupRow
 * @property {string} key
 * @property {GroupCell[]} cells
 * @property {string[]} drift
 */
/**
 * @template Row
 * @typedef {{servers: string[], rows: Row[], drifted: number}} Matrix
 */

/** How many servers a drift word names before it says "and N more". */
export const NAMED = 3;

/** A set of keys as one comparable value. */
const setKey = (/** @type {string[]} */ keys) => JSON.stringify(sortedSet(keys));

/**
 * Servers named in words: "a", "a and b", "a, b and c", "a, b, c and 4 more".
 * @param {string[]} names
 */
export function serverNames(names) {
    if (names.length <= 1) return names.join("");
    if (names.length <= NAMED) {
        return names.slice(0, -1).join(", ") + " and " + names[names.length - 1];
    }
    return names.slice(0, NAMED).join(", ") + " and " + (names.length - NAMED) + " more";
}

/**
 * The cells whose value (by `valueOf`) is not the one most of the present cells hold; on a
 * tie, the norm is the value of the first of them.
 * @template T
 * @param {T[]} present
 * @param {(item: T) => string} valueOf
 * @returns {{norm: string, odd: T[]}}
 */
function oddOnes(present, valueOf) {
    /** @type {Map<string, number>} */
    const counts = new Map();
    for (const item of present) {
        const value = valueOf(item);
        counts.set(value, (counts.get(value) || 0) + 1);
    }
    let norm = "";
    let most = 0;
    for (const [value, count] of counts) {
        // A Map keeps insertion order: the first server's value wins a tie.
        if (count > most) {
            norm = value;
            most = count;
        }
    }
    return {norm, odd: present.filter((item) => valueOf(item) !== norm)};
}

/**
 * One row per id over the union of the servers' records, in id order.
 * @template R
 * @param {ServerState[]} servers
 * @param {(server: ServerState) => R[]} recordsOf
 * @param {(record: R) => string} idOf
 * @param {{field: string, valueOf: (record: R) => string, words: (record: R, norm: string) => string}[]} fields
 *     What is compared: `words` says how one odd cell differs ("groups differ"), given the norm.
 * @returns {{id: string, cells: {server: string, record: R | null, differs: string[]}[], drift: string[]}[]}
 */
function rowsOf(servers, recordsOf, idOf, fields) {
    /** @type {Map<string, Map<string, R>>} id -> server -> record */
    const byId = new Map();
    for (const server of servers) {
        for (const record of recordsOf(server)) {
            const id = idOf(record);
            if (!byId.has(id)) byId.set(id, new Map());
            /** @type {Map<string, R>} */ (byId.get(id)).set(server.name, record);
        }
    }
    return Array.from(byId.keys())
        .sort(byText)
        .map((id) => {
            const held = /** @type {Map<string, R>} */ (byId.get(id));
            const cells = servers.map((server) => {
                const record = held.get(server.name);
                return {
                    server: server.name,
                    record: record === undefined ? null : record,
                    /** @type {string[]} */ differs: []
                };
            });
            /** @type {string[]} */
            const drift = [];
            /** @param {string} text @param {typeof cells} odd @param {string} field */
            const word = (text, odd, field) => {
                for (const cell of odd) cell.differs.push(field);
                drift.push(text + " on " + serverNames(odd.map((cell) => cell.server)));
            };
            const missing = cells.filter((cell) => cell.record === null);
            if (missing.length) word("missing", missing, "missing");
            const present = cells.filter((cell) => cell.record !== null);
            for (const {field, valueOf, words} of fields) {
                const value = (/** @type {typeof cells[number]} */ cell) =>
                    valueOf(/** @type {R} */ (cell.record));
                const {norm, odd} = oddOnes(present, value);
                // Odd ones grouped by how they differ ("inactive", "active"), in order.
                /** @type {Map<string, typeof cells>} */
                const ways = new Map();
                for (const cell of odd) {
                    const text = words(/** @type {R} */ (cell.record), norm);
                    ways.set(text, (ways.get(text) || []).concat(cell));
                }
                for (const [text, cellsOf] of ways) word(text, cellsOf, field);
            }
            return {id, cells, drift};
        });
}

/**
 * The users across the fleet: one row per user name over the servers given (those read), a
 * cell per server: absent (`user` null), or the user (active, groups, own permissions).
 * @param {ServerState[]} servers
 * @returns {Matrix<UserRow>}
 */
export function usersMatrix(servers) {
    const rows = rowsOf(
        servers,
        (server) => server.users,
        (user) => user.name,
        [
            {
                field: "active",
                valueOf: (user) => String(user.active),
                words: (user) => (user.active ? "active" : "inactive")
            },
            {
                field: "groups",
                valueOf: (user) => setKey(user.groups),
                words: () => "groups differ"
            },
            {
                field: "permissions",
                valueOf: (user) => setKey(user.permissions),
                words: () => "permissions differ"
            }
        ]
    );
    return /** @type {Matrix<UserRow>} */ (matrixOf(servers, rows, "name", "user"));
}

/**
 * The groups across the fleet: one row per group key, a cell per server: absent (`group`
 * null), or the group (name, description, default, permissions, subgroups).
 * @param {ServerState[]} servers
 * @returns {Matrix<GroupRow>}
 */
export function groupsMatrix(servers) {
    /** @type {(field: "name" | "description") => {field: string, valueOf: (group: GroupRecord) => string, words: () => string}} */
    const text = (field) => ({
        field,
        valueOf: (group) => group[field],
        words: () => field + " differs"
    });
    /** @type {(field: "permissions" | "subgroups") => {field: string, valueOf: (group: GroupRecord) => string, words: () => string}} */
    const keys = (field) => ({
        field,
        valueOf: (group) => setKey(group[field]),
        words: () => field + " differ"
    });
    const rows = rowsOf(
        servers,
        (server) => server.groups,
        (group) => group.key,
        [
            text("name"),
            text("description"),
            {
                field: "default",
                valueOf: (group) => String(group.default),
                words: (group) => (group.default ? "default" : "not default")
            },
            keys("permissions"),
            keys("subgroups")
        ]
    );
    return /** @type {Matrix<GroupRow>} */ (matrixOf(servers, rows, "key", "group"));
}

/**
 * The matrix of rowsOf()'s rows, their ids and records under the names the rows' type has
 * (`name` and `user`, `key` and `group`).
 * @param {ServerState[]} servers
 * @param {{id: string, cells: {server: string, record: unknown, differs: string[]}[], drift: string[]}[]} rows
 * @param {string} id
 * @param {string} record
 * @returns {Matrix<unknown>}
 */
function matrixOf(servers, rows, id, record) {
    const named = rows.map((row) => ({
        [id]: row.id,
        cells: row.cells.map((cell) => ({
            server: cell.server,
            [record]: cell.record,
            differs: cell.differs
        })),
        drift: row.drift
    }));
    return {
        servers: servers.map((server) => server.name),
        rows: named,
        drifted: rows.filter((row) => row.drift.length).length
    };
}
