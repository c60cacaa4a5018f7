/*! octoprint-access-client v1.0.0 | MIT License */
;(function (define) {
define('OctoPrintAccessClient', ['OctoPrintClient'], (function (OctoPrintClient) { 'use strict';

    /**
     * A copy of the caller's options: the base client writes `opts.url` into the object it is
     * given. No options, no copy (and no allocation).
     */
    function copy(opts) {
        return opts && Object.assign({}, opts);
    }
    /**
     * Puts `value` into `body` when the caller gave it (neither `undefined` nor `null`). OctoPrint's
     * own client sends the others as `null`, which its server answers with 500 or by resetting the
     * member (a group's `default` flag, its description).
     */
    function given(body, key, value) {
        if (value != null)
            body[key] = value;
    }

    let host;
    /** Sets the client whose `InvalidArgumentError` the component throws. */
    function useHost(client) {
        host = client;
    }
    /** Throws the host's own `InvalidArgumentError`, as OctoPrint's components do. */
    function invalid(message) {
        throw new host.InvalidArgumentError(message);
    }
    // What encodeURIComponent leaves as it is: names of these characters need no encoding work.
    const PLAIN = /^[\w!'()*.~-]+$/;
    /**
     * The one rule for putting a user name or group key into a URL: required, a string, not `.` or
     * `..` (browsers collapse those segments, even encoded), and encoded as exactly one segment.
     * `what` names the argument in the error ("user name", "group key").
     */
    function segment(value, what) {
        if (!value)
            invalid(`${what} must be set`);
        if (typeof value !== "string")
            invalid(`${what} must be a string`);
        if (value === "." || value === "..")
            invalid(`${what} must not be "." or ".."`);
        if (PLAIN.test(value))
            return value;
        try {
            return encodeURIComponent(value);
        }
        catch (_a) {
            // A lone surrogate has no UTF-8 form.
            invalid(`${what} must be well-formed Unicode`);
        }
    }

    const url$1 = "api/access/groups";
    const groupUrl = (key) => url$1 + "/" + segment(key, "group key");
    const UPDATABLE = ["description", "permissions", "subgroups", "default"];
    /** `OctoPrint.access.groups`. */
    class OctoPrintAccessGroupsClient {
        constructor(base) {
            this.base = base;
        }
        /** GET `api/access/groups`. */
        list(opts) {
            return this.base.get(url$1, copy(opts));
        }
        /** GET `api/access/groups/{key}`. */
        get(key, opts) {
            return this.base.get(groupUrl(key), copy(opts));
        }
        /** POST `api/access/groups`. */
        add(group, opts) {
            if (!group || !group.key)
                invalid("group key must be set");
            if (!group.name)
                invalid("group name must be set");
            const body = { key: group.key, name: group.name };
            given(body, "description", group.description);
            // OctoPrint's server requires both lists (and answers 500 for null).
            body.permissions = group.permissions || [];
            body.subgroups = group.subgroups || [];
            given(body, "default", group.default);
            return this.base.postJson(url$1, body, copy(opts));
        }
        /** PUT `api/access/groups/{key}`: only the members given change. */
        update(group, opts) {
            const path = groupUrl(group && group.key);
            const body = {};
            for (const key of UPDATABLE)
                given(body, key, group[key]);
            return this.base.putJson(path, body, copy(opts));
        }
        /** DELETE `api/access/groups/{key}`. */
        delete(key, opts) {
            return this.base.delete(groupUrl(key), copy(opts));
        }
    }

    /** `OctoPrint.access.permissions`. */
    class OctoPrintAccessPermissionsClient {
        constructor(base) {
            this.base = base;
        }
        /** GET `api/access/permissions`. */
        list(opts) {
            return this.base.get("api/access/permissions", copy(opts));
        }
    }

    const url = "api/access/users";
    const userUrl = (name) => url + "/" + segment(name, "user name");
    const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
    /** `OctoPrint.access.users`. */
    class OctoPrintAccessUsersClient {
        constructor(base) {
            this.base = base;
        }
        /** GET `api/access/users`. */
        list(opts) {
            return this.base.get(url, copy(opts));
        }
        /** GET `api/access/users/{name}`. */
        get(name, opts) {
            return this.base.get(userUrl(name), copy(opts));
        }
        /** POST `api/access/users`: active unless said otherwise, no groups or permissions unless given. */
        add(user, opts) {
            if (!user || !user.name || !user.password) {
                invalid("Both user's name and password need to be set");
            }
            const body = {
                name: user.name,
                password: user.password,
                groups: own(user, "groups") ? user.groups : [],
                permissions: own(user, "permissions")
                    ? user.permissions
                    : [],
                active: own(user, "active") ? !!user.active : true
            };
            return this.base.postJson(url, body, copy(opts));
        }
        update(name, active, third, fourth, fifth, sixth) {
            let permissions = third;
            let groups = fourth;
            let opts = fifth;
            if (typeof third === "boolean") {
                // OctoPrint's own Access Control screen still calls this order.
                if (!this.warned) {
                    this.warned = true;
                    console.warn("OctoPrint.access.users.update(name, active, admin, permissions, groups, opts) " +
                        "is deprecated: leave out admin");
                }
                permissions = fourth;
                groups = fifth;
                opts = sixth;
            }
            const path = userUrl(name);
            const body = {};
            given(body, "active", active == null ? active : !!active);
            given(body, "groups", groups);
            given(body, "permissions", permissions);
            return this.base.putJson(path, body, copy(opts));
        }
        /** DELETE `api/access/users/{name}`. */
        delete(name, opts) {
            return this.base.delete(userUrl(name), copy(opts));
        }
        changePassword(name, password, oldpw, opts) {
            if (typeof oldpw === "object" && oldpw) {
                opts = oldpw;
                oldpw = undefined;
            }
            if (!name || !password)
                invalid("user name and new password must be set");
            const body = { password };
            if (oldpw)
                body.current = oldpw;
            return this.base.putJson(userUrl(name) + "/password", body, copy(opts));
        }
        /** POST `api/access/users/{name}/apikey`, no body; resolves to the new key. */
        generateApiKey(name, opts) {
            return this.base.postJson(userUrl(name) + "/apikey", null, copy(opts));
        }
        /** DELETE `api/access/users/{name}/apikey`: the user has no API key afterwards. */
        resetApiKey(name, opts) {
            return this.base.delete(userUrl(name) + "/apikey", copy(opts));
        }
        /** GET `api/access/users/{name}/settings`. */
        getSettings(name, opts) {
            return this.base.get(userUrl(name) + "/settings", copy(opts));
        }
        /** PATCH `api/access/users/{name}/settings`: merged into the user's settings. */
        saveSettings(name, settings, opts) {
            return this.base.patchJson(userUrl(name) + "/settings", settings || {}, copy(opts));
        }
    }

    /** `OctoPrint.access`: one per client instance, bound to that client's base URL and API key. */
    class OctoPrintAccessClient {
        constructor(base) {
            this.base = base;
            this.permissions = new OctoPrintAccessPermissionsClient(base);
            this.groups = new OctoPrintAccessGroupsClient(base);
            this.users = new OctoPrintAccessUsersClient(base);
        }
    }
    /**
     * Registers the component as `access` on `OctoPrintClient`, so that every client instance
     * gets its own. Where `access` is already registered (OctoPrint's own file came first), that
     * one stays: the host cannot redefine it, and the page must keep working.
     */
    function register(OctoPrintClient) {
        if (!OctoPrintClient) {
            throw new Error("OctoPrintAccessClient: OctoPrintClient is not defined. Load OctoPrint's client " +
                "(static/js/app/client/base.js) before octoprint-access.js.");
        }
        useHost(OctoPrintClient);
        if ("access" in OctoPrintClient.prototype) {
            console.warn("OctoPrintAccessClient: OctoPrintClient already has an access component; keeping it.");
        }
        else {
            OctoPrintClient.registerComponent("access", OctoPrintAccessClient);
        }
        return OctoPrintAccessClient;
    }

    // The UMD entry: the wrapper in rollup.config.mjs passes the host as "OctoPrintClient".
    var index = register(OctoPrintClient);

    return index;

}));
})(typeof define === "function" && define.amd ? define : function (id, deps, factory) {
    window.OctoPrintAccessClient = factory(window.OctoPrintClient);
});
//# sourceMappingURL=octoprint-access.js.map
