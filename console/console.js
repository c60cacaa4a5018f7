/*
 * The access-control console (index.html). Every API call goes through OctoPrint.access, on
 * a client made for the server chosen under "Connect": jQuery, lodash and OctoPrint's client
 * (base.js) come from that server, the access component from this page's own dist/.
 */
(function () {
    "use strict";

    var HOST_SCRIPTS = [
        "static/js/lib/jquery/jquery.min.js",
        "static/js/lib/lodash.min.js", // a real OctoPrint's base.js needs it
        "static/js/app/client/base.js"
    ];
    var BUNDLE = "dist/octoprint-access.js";
    var PENDING = "octoprint-access-console:connect"; // survives the reload when switching

    var state = {
        client: null,
        apikey: "",
        hostFrom: null, // the base URL OctoPrint's client was loaded from
        me: null, // the user whose API key this console uses, if any
        permissions: [],
        groups: [],
        users: [],
        user: null, // the user in the editor
        group: null // the group in the editor
    };
    var pending = 0;

    // ~~ small DOM helpers

    function byId(id) {
        return document.getElementById(id);
    }

    function el(tag, props) {
        var node = document.createElement(tag);
        Object.keys(props || {}).forEach(function (name) {
            if (name === "dataset") Object.assign(node.dataset, props.dataset);
            else node[name] = props[name];
        });
        for (var i = 2; i < arguments.length; i++) {
            if (arguments[i] !== null && arguments[i] !== undefined)
                node.append(arguments[i]);
        }
        return node;
    }

    function say(text, kind) {
        var message = byId("message");
        message.textContent = text;
        message.className = "message " + kind;
        message.hidden = false;
    }

    function busy(delta) {
        pending += delta;
        byId("busy").hidden = pending === 0;
        document.body.setAttribute("aria-busy", String(pending > 0));
    }

    function list(keys) {
        return keys.length ? keys.join(", ") : "none";
    }

    /** Ticks `checked`, or, when it is not given, keeps the ticks the person made. */
    function renderChecks(fieldset, items, checked) {
        var keep = checked ? new Set(checked) : new Set(ticked(fieldset));
        fieldset.querySelector(".checks").replaceChildren.apply(
            fieldset.querySelector(".checks"),
            items.map(function (item) {
                return el(
                    "label",
                    {className: "check", title: item.title || ""},
                    el("input", {
                        type: "checkbox",
                        value: item.key,
                        checked: keep.has(item.key)
                    }),
                    " " + item.label
                );
            })
        );
    }

    function ticked(fieldset) {
        return Array.prototype.map.call(
            fieldset.querySelectorAll("input:checked"),
            function (input) {
                return input.value;
            }
        );
    }

    function permissionItems() {
        return state.permissions.map(function (p) {
            return {
                key: p.key,
                label: p.name + (p.dangerous ? " ⚠" : ""),
                title: p.key + ": " + p.description
            };
        });
    }

    function groupItems(except) {
        return state.groups
            .filter(function (g) {
                return g.key !== except;
            })
            .map(function (g) {
                return {key: g.key, label: g.name, title: g.key + ": " + g.description};
            });
    }

    // ~~ talking to the server

    function failure(xhr) {
        if (!xhr.status) {
            return (
                "no answer from the server (is the URL right and the server up? " +
                "A real OctoPrint must allow cross-origin requests: Settings → API)"
            );
        }
        var error = xhr.responseJSON && xhr.responseJSON.error;
        if (!error) {
            try {
                error = JSON.parse(xhr.responseText).error;
            } catch {
                error = "";
            }
        }
        return xhr.status + " " + xhr.statusText + (error ? ": " + error : "");
    }

    /**
     * Runs one OctoPrint.access call with the busy indicator on and `button` disabled. Resolves
     * to the response ({} when empty), or to null after a failure, which it has shown.
     */
    function call(what, request, button) {
        var xhr;
        try {
            xhr = request(state.client.access);
        } catch (error) {
            say(what + ": " + error.message, "error"); // InvalidArgumentError
            return Promise.resolve(null);
        }
        busy(+1);
        if (button) button.disabled = true;
        return new Promise(function (resolve) {
            xhr.done(function (data) {
                resolve(data || {});
            })
                .fail(function (jqXHR) {
                    say(what + " failed — " + failure(jqXHR), "error");
                    resolve(null);
                })
                .always(function () {
                    busy(-1);
                    if (button) button.disabled = false;
                });
        });
    }

    function loadScript(src) {
        return new Promise(function (resolve, reject) {
            var script = el("script", {src: src, async: false});
            script.onload = resolve;
            script.onerror = function () {
                script.remove();
                reject(new Error("Could not load " + src));
            };
            document.head.append(script);
        });
    }

    /** OctoPrint's page order: jQuery, lodash, its client, then the access component. */
    function loadHost(baseurl) {
        var sources = HOST_SCRIPTS.map(function (path) {
            return baseurl + path;
        }).concat([BUNDLE]);
        return sources.reduce(function (previous, src) {
            return previous.then(function () {
                return document.querySelector('script[src="' + CSS.escape(src) + '"]')
                    ? undefined
                    : loadScript(src);
            });
        }, Promise.resolve());
    }

    function connect(baseurl, apikey) {
        if (!/\/$/.test(baseurl)) baseurl += "/";
        if (state.hostFrom && state.hostFrom !== baseurl) {
            // Another server's client is loaded: start over from a fresh page.
            sessionStorage.setItem(
                PENDING,
                JSON.stringify({baseurl: baseurl, apikey: apikey})
            );
            location.reload();
            return Promise.resolve();
        }
        busy(+1);
        return loadHost(baseurl)
            .then(
                function () {
                    state.hostFrom = baseurl;
                    state.client = new OctoPrintClient({
                        baseurl: baseurl,
                        apikey: apikey
                    });
                    state.apikey = apikey;
                    return refresh("Connect");
                },
                function (error) {
                    say(error.message + ": is this an OctoPrint server?", "error");
                    return false;
                }
            )
            .then(function (ok) {
                busy(-1);
                byId("workspace").hidden = !ok;
                byId("connection").textContent = ok
                    ? "Connected to " + baseurl + (state.me ? " as " + state.me.name : "")
                    : "Not connected.";
                if (ok) say("Connected to " + baseurl, "ok");
            });
    }

    function refresh(what) {
        return Promise.all([
            call(what + ": permissions", function (access) {
                return access.permissions.list();
            }),
            call(what + ": groups", function (access) {
                return access.groups.list();
            }),
            call(what + ": users", function (access) {
                return access.users.list();
            })
        ]).then(function (answers) {
            if (answers.indexOf(null) >= 0) return false;
            state.permissions = answers[0].permissions;
            renderPermissions();
            setGroups(answers[1].groups);
            setUsers(answers[2].users);
            return true;
        });
    }

    function refreshUsers(what) {
        return call(what, function (access) {
            return access.users.list();
        }).then(function (response) {
            if (response) setUsers(response.users);
        });
    }

    // ~~ permissions

    function renderPermissions() {
        byId("permission-list").replaceChildren.apply(
            byId("permission-list"),
            state.permissions.map(function (p) {
                return el(
                    "tr",
                    {className: p.dangerous ? "dangerous" : ""},
                    el("td", {}, el("code", {textContent: p.key})),
                    el("td", {textContent: p.name}),
                    el("td", {textContent: p.dangerous ? "yes ⚠" : "no"}),
                    el("td", {textContent: p.description})
                );
            })
        );
    }

    // ~~ users

    function setUsers(users) {
        state.users = users;
        state.me =
            users.find(function (u) {
                return u.apikey && u.apikey === state.apikey;
            }) || null;
        renderUsers();
        if (state.user) {
            var user = findUser(state.user.name);
            if (user) showUserStatus(user);
            else closeUserEditor();
        }
    }

    function findUser(name) {
        return (
            state.users.find(function (u) {
                return u.name === name;
            }) || null
        );
    }

    function renderUsers() {
        byId("user-list").replaceChildren.apply(
            byId("user-list"),
            state.users.map(function (user) {
                return el(
                    "li",
                    {
                        className:
                            "card" +
                            (user.active ? "" : " inactive") +
                            (state.user && state.user.name === user.name
                                ? " selected"
                                : ""),
                        dataset: {user: user.name}
                    },
                    el(
                        "div",
                        {className: "card-head"},
                        el("strong", {className: "name", textContent: user.name}),
                        el("span", {
                            className: "badge " + (user.active ? "on" : "off"),
                            textContent: user.active ? "active" : "inactive"
                        }),
                        el("span", {
                            className: "badge apikey",
                            textContent: user.apikey ? "API key set" : "no API key"
                        }),
                        user === state.me
                            ? el("span", {className: "badge", textContent: "you"})
                            : null
                    ),
                    el("p", {
                        className: "groups",
                        textContent: "Groups: " + list(user.groups)
                    }),
                    el("p", {
                        className: "permissions",
                        textContent: "Own permissions: " + list(user.permissions)
                    }),
                    el("button", {
                        type: "button",
                        textContent: "Manage",
                        title: "Manage " + user.name,
                        onclick: function () {
                            openUserEditor(user.name);
                        }
                    })
                );
            })
        );
    }

    function openUserEditor(name) {
        var user = findUser(name);
        state.user = user;
        renderUsers(); // marks the card
        byId("user-editor").hidden = false;
        byId("user-editor-title").textContent = "User " + user.name;
        renderChecks(byId("user-groups"), groupItems(), user.groups);
        renderChecks(byId("user-permissions"), permissionItems(), user.permissions);
        byId("user-password-form").reset();
        byId("user-password-username").value = user.name;
        byId("user-new-apikey").hidden = true; // a new key is shown once, to whoever made it
        byId("user-settings").value = "";
        showUserStatus(user);
        byId("user-editor").scrollIntoView({block: "start"});
        loadSettings();
    }

    function closeUserEditor() {
        state.user = null;
        byId("user-editor").hidden = true;
        renderUsers();
    }

    function showUserStatus(user) {
        var me = user === state.me;
        state.user = user;
        byId("user-status").textContent =
            (user.active ? "Active" : "Inactive") +
            " · groups: " +
            list(user.groups) +
            " · own permissions: " +
            list(user.permissions) +
            (user.has_password === false ? " · no password" : "");
        byId("user-toggle").textContent = user.active ? "Deactivate" : "Activate";
        // The server would refuse deleting yourself; deactivating yourself locks you out.
        byId("user-toggle").disabled = me && user.active;
        byId("user-delete").disabled = me;
        byId("user-delete").title = me
            ? "You cannot delete the user you are connected as"
            : "";
        byId("user-apikey-status").textContent = user.apikey
            ? "An API key is set."
            : "No API key.";
        byId("user-apikey-reset").disabled = !user.apikey || me;
        byId("user-apikey-reset").title = me ? "This console uses that key" : "";
    }

    function loadSettings() {
        var name = state.user.name;
        return call(
            "Load the settings of " + name,
            function (access) {
                return access.users.getSettings(name);
            },
            byId("user-settings-load")
        ).then(function (settings) {
            if (settings && state.user && state.user.name === name) {
                byId("user-settings").value = JSON.stringify(settings, null, 2);
            }
        });
    }

    function addUser(event) {
        event.preventDefault();
        var name = byId("new-user-name").value;
        call(
            "Add user " + name,
            function (access) {
                return access.users.add({
                    name: name,
                    password: byId("new-user-password").value,
                    active: byId("new-user-active").checked,
                    groups: ticked(byId("new-user-groups")),
                    permissions: ticked(byId("new-user-permissions"))
                });
            },
            event.submitter
        ).then(function (response) {
            if (!response) return;
            byId("add-user-form").reset();
            renderChecks(byId("new-user-groups"), groupItems(), defaultGroups());
            renderChecks(byId("new-user-permissions"), permissionItems(), []);
            setUsers(response.users);
            say("Added user " + name, "ok");
        });
    }

    function saveUserAccess(event) {
        event.preventDefault();
        var user = state.user;
        call(
            "Save the groups and permissions of " + user.name,
            function (access) {
                return access.users.update(
                    user.name,
                    user.active,
                    ticked(byId("user-permissions")),
                    ticked(byId("user-groups"))
                );
            },
            event.submitter
        ).then(function (response) {
            if (!response) return;
            setUsers(response.users);
            say("Saved the groups and permissions of " + user.name, "ok");
        });
    }

    function toggleUser() {
        var user = state.user;
        var verb = user.active ? "Deactivate" : "Activate";
        call(
            verb + " " + user.name,
            function (access) {
                return access.users.update(user.name, !user.active);
            },
            byId("user-toggle")
        ).then(function (response) {
            if (!response) return;
            setUsers(response.users);
            say(verb + "d " + user.name, "ok");
        });
    }

    function deleteUser() {
        var user = state.user;
        if (!confirm('Delete user "' + user.name + '"?')) return;
        call(
            "Delete user " + user.name,
            function (access) {
                return access.users.delete(user.name);
            },
            byId("user-delete")
        ).then(function (response) {
            if (!response) return;
            setUsers(response.users);
            say("Deleted user " + user.name, "ok");
        });
    }

    function changePassword(event) {
        event.preventDefault();
        var name = state.user.name;
        var password = byId("user-password").value;
        if (password !== byId("user-password-again").value) {
            say("The two passwords differ: type the same one twice.", "error");
            return;
        }
        call(
            "Change the password of " + name,
            function (access) {
                return access.users.changePassword(name, password);
            },
            event.submitter
        ).then(function (response) {
            if (!response) return;
            byId("user-password").value = "";
            byId("user-password-again").value = "";
            say("Changed the password of " + name, "ok");
        });
    }

    function generateApiKey() {
        var user = state.user;
        call(
            "Generate an API key for " + user.name,
            function (access) {
                return access.users.generateApiKey(user.name);
            },
            byId("user-apikey-generate")
        ).then(function (response) {
            if (!response) return;
            if (user === state.me) {
                // The old key is gone: this console goes on with the new one.
                state.apikey = response.apikey;
                state.client = new OctoPrintClient({
                    baseurl: state.hostFrom,
                    apikey: response.apikey
                });
                byId("apikey").value = response.apikey;
            }
            var shown = byId("user-new-apikey");
            shown.replaceChildren(
                "New API key of " + user.name + " (shown once, copy it now): ",
                el("code", {textContent: response.apikey})
            );
            shown.hidden = false;
            say("Generated a new API key for " + user.name, "ok");
            refreshUsers("List the users");
        });
    }

    function resetApiKey() {
        var user = state.user;
        call(
            "Remove the API key of " + user.name,
            function (access) {
                return access.users.resetApiKey(user.name);
            },
            byId("user-apikey-reset")
        ).then(function (response) {
            if (!response) return;
            byId("user-new-apikey").hidden = true;
            say("Removed the API key of " + user.name, "ok");
            refreshUsers("List the users");
        });
    }

    function saveSettings(event) {
        event.preventDefault();
        var name = state.user.name;
        var settings;
        try {
            settings = JSON.parse(byId("user-settings").value);
        } catch (error) {
            say("The settings are not valid JSON: " + error.message, "error");
            return;
        }
        if (!settings || typeof settings !== "object" || Array.isArray(settings)) {
            say("The settings must be a JSON object: {...}", "error");
            return;
        }
        call(
            "Save the settings of " + name,
            function (access) {
                return access.users.saveSettings(name, settings);
            },
            event.submitter
        ).then(function (response) {
            if (!response) return;
            say("Saved the settings of " + name, "ok");
            loadSettings();
        });
    }

    // ~~ groups

    function setGroups(groups) {
        state.groups = groups;
        renderGroups();
        // The add forms keep what was ticked; a fresh "add user" form ticks the default groups.
        var fresh = !byId("new-user-groups").dataset.filled;
        renderChecks(
            byId("new-user-groups"),
            groupItems(),
            fresh ? defaultGroups() : null
        );
        byId("new-user-groups").dataset.filled = "yes";
        renderChecks(byId("new-user-permissions"), permissionItems());
        renderChecks(byId("new-group-permissions"), permissionItems());
        renderChecks(byId("new-group-subgroups"), groupItems());
        if (state.user) renderChecks(byId("user-groups"), groupItems());
        if (state.group) {
            var group = findGroup(state.group.key);
            if (group && group.changeable) state.group = group;
            else closeGroupEditor();
        }
    }

    function defaultGroups() {
        return state.groups
            .filter(function (g) {
                return g.default;
            })
            .map(function (g) {
                return g.key;
            });
    }

    function findGroup(key) {
        return (
            state.groups.find(function (g) {
                return g.key === key;
            }) || null
        );
    }

    function renderGroups() {
        byId("group-list").replaceChildren.apply(
            byId("group-list"),
            state.groups.map(function (group) {
                var flags = [
                    group.default ? "default" : null,
                    group.removable ? "removable" : "not removable",
                    group.changeable ? "changeable" : "not changeable",
                    group.dangerous ? "dangerous ⚠" : null
                ].filter(Boolean);
                return el(
                    "li",
                    {className: "card", dataset: {group: group.key}},
                    el(
                        "div",
                        {className: "card-head"},
                        el("strong", {className: "name", textContent: group.name}),
                        el("code", {textContent: group.key})
                    ),
                    el("p", {
                        className: "description",
                        textContent: group.description || "—"
                    }),
                    el("p", {className: "flags", textContent: flags.join(" · ")}),
                    el("p", {
                        className: "permissions",
                        textContent: "Permissions: " + list(group.permissions)
                    }),
                    group.subgroups.length
                        ? el("p", {textContent: "Subgroups: " + list(group.subgroups)})
                        : null,
                    el(
                        "div",
                        {className: "row"},
                        el("button", {
                            type: "button",
                            textContent: "Edit",
                            className: "edit",
                            disabled: !group.changeable,
                            title: group.changeable
                                ? "Edit " + group.key
                                : "OctoPrint does not allow changing this group",
                            onclick: function () {
                                openGroupEditor(group.key);
                            }
                        }),
                        el("button", {
                            type: "button",
                            textContent: "Delete",
                            className: "delete danger",
                            disabled: !group.removable,
                            title: group.removable
                                ? "Delete " + group.key
                                : "OctoPrint does not allow removing this group",
                            onclick: function (event) {
                                deleteGroup(group, event.currentTarget);
                            }
                        })
                    )
                );
            })
        );
    }

    function openGroupEditor(key) {
        var group = findGroup(key);
        state.group = group;
        byId("group-editor").hidden = false;
        byId("group-editor-title").textContent =
            "Group " + group.name + " (" + group.key + ")";
        byId("group-description").value = group.description || "";
        byId("group-default").checked = !!group.default;
        renderChecks(byId("group-permissions"), permissionItems(), group.permissions);
        renderChecks(byId("group-subgroups"), groupItems(group.key), group.subgroups);
        byId("group-editor").scrollIntoView({block: "start"});
    }

    function closeGroupEditor() {
        state.group = null;
        byId("group-editor").hidden = true;
    }

    function addGroup(event) {
        event.preventDefault();
        var key = byId("new-group-key").value;
        var group = {
            key: key,
            name: byId("new-group-name").value,
            description: byId("new-group-description").value,
            permissions: ticked(byId("new-group-permissions")),
            subgroups: ticked(byId("new-group-subgroups")),
            default: byId("new-group-default").checked
        };
        call(
            "Add group " + key,
            function (access) {
                return access.groups.add(group);
            },
            event.submitter
        ).then(function (response) {
            if (!response) return;
            byId("add-group-form").reset();
            renderChecks(byId("new-group-permissions"), permissionItems(), []);
            renderChecks(byId("new-group-subgroups"), groupItems(), []);
            setGroups(response.groups);
            say("Added group " + key, "ok");
        });
    }

    function saveGroup(event) {
        event.preventDefault();
        var key = state.group.key;
        var group = {
            key: key,
            description: byId("group-description").value,
            permissions: ticked(byId("group-permissions")),
            subgroups: ticked(byId("group-subgroups")),
            default: byId("group-default").checked
        };
        call(
            "Save group " + key,
            function (access) {
                return access.groups.update(group);
            },
            event.submitter
        ).then(function (response) {
            if (!response) return;
            setGroups(response.groups);
            say("Saved group " + key, "ok");
        });
    }

    function deleteGroup(group, button) {
        if (!confirm('Delete group "' + group.key + '"?')) return;
        call(
            "Delete group " + group.key,
            function (access) {
                return access.groups.delete(group.key);
            },
            button
        ).then(function (response) {
            if (!response) return;
            setGroups(response.groups);
            say("Deleted group " + group.key, "ok");
            refreshUsers("List the users"); // its members lost it
        });
    }

    // ~~ wiring

    byId("connect-form").addEventListener("submit", function (event) {
        event.preventDefault();
        connect(byId("baseurl").value.trim(), byId("apikey").value.trim());
    });
    byId("add-user-form").addEventListener("submit", addUser);
    byId("user-access-form").addEventListener("submit", saveUserAccess);
    byId("user-password-form").addEventListener("submit", changePassword);
    byId("user-settings-form").addEventListener("submit", saveSettings);
    byId("user-settings-load").addEventListener("click", loadSettings);
    byId("user-toggle").addEventListener("click", toggleUser);
    byId("user-delete").addEventListener("click", deleteUser);
    byId("user-close").addEventListener("click", closeUserEditor);
    byId("user-apikey-generate").addEventListener("click", generateApiKey);
    byId("user-apikey-reset").addEventListener("click", resetApiKey);
    byId("add-group-form").addEventListener("submit", addGroup);
    byId("group-form").addEventListener("submit", saveGroup);
    byId("group-close").addEventListener("click", closeGroupEditor);

    // The embedded server by default; after a switch of servers, the connection asked for.
    var wanted = JSON.parse(sessionStorage.getItem(PENDING) || "null");
    sessionStorage.removeItem(PENDING);
    byId("baseurl").value = wanted ? wanted.baseurl : new URL(".", location.href).href;
    if (wanted) {
        byId("apikey").value = wanted.apikey;
        connect(wanted.baseurl, wanted.apikey);
    }
})();
