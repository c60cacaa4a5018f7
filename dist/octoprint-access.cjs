/*! octoprint-access-client 1.0.0 | MIT */
'use strict';

/**
 * A copy of the caller's options: the base client writes `opts.url` into the object it is
 * given. No options, no copy (and no allocation).
 */
function copy(opts) {
    return opts && Object.assign({}, opts);
}

/**
 * Throws the `InvalidArgumentError` of the client's own class (OctoPrintClient), as OctoPrint's
 * components do: each client's errors are its host's, with no state kept here.
 */
function invalid(base, message) {
    throw new base.constructor.InvalidArgumentError(message);
}
// What encodeURIComponent leaves as it is: names of these characters need no encoding work.
const PLAIN = /^[\w!'()*.~-]+$/;
/**
 * The one rule for putting a user name or group key into a URL: required; a string; not `.` or
 * `..` (browsers collapse those segments, even encoded); encoded as exactly one segment.
 * `what` names the argument in the error ("user name", "group key"); `base` is the client.
 */
function segment(base, value, what) {
    if (!value)
        invalid(base, what + " must be set");
    if (typeof value === "string") {
        // The fast path: one regex test, no encoding work.
        if (PLAIN.test(value)) {
            if (value !== "." && value !== "..")
                return value;
        }
        else {
            try {
                return encodeURIComponent(value);
            }
            catch (_a) {
                // A lone surrogate has no UTF-8 form: refused below.
            }
        }
    }
    return invalid(base, `invalid ${what}: ${JSON.stringify(value)}`);
}

const url$1 = "api/access/groups";
/** Makes `OctoPrint.access.groups` for one client. */
function groupsClient(base) {
    const groupUrl = (key) => url$1 + "/" + segment(base, key, "group key");
    return {
        base,
        list: (opts) => base.get(url$1, copy(opts)),
        get: (key, opts) => base.get(groupUrl(key), copy(opts)),
        add(group, opts) {
            if (!group || !group.key)
                invalid(base, "group key must be set");
            if (!group.name)
                invalid(base, "group name must be set");
            // Built member by member in OctoPrint's order, so that with everything given the
            // body is byte for byte the one OctoPrint's own client sends.
            const body = { key: group.key, name: group.name };
            if (group.description != null)
                body.description = group.description;
            // OctoPrint's server requires both lists (and answers 500 for null).
            body.permissions = group.permissions || [];
            body.subgroups = group.subgroups || [];
            if (group.default != null)
                body.default = group.default;
            return base.postJson(url$1, body, copy(opts));
        },
        update(group, opts) {
            const path = groupUrl(group && group.key);
            const body = {};
            // Only what the caller gave: OctoPrint's own client sends the rest as null, which
            // its server takes as "reset the default flag, wipe the description".
            if (group.description != null)
                body.description = group.description;
            if (group.permissions != null)
                body.permissions = group.permissions;
            if (group.subgroups != null)
                body.subgroups = group.subgroups;
            if (group.default != null)
                body.default = group.default;
            return base.putJson(path, body, copy(opts));
        },
        delete: (key, opts) => base.delete(groupUrl(key), copy(opts))
    };
}

// What the component needs from OctoPrint's base client (OctoPrintClient, static/js/app/client/base.js).
/**
 * The Error's message when there is no host class: the page loaded this file before
 * OctoPrint's client, or base.js itself failed (it throws while loading without lodash), or,
 * as a module, it was given no class.
 */
const LOAD_FIRST = "OctoPrintClient is missing: OctoPrint's base.js (which needs jQuery and lodash) must be loaded first, without an error";
/** The page's default client, `window.OctoPrint`, where there is a page (a module may have none). */
const pageClient = () => typeof window === "object" ? window.OctoPrint : undefined;

/** Makes `OctoPrint.access.permissions` for one client. */
function permissionsClient(base) {
    return { base, list: (opts) => base.get("api/access/permissions", copy(opts)) };
}

const url = "api/access/users";
/** Makes `OctoPrint.access.users` for one client. */
function usersClient(base) {
    const userUrl = (name) => url + "/" + segment(base, name, "user name");
    function put(name, active, permissions, groups, opts) {
        const body = {};
        // Only what the caller gave: OctoPrint's server answers 500 for null lists.
        if (active != null)
            body.active = !!active;
        if (groups != null)
            body.groups = groups;
        if (permissions != null)
            body.permissions = permissions;
        return base.putJson(userUrl(name), body, copy(opts));
    }
    return {
        base,
        list: (opts) => base.get(url, copy(opts)),
        get: (name, opts) => base.get(userUrl(name), copy(opts)),
        add(user, opts) {
            if (!user || !user.name || !user.password) {
                invalid(base, "Both user's name and password need to be set");
            }
            const body = {
                name: user.name,
                password: user.password,
                groups: "groups" in user ? user.groups : [],
                permissions: "permissions" in user ? user.permissions : [],
                active: "active" in user ? !!user.active : true
            };
            return base.postJson(url, body, copy(opts));
        },
        update(...args) {
            if (typeof args[2] === "boolean") {
                // The order of OctoPrint 1.4 to 1.11's own file (and of its Access Control
                // screen), the one portable plugin code uses: drop the flag, shift the rest.
                const [name, active, , permissions, groups, opts] = args;
                return put(name, active, permissions, groups, opts || {});
            }
            return put(...args);
        },
        delete: (name, opts) => base.delete(userUrl(name), copy(opts)),
        changePassword(name, password, oldpw, opts) {
            if (typeof oldpw === "object" && oldpw) {
                opts = oldpw;
                oldpw = undefined;
            }
            if (!name || !password)
                invalid(base, "user name and new password must be set");
            const body = { password };
            if (oldpw)
                body.current = oldpw;
            return base.putJson(userUrl(name) + "/password", body, copy(opts));
        },
        generateApiKey: (name, opts) => base.postJson(userUrl(name) + "/apikey", null, copy(opts)),
        resetApiKey: (name, opts) => base.delete(userUrl(name) + "/apikey", copy(opts)),
        getSettings: (name, opts) => base.get(userUrl(name) + "/settings", copy(opts)),
        saveSettings: (name, settings, opts) => base.patchJson(userUrl(name) + "/settings", settings || {}, copy(opts))
    };
}

/** `OctoPrint.access`: one per client instance, bound to that client's base URL and API key. */
class OctoPrintAccessClient {
    constructor(base) {
        this.base = base;
        this.permissions = permissionsClient(base);
        this.groups = groupsClient(base);
        this.users = usersClient(base);
    }
    /**
     * Makes this component `client.access` in place of the one its class registered
     * (OctoPrint's own access.js, which stock pages load before any plugin's file), whether
     * that was read already or not: OctoPrint's getter returns `client.components.access`
     * whenever it is set. Harmless twice, also across copies of this file (any component whose
     * class has `upgrade` stays). Returns the client's component. A client without a
     * `components` map (not OctoPrint's) keeps its own, and one console.warn says so.
     */
    static upgrade(client) {
        // Reading it first makes the registered one, so a copy of this file is recognised.
        let access = client.access;
        if (!client.components) {
            console.warn("keeping the registered access");
        }
        else if (!(access && access.constructor.upgrade)) {
            console.info("replacing the registered access");
            access = client.components.access = new OctoPrintAccessClient(client);
        }
        // The client's component: ours, a copy's, or (no components map) the registered one,
        // which has the same API.
        return access;
    }
}
/**
 * Registers the component as `access` on `OctoPrintClient`, so that every client instance
 * gets its own. Where `access` is registered already (OctoPrint's own file came first), the
 * host cannot redefine it: this component takes over on `page`, the page's default client,
 * when that is one of `OctoPrintClient` (see upgrade); other clients take it with
 * upgrade(client). With no such default client, the registered one stays (one warning).
 * Returns the class of `page`'s component where that is a copy of this one (another copy of
 * the file came first: the global and the AMD value stay the first copy's), else this class.
 */
function install(OctoPrintClient, page) {
    if (!OctoPrintClient)
        throw Error(LOAD_FIRST);
    if ("access" in OctoPrintClient.prototype) {
        // With no default client of this class, the registered one stays, as in upgrade().
        if (page instanceof OctoPrintClient) {
            const live = OctoPrintAccessClient.upgrade(page).constructor;
            if (live.upgrade)
                return live;
        }
        else
            console.warn("keeping the registered access");
    }
    else {
        OctoPrintClient.registerComponent("access", OctoPrintAccessClient);
    }
    return OctoPrintAccessClient;
}
/** install() with the page's default client, `window.OctoPrint`, where there is a page. */
function register(OctoPrintClient) {
    return install(OctoPrintClient, pageClient());
}
/** `OctoPrintAccessClient.upgrade(client)`, as a function of its own for modules. */
const upgrade = (client) => OctoPrintAccessClient.upgrade(client);

const METHODS = "list get add update delete changePassword generateApiKey resetApiKey getSettings saveSettings";
/**
 * Marks an alias made by this file, by any copy of it: a page's alias so marked is kept, any
 * other (OctoPrint 1.x's users.js) is taken over.
 */
const MARK = "octoprint-access-client";
/**
 * Gives every client of `OctoPrintClient` its own `users` (see OctoPrintUserClient), and
 * `page`, the page's default client, an alias of this file whatever registered `users` first.
 * Not through registerComponent, whose property can never be redefined: OctoPrint 1.x's
 * users.js, packed after this file on some pages, registers `users` itself and would throw. A
 * configurable getter lets it; each client's alias is kept in its `components` map, where the
 * host's own getter looks first: so `page` keeps this alias after that, and takes it over
 * where OctoPrint's users.js came first (its other clients keep OctoPrint's).
 */
function installUsers(OctoPrintClient, page) {
    if (!OctoPrintClient)
        throw Error(LOAD_FIRST);
    const prototype = OctoPrintClient.prototype;
    const methods = { [MARK]: 1 };
    for (const method of METHODS.split(" ")) {
        // Warned about on this page yet? OctoPrint's `deprecated` warns on every call, and
        // plugins call list() on every refresh: one line per method is enough.
        let warned;
        methods[method] = function (...args) {
            if (!warned) {
                warned = 1;
                // The host's own warning (OctoPrint 1.4 to 2.0 have it): its wrapper, once.
                if (OctoPrintClient.deprecated)
                    OctoPrintClient.deprecated("OctoPrint.users." + method, "OctoPrint.access.users." + method, () => { })();
            }
            // Object(): no `in` on a primitive; access.users.add refuses anything but a user.
            const user = Object(args[0]);
            if (method === "add" && !("groups" in user)) {
                // A pre-1.4 caller: no groups meant a normal user, or with `admin` an admin.
                // The access API gives a user without groups none (it can log in, nothing
                // more); null is the default groups. A copy: the caller's object stays as is.
                args[0] = Object.assign({ groups: user.admin ? ["users", "admins"] : null }, user);
            }
            const users = this.base.access.users;
            return users[method](...args);
        };
    }
    /** Makes `client`'s alias, in its components map. */
    const alias = (client) => (client.components.users = Object.assign(Object.create(methods), { base: client }));
    if (!("users" in prototype)) {
        Object.defineProperty(prototype, "users", {
            configurable: true,
            get() {
                return this.components.users || alias(this);
            }
        });
    }
    if (page instanceof OctoPrintClient && !page.users[MARK]) {
        alias(page);
    }
}
/** installUsers() with the page's default client, `window.OctoPrint`, where there is a page. */
function registerUsers(OctoPrintClient) {
    installUsers(OctoPrintClient, pageClient());
}

exports.OctoPrintAccessClient = OctoPrintAccessClient;
exports.register = register;
exports.registerUsers = registerUsers;
exports.upgrade = upgrade;
//# sourceMappingURL=octoprint-access.cjs.map
