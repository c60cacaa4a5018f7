/*
 * The fleet's plan: the users and groups each server has, and what is wanted of them, in;
 * per server, the operations that get it there, in a safe order, out. Plain JavaScript with
 * no DOM, no jQuery and no Node API, so the page, Node and a command line can all use it.
 *
 * An operation says what to call on that server's `OctoPrint.access` (method and arguments),
 * never raw HTTP: the executor runs them through each server's own client. A server's
 * operations run one after another, in the order given; servers run side by side. See
 * docs/fleet.md ("The modules: plan, executor, drift") for the rules written out.
 */

/**
 * One server as its access API lists it (GET api/access/users, groups, permissions). Members
 * of the records other than those read here are ignored.
 * @typedef {object} ServerState
 * @property {string} name
 * @property {UserRecord[]} users
 * @property {GroupRecord[]} groups
 * @property {{key: string}[]} [permissions] Without it, permission keys are not checked.
 */
/**
 * @typedef {object} UserRecord
 * @property {string} name
 * @property {boolean} active
 * @property {string[]} groups
 * @property {string[]} permissions
 */
/**
 * @typedef {object} GroupRecord
 * @property {string} key
 * @property {string} name
 * @property {string} description
 * @property {boolean} default
 * @property {string[]} permissions
 * @property {string[]} subgroups
 * @property {boolean} removable
 * @property {boolean} changeable
 */

/**
 * A user as wanted. With `active`, `groups` and `permissions` all given it is the whole user,
 * created where it is missing; with only some, those members change where the user exists and
 * servers without it are left alone.
 * @typedef {object} WantedUser
 * @property {string} name
 * @property {boolean} [active]
 * @property {string[]} [groups]
 * @property {string[]} [permissions]
 * @property {string} [password] The password where the user is created (none: the plan says
 *     where one is needed).
 * @property {string} [newPassword] Set where the user exists.
 */
/**
 * A group as wanted: created where it is missing, made so where it differs.
 * @typedef {object} WantedGroup
 * @property {string} key
 * @property {string} name
 * @property {string} description
 * @property {boolean} default
 * @property {string[]} permissions
 * @property {string[]} subgroups
 * @property {boolean} [onlyIfMissing] Created where missing, left as it is where present.
 */
/**
 * @typedef {object} Wanted
 * @property {WantedUser[]} [users]
 * @property {WantedGroup[]} [groups]
 * @property {string[]} [deleteUsers]
 * @property {string[]} [deleteGroups]
 * @property {boolean} [prune] Also delete the users and groups not in `users` and `groups`.
 */

/**
 * A call on a server's `OctoPrint.access`: `method` is "users.add", "users.update",
 * "users.changePassword", "users.delete", "groups.add", "groups.update" or "groups.delete";
 * `args` its arguments (no request options).
 * @typedef {{method: string, args: unknown[]}} Call
 */
/**
 * @typedef {object} Operation
 * @property {"create" | "update" | "delete"} action
 * @property {"user" | "group"} kind
 * @property {string} id The user's name or the group's key.
 * @property {string[]} fields What changes ("active", "groups", "permissions", "password";
 *     "description", "default", "permissions", "subgroups"); for a create, what it sets.
 * @property {Call[]} calls In order. Empty while `missing` is set.
 * @property {Call[]} [ifExists] A create's: run these instead when its add is answered 409.
 * @property {"password"} [missing] It cannot run until a password is given.
 */
/** @typedef {{kind: "user" | "group", id: string, text: string}} Message */
/**
 * @typedef {object} ServerPlan
 * @property {string} server
 * @property {Operation[]} ops Nothing to do when empty.
 * @property {Message[]} warnings What of the wanted state this server will not get.
 * @property {Message[]} notes What the plan did on its own, or left alone, and why.
 */

/** @param {string[]} a @param {string[]} b */
const sameSet = (a, b) => {
    const set = new Set(a);
    return new Set(b).size === set.size && b.every((key) => set.has(key));
};
/** @param {string[]} list */
const unique = (list) => Array.from(new Set(list));
/**
 * Text order, the same everywhere (not the locale's): for the fleet's names and keys.
 * @param {string} a @param {string} b
 */
export const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/**
 * A list of keys as a set: each once, in text order.
 * @param {string[]} list
 */
export const sortedSet = (list) => unique(list).sort(byText);
/** @param {unknown} value */
const quote = (value) => JSON.stringify(value);

/** @type {(method: string, ...args: unknown[]) => Call} */
const call = (method, ...args) => ({method, args});

// The portable order, which both this project's component and OctoPrint's own access.js
// take: OctoPrint's file reads a third argument as the (ignored) admin flag. All three
// members are always sent: OctoPrint 1.10 answers 500 to a null list in an update.
/** @param {string} name @param {boolean} active @param {string[]} permissions @param {string[]} groups */
const userUpdate = (name, active, permissions, groups) =>
    call("users.update", name, active, false, permissions, groups);

/**
 * Runs one Call on a server's `OctoPrint.access` and returns what it returns (the jqXHR).
 * @param {any} access
 * @param {Call} c
 */
export function invoke(access, c) {
    const [part, method] = c.method.split(".");
    const api = access[part];
    return api[method].apply(api, c.args);
}

/**
 * The plan for every server: what each needs, in a safe order, to reach `wanted`.
 * Throws an Error on a `wanted` that contradicts itself (a name twice, a user or group both
 * wanted and deleted, something wanted that names a group being deleted).
 * @param {ServerState[]} servers
 * @param {Wanted} wanted
 * @returns {ServerPlan[]}
 */
export function planFleet(servers, wanted) {
    checkWanted(wanted);
    return servers.map((server) => planServer(server, wanted, servers));
}

/**
 * Where a password is needed before the plan can run: the users to create without one.
 * @param {ServerPlan[]} plans
 */
export function passwordsNeeded(plans) {
    /** @type {{server: string, name: string}[]} */
    const needed = [];
    for (const plan of plans) {
        for (const op of plan.ops) {
            if (op.missing === "password")
                needed.push({server: plan.server, name: op.id});
        }
    }
    return needed;
}

/** @param {Wanted} wanted */
function checkWanted(wanted) {
    const users = wanted.users || [];
    const groups = wanted.groups || [];
    const deleteUsers = new Set(wanted.deleteUsers || []);
    const deleteGroups = new Set(wanted.deleteGroups || []);
    /** @param {string[]} names @param {string} what */
    const once = (names, what) => {
        const seen = new Set();
        for (const name of names) {
            if (typeof name !== "string" || !name) {
                throw new Error(`${what}: ${quote(name)} is not a name`);
            }
            if (seen.has(name)) throw new Error(`${what}: ${quote(name)} appears twice`);
            seen.add(name);
        }
    };
    once(
        users.map((u) => u.name),
        "users"
    );
    once(
        groups.map((g) => g.key),
        "groups"
    );
    once(wanted.deleteUsers || [], "deleteUsers");
    once(wanted.deleteGroups || [], "deleteGroups");
    for (const user of users) {
        if (deleteUsers.has(user.name)) {
            throw new Error(`user ${quote(user.name)} is both wanted and deleted`);
        }
        for (const key of user.groups || []) {
            if (deleteGroups.has(key)) {
                throw new Error(
                    `user ${quote(user.name)} is wanted in deleted group ${quote(key)}`
                );
            }
        }
    }
    for (const group of groups) {
        if (deleteGroups.has(group.key)) {
            throw new Error(`group ${quote(group.key)} is both wanted and deleted`);
        }
        for (const key of group.subgroups) {
            if (deleteGroups.has(key)) {
                throw new Error(
                    `group ${quote(group.key)} is wanted with deleted subgroup ${quote(key)}`
                );
            }
        }
    }
}

/**
 * @param {ServerState} server
 * @param {Wanted} wanted
 * @param {ServerState[]} fleet Where a group this server lacks and needs is defined.
 * @returns {ServerPlan}
 */
function planServer(server, wanted, fleet) {
    /** @type {Message[]} */
    const warnings = [];
    /** @type {Message[]} */
    const notes = [];
    /** @type {(kind: "user" | "group", id: string, text: string) => void} */
    const warn = (kind, id, text) => void warnings.push({kind, id, text});
    /** @type {(kind: "user" | "group", id: string, text: string) => void} */
    const note = (kind, id, text) => void notes.push({kind, id, text});

    const users = new Map(server.users.map((u) => [u.name, u]));
    const groups = new Map(server.groups.map((g) => [g.key, g]));
    const permissions = server.permissions
        ? new Set(server.permissions.map((p) => p.key))
        : null;
    const wantedUsers = wanted.users || [];
    // The groups wanted here; `onlyIfMissing` ones join when something needs them (ensure()).
    /** @type {Map<string, WantedGroup>} */
    const wantedGroups = new Map();
    /** @type {Map<string, WantedGroup>} */
    const spares = new Map();
    for (const group of wanted.groups || []) {
        (group.onlyIfMissing ? spares : wantedGroups).set(group.key, group);
    }

    // ~~ what goes: users and groups to delete (built-in groups stay)

    const deletedUsers = new Set();
    for (const name of wanted.deleteUsers || []) {
        if (users.has(name)) deletedUsers.add(name);
        else note("user", name, "not on this server");
    }
    const deletedGroups = new Set();
    for (const key of wanted.deleteGroups || []) {
        const group = groups.get(key);
        if (!group) note("group", key, "not on this server");
        else if (!group.removable) warn("group", key, "built in: it cannot be deleted");
        else deletedGroups.add(key);
    }
    if (wanted.prune) {
        for (const name of users.keys()) {
            if (!wantedUsers.some((u) => u.name === name)) deletedUsers.add(name);
        }
        for (const group of groups.values()) {
            if (wantedGroups.has(group.key) || spares.has(group.key)) continue;
            if (group.removable) deletedGroups.add(group.key);
            else note("group", group.key, "built in: kept");
        }
    }

    // ~~ what the wanted lists may name here

    /** @param {string[]} keys @param {"user" | "group"} kind @param {string} id */
    const knownPermissions = (keys, kind, id) =>
        unique(keys).filter((key) => {
            if (!permissions || permissions.has(key)) return true;
            warn(kind, id, `permission ${quote(key)} is not on this server: left out`);
            return false;
        });

    /**
     * Whether group `key` will be here. One that is not, nor wanted, is created where it is
     * needed: as `wanted` defines it (onlyIfMissing), else as the first server that has it.
     * @param {string} key
     * @param {string} by Who needs it, for the note.
     */
    const ensure = (key, by) => {
        if (deletedGroups.has(key)) return false;
        if (groups.has(key) || wantedGroups.has(key)) return true;
        let group = spares.get(key);
        let from = "";
        if (!group) {
            const source = fleet.find((s) => s.groups.some((g) => g.key === key));
            if (!source) return false;
            group = wantedGroup(
                /** @type {GroupRecord} */ (source.groups.find((g) => g.key === key))
            );
            from = ` as on ${source.name}`;
        }
        wantedGroups.set(key, group);
        note("group", key, `created${from}: ${by} needs it`);
        return true;
    };

    /** @param {string[]} keys @param {"user" | "group"} kind @param {string} id */
    const knownGroups = (keys, kind, id) =>
        unique(keys).filter((key) => {
            if (ensure(key, `${kind} ${quote(id)}`)) return true;
            const what = kind === "user" ? "group" : "subgroup";
            warn(kind, id, `${what} ${quote(key)} is not on this server: left out`);
            return false;
        });

    // ~~ the users' wanted members here (what they name may join groups), then the groups'

    /** @type {{want: WantedUser, current: UserRecord | undefined, active: boolean, groups: string[], permissions: string[]}[]} */
    const userTargets = [];
    for (const want of wantedUsers) {
        const current = users.get(want.name);
        const whole =
            want.active !== undefined &&
            want.groups !== undefined &&
            want.permissions !== undefined;
        if (!current && !whole) {
            note("user", want.name, "not on this server: nothing to change");
            continue;
        }
        const had = /** @type {UserRecord} */ (current); // read only for members not wanted
        userTargets.push({
            want,
            current,
            active: want.active === undefined ? had.active : want.active,
            groups: want.groups
                ? knownGroups(want.groups, "user", want.name)
                : had.groups,
            permissions: want.permissions
                ? knownPermissions(want.permissions, "user", want.name)
                : had.permissions
        });
    }

    /** @type {Map<string, WantedGroup>} */
    const creates = new Map();
    /** @type {Map<string, WantedGroup>} */
    const targets = new Map();
    // A Map's loop also visits the groups ensure() adds while it runs.
    for (const want of wantedGroups.values()) {
        const target = {
            ...want,
            permissions: knownPermissions(want.permissions, "group", want.key),
            subgroups: knownGroups(want.subgroups, "group", want.key)
        };
        if (groups.has(want.key)) targets.set(want.key, target);
        else creates.set(want.key, target);
    }
    // Kept groups that name a deleted group as a subgroup let go of it first.
    for (const group of groups.values()) {
        if (deletedGroups.has(group.key) || targets.has(group.key)) continue;
        if (group.subgroups.some((key) => deletedGroups.has(key))) {
            targets.set(group.key, {
                ...group,
                subgroups: group.subgroups.filter((key) => !deletedGroups.has(key))
            });
        }
    }

    /** @type {Operation[]} */
    const ops = [];
    // The subgroups as they will be at each step, to order the steps.
    const graph = new Map(
        Array.from(groups.values()).map((g) => [g.key, new Set(g.subgroups)])
    );

    // 1. New groups, each after the new groups it names as subgroups.
    const created = new Set();
    /** @param {WantedGroup} group @param {string[]} path */
    const create = (group, path) => {
        if (created.has(group.key)) return;
        path.push(group.key);
        const subgroups = group.subgroups.filter((key) => {
            if (path.indexOf(key) < 0) return true;
            warn("group", group.key, `subgroup ${quote(key)} left out: it makes a cycle`);
            return false;
        });
        for (const key of subgroups) {
            const sub = creates.get(key);
            if (sub) create(sub, path);
        }
        path.pop();
        created.add(group.key);
        graph.set(group.key, new Set(subgroups));
        const {key, name, description, permissions, default: isDefault} = group;
        ops.push({
            action: "create",
            kind: "group",
            id: key,
            fields: ["name", "description", "default", "permissions", "subgroups"],
            calls: [
                call("groups.add", {
                    key,
                    name,
                    description,
                    permissions,
                    subgroups,
                    default: isDefault
                })
            ],
            ifExists: [
                call("groups.update", {
                    key,
                    description,
                    permissions,
                    subgroups,
                    default: isDefault
                })
            ]
        });
    };
    for (const group of creates.values()) create(group, []);

    // 2. Changed groups, sending only what differs (a member left out is kept). Each step
    // waits until it closes no cycle of subgroups, which OctoPrint refuses: as long as the
    // end state has none, some step always can go next.
    /** @type {{key: string, members: {[member: string]: unknown}, fields: string[], subgroups: string[] | null}[]} */
    const updates = [];
    for (const target of targets.values()) {
        const current = /** @type {GroupRecord} */ (groups.get(target.key));
        if (target.name !== current.name) {
            warn(
                "group",
                target.key,
                `named ${quote(current.name)} here, not ${quote(target.name)}: ` +
                    "OctoPrint cannot rename a group"
            );
        }
        /** @type {{[member: string]: unknown}} */
        const members = {};
        if (target.description !== current.description) {
            members.description = target.description;
        }
        if (target.default !== current.default) members.default = target.default;
        if (!sameSet(target.permissions, current.permissions)) {
            members.permissions = target.permissions;
        }
        const subgroups = sameSet(target.subgroups, current.subgroups)
            ? null
            : target.subgroups;
        const fields = Object.keys(members).concat(subgroups ? ["subgroups"] : []);
        if (!fields.length) continue;
        if (!current.changeable) {
            warn(
                "group",
                target.key,
                `built in: it cannot be changed (differs in ${fields.join(", ")})`
            );
            continue;
        }
        updates.push({key: target.key, members, fields, subgroups});
    }
    /** @param {string} from @param {string} to Whether `to` is reached from `from`. */
    const reaches = (from, to) => {
        const seen = new Set();
        /** @param {string} key @returns {boolean} */
        const walk = (key) => {
            if (key === to) return true;
            if (seen.has(key)) return false;
            seen.add(key);
            return Array.from(graph.get(key) || []).some(walk);
        };
        return walk(from);
    };
    /** @param {{key: string, subgroups: string[] | null}} update Its new subgroups that would close a cycle now. */
    const closing = (update) => {
        const had = graph.get(update.key) || new Set();
        return (update.subgroups || []).filter(
            (key) => !had.has(key) && reaches(key, update.key)
        );
    };
    while (updates.length) {
        const next = updates.findIndex((update) => !closing(update).length);
        if (next < 0) {
            // The cycle is this server's own (with groups not wanted): leave it out.
            const update = updates[0];
            const cycle = closing(update);
            for (const key of cycle) {
                warn(
                    "group",
                    update.key,
                    `subgroup ${quote(key)} left out: it makes a cycle on this server`
                );
            }
            update.subgroups = (update.subgroups || []).filter(
                (key) => cycle.indexOf(key) < 0
            );
            if (sameSet(update.subgroups, Array.from(graph.get(update.key) || []))) {
                update.subgroups = null;
                update.fields = update.fields.filter((field) => field !== "subgroups");
                if (!update.fields.length) updates.shift();
            }
            continue;
        }
        const [update] = updates.splice(next, 1);
        const members = {...update.members};
        if (update.subgroups) {
            members.subgroups = update.subgroups;
            graph.set(update.key, new Set(update.subgroups));
        }
        ops.push({
            action: "update",
            kind: "group",
            id: update.key,
            fields: update.fields,
            calls: [call("groups.update", {key: update.key, ...members})]
        });
    }

    // 3. Users, created or made so, after the groups they need.
    for (const {
        want,
        current,
        active,
        groups: groupKeys,
        permissions: keys
    } of userTargets) {
        const update = userUpdate(want.name, active, keys, groupKeys);
        const password = want.newPassword
            ? [call("users.changePassword", want.name, want.newPassword)]
            : [];
        if (!current) {
            /** @type {Operation} */
            const op = {
                action: "create",
                kind: "user",
                id: want.name,
                fields: ["active", "groups", "permissions"],
                calls: [],
                ifExists: [update].concat(password)
            };
            if (want.password) {
                const user = {
                    name: want.name,
                    password: want.password,
                    active,
                    groups: groupKeys,
                    permissions: keys
                };
                op.calls.push(call("users.add", user));
            } else {
                op.missing = "password";
            }
            ops.push(op);
            continue;
        }
        const fields = [];
        if (active !== current.active) fields.push("active");
        if (!sameSet(groupKeys, current.groups)) fields.push("groups");
        if (!sameSet(keys, current.permissions)) fields.push("permissions");
        const calls = fields.length ? [update] : [];
        if (password.length) fields.push("password");
        if (!fields.length) continue;
        ops.push({
            action: "update",
            kind: "user",
            id: want.name,
            fields,
            calls: calls.concat(password)
        });
    }

    // 4. Users deleted, then 5. groups, each before the subgroups it names.
    for (const name of deletedUsers) {
        ops.push({
            action: "delete",
            kind: "user",
            id: name,
            fields: [],
            calls: [call("users.delete", name)]
        });
    }
    const removed = new Set();
    /** @param {string} key */
    const remove = (key) => {
        if (removed.has(key)) return;
        removed.add(key);
        for (const group of groups.values()) {
            if (deletedGroups.has(group.key) && group.subgroups.indexOf(key) >= 0) {
                remove(group.key);
            }
        }
        // Users still in it then: OctoPrint takes it from them.
        const members = server.users
            .filter((u) => u.groups.indexOf(key) >= 0 && !deletedUsers.has(u.name))
            .filter((u) => !userTargets.some((t) => t.current === u && t.want.groups))
            .map((u) => quote(u.name));
        if (members.length) {
            note("group", key, `deleting it takes it from ${members.join(", ")}`);
        }
        ops.push({
            action: "delete",
            kind: "group",
            id: key,
            fields: [],
            calls: [call("groups.delete", key)]
        });
    };
    for (const key of deletedGroups) remove(key);

    return {server: server.name, ops, warnings, notes};
}

// ~~ the actions of the fleet view, each as the state it wants

/**
 * Add a user everywhere: created where missing (with `password`), made so where it exists
 * (its password left as it is there).
 * @param {{name: string, password: string, active?: boolean, groups: string[], permissions: string[]}} user
 * @returns {Wanted}
 */
export function addUser(user) {
    const {name, password, groups, permissions} = user;
    return {
        users: [{name, password, active: user.active !== false, groups, permissions}]
    };
}

/**
 * Make a user the same everywhere as on `server` (active, groups, permissions), and the groups
 * it is in exist as they are there where they are missing. Where the user must be created a
 * password is needed: `password`, or the plan says where one is missing.
 * @param {ServerState} server
 * @param {string} name
 * @param {string} [password]
 * @returns {Wanted}
 */
export function copyUser(server, name, password) {
    const user = server.users.find((u) => u.name === name);
    if (!user) throw new Error(`no user ${quote(name)} on ${server.name}`);
    /** @type {WantedUser} */
    const want = {
        name,
        active: user.active,
        groups: user.groups.slice(),
        permissions: user.permissions.slice()
    };
    if (password) want.password = password;
    return {users: [want], groups: groupsNamed(server, user.groups)};
}

/**
 * Activate or deactivate a user everywhere it exists.
 * @param {string} name
 * @param {boolean} active
 * @returns {Wanted}
 */
export function setUserActive(name, active) {
    return {users: [{name, active}]};
}

/**
 * Change a user's password everywhere it exists.
 * @param {string} name
 * @param {string} password
 * @returns {Wanted}
 */
export function setUserPassword(name, password) {
    return {users: [{name, newPassword: password}]};
}

/** @param {string} name @returns {Wanted} */
export function deleteUser(name) {
    return {deleteUsers: [name]};
}

/**
 * Make a group the same everywhere as on `server` (description, default, permissions,
 * subgroups; the name where it is created), its subgroups created as they are there where
 * they are missing.
 * @param {ServerState} server
 * @param {string} key
 * @returns {Wanted}
 */
export function copyGroup(server, key) {
    const group = server.groups.find((g) => g.key === key);
    if (!group) throw new Error(`no group ${quote(key)} on ${server.name}`);
    const wanted = groupsNamed(server, group.subgroups);
    return {groups: [wantedGroup(group)].concat(wanted.filter((g) => g.key !== key))};
}

/** @param {string} key @returns {Wanted} */
export function deleteGroup(key) {
    return {deleteGroups: [key]};
}

/** @param {GroupRecord} group @returns {WantedGroup} */
function wantedGroup(group) {
    return {
        key: group.key,
        name: group.name,
        description: group.description,
        default: group.default,
        permissions: group.permissions.slice(),
        subgroups: group.subgroups.slice()
    };
}

/**
 * The groups `keys` and their subgroups, all the way down, as on `server`, to be created only
 * where they are missing.
 * @param {ServerState} server
 * @param {string[]} keys
 */
function groupsNamed(server, keys) {
    /** @type {Map<string, WantedGroup>} */
    const found = new Map();
    /** @param {string} key */
    const add = (key) => {
        const group = server.groups.find((g) => g.key === key);
        if (!group || found.has(key)) return;
        found.set(key, {...wantedGroup(group), onlyIfMissing: true});
        group.subgroups.forEach(add);
    };
    keys.forEach(add);
    return Array.from(found.values());
}
