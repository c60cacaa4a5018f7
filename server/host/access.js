/*
 * A stand-in for OctoPrint 1.x's own access component (static/js/app/client/access.js, 1.4 to
 * 1.11), written from the behaviour its documentation and its requests show, as base.js here
 * is: for the tests that must pass under OctoPrint's own file too (the test kit's, the README's
 * test page). Not shipped. It keeps that file's traits that a plugin's calls meet:
 * - users.update(name, active, admin, permissions, groups, opts): admin third, always;
 * - `admin` in the bodies of users.add and users.update;
 * - names and keys concatenated into the path unencoded;
 * - members not given sent as null (groups.update sends "" for a missing description);
 * - generateApiKey(name, opts) sends opts as the body; opts handed on as given.
 */
(function (global, factory) {
    if (typeof define === "function" && define.amd) {
        define("OctoPrintAccessClient", ["OctoPrintClient"], factory);
    } else {
        global.OctoPrintAccessClient = factory(global.OctoPrintClient);
    }
})(this, function (OctoPrintClient) {
    "use strict";

    var has = function (object, key) {
        return Object.prototype.hasOwnProperty.call(object, key);
    };
    var invalid = function (message) {
        throw new OctoPrintClient.InvalidArgumentError(message);
    };

    var Access = function (base) {
        var users = "api/access/users";
        var groups = "api/access/groups";
        var user = function (name) {
            if (!name) invalid("user name must be set");
            return users + "/" + name;
        };
        var group = function (key) {
            if (!key) invalid("group key must be set");
            return groups + "/" + key;
        };

        this.base = base;

        this.permissions = {
            list: function (opts) {
                return base.get("api/access/permissions", opts);
            }
        };

        this.users = {
            list: function (opts) {
                return base.get(users, opts);
            },
            get: function (name, opts) {
                return base.get(user(name), opts);
            },
            add: function (data, opts) {
                if (!data.name || !data.password) {
                    invalid("Both user's name and password need to be set");
                }
                return base.postJson(
                    users,
                    {
                        name: data.name,
                        password: data.password,
                        groups: has(data, "groups") ? data.groups : [],
                        permissions: has(data, "permissions") ? data.permissions : [],
                        active: has(data, "active") ? !!data.active : true,
                        admin: has(data, "admin") ? !!data.admin : false
                    },
                    opts
                );
            },
            update: function (name, active, admin, permissions, groups, opts) {
                return base.putJson(
                    user(name),
                    {
                        active: !!active,
                        admin: !!admin,
                        permissions: permissions,
                        groups: groups
                    },
                    opts
                );
            },
            delete: function (name, opts) {
                return base.delete(user(name), opts);
            },
            changePassword: function (name, password, oldpw, opts) {
                if (oldpw !== null && typeof oldpw === "object") {
                    opts = oldpw;
                    oldpw = undefined;
                }
                if (!name || !password) invalid("user name and new password must be set");
                var data = {password: password};
                if (oldpw) data.current = oldpw;
                return base.putJson(user(name) + "/password", data, opts);
            },
            generateApiKey: function (name, opts) {
                return base.postJson(user(name) + "/apikey", opts);
            },
            resetApiKey: function (name, opts) {
                return base.delete(user(name) + "/apikey", opts);
            },
            getSettings: function (name, opts) {
                return base.get(user(name) + "/settings", opts);
            },
            saveSettings: function (name, settings, opts) {
                return base.patchJson(user(name) + "/settings", settings || {}, opts);
            }
        };

        this.groups = {
            list: function (opts) {
                return base.get(groups, opts);
            },
            get: function (key, opts) {
                return base.get(group(key), opts);
            },
            add: function (data, opts) {
                if (!data.key) invalid("group key must be set");
                if (!data.name) invalid("group name must be set");
                return base.postJson(
                    groups,
                    {
                        key: data.key,
                        name: data.name,
                        description: data.description,
                        permissions: data.permissions,
                        subgroups: data.subgroups,
                        default: data.default
                    },
                    opts
                );
            },
            update: function (data, opts) {
                return base.putJson(
                    group(data.key),
                    {
                        description: has(data, "description") ? data.description : "",
                        permissions: data.permissions,
                        subgroups: data.subgroups,
                        default: data.default
                    },
                    opts
                );
            },
            delete: function (key, opts) {
                return base.delete(group(key), opts);
            }
        };
    };

    OctoPrintClient.registerComponent("access", Access);
    return Access;
});
