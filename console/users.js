// The users: their cards, the "Add a user" form and the user editor (access, password,
// API key, settings).
import {act} from "./api.js";
import {byId, el, list, renderChecks, say, ticked} from "./dom.js";
import {defaultGroups, groupItems} from "./groups.js";
import {permissionItems} from "./permissions.js";
import {state} from "./state.js";

export function setUsers(users) {
    state.users = users;
    state.me = users.find((u) => u.apikey && u.apikey === state.apikey) || null;
    renderUsers();
    if (state.user) {
        const user = findUser(state.user.name);
        if (user) showUserStatus(user);
        else closeUserEditor();
    }
}

export function refreshUsers(what) {
    return act(what, (access) => access.users.list(), {
        update: (response) => setUsers(response.users)
    });
}

function findUser(name) {
    return state.users.find((u) => u.name === name) || null;
}

function renderUsers() {
    byId("user-list").replaceChildren(...state.users.map(userCard));
}

function userCard(user) {
    const selected = state.user && state.user.name === user.name;
    return el(
        "li",
        {
            className:
                "card" + (user.active ? "" : " inactive") + (selected ? " selected" : ""),
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
        el("p", {className: "groups", textContent: "Groups: " + list(user.groups)}),
        el("p", {
            className: "permissions",
            textContent: "Own permissions: " + list(user.permissions)
        }),
        el("button", {
            type: "button",
            textContent: "Manage",
            title: "Manage " + user.name,
            onclick: () => openUserEditor(user.name)
        })
    );
}

function openUserEditor(name) {
    const user = findUser(name);
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
    const me = user === state.me;
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
    const name = state.user.name;
    return act(
        "Load the settings of " + name,
        (access) => access.users.getSettings(name),
        {
            button: byId("user-settings-load"),
            update: (settings) => {
                if (state.user && state.user.name === name) {
                    byId("user-settings").value = JSON.stringify(settings, null, 2);
                }
            }
        }
    );
}

function addUser(event) {
    event.preventDefault();
    const name = byId("new-user-name").value;
    const user = {
        name,
        password: byId("new-user-password").value,
        active: byId("new-user-active").checked,
        groups: ticked(byId("new-user-groups")),
        permissions: ticked(byId("new-user-permissions"))
    };
    act("Add user " + name, (access) => access.users.add(user), {
        button: event.submitter,
        update: (response) => {
            byId("add-user-form").reset();
            renderChecks(byId("new-user-groups"), groupItems(), defaultGroups());
            renderChecks(byId("new-user-permissions"), permissionItems(), []);
            setUsers(response.users);
        },
        done: "Added user " + name
    });
}

function saveUserAccess(event) {
    event.preventDefault();
    const user = state.user;
    const permissions = ticked(byId("user-permissions"));
    const groups = ticked(byId("user-groups"));
    act(
        "Save the groups and permissions of " + user.name,
        (access) => access.users.update(user.name, user.active, permissions, groups),
        {
            button: event.submitter,
            update: (response) => setUsers(response.users),
            done: "Saved the groups and permissions of " + user.name
        }
    );
}

function toggleUser() {
    const user = state.user;
    const verb = user.active ? "Deactivate" : "Activate";
    act(
        verb + " " + user.name,
        (access) => access.users.update(user.name, !user.active),
        {
            button: byId("user-toggle"),
            update: (response) => setUsers(response.users),
            done: verb + "d " + user.name
        }
    );
}

function deleteUser() {
    const user = state.user;
    if (!confirm('Delete user "' + user.name + '"?')) return;
    act("Delete user " + user.name, (access) => access.users.delete(user.name), {
        button: byId("user-delete"),
        update: (response) => setUsers(response.users),
        done: "Deleted user " + user.name
    });
}

function changePassword(event) {
    event.preventDefault();
    const name = state.user.name;
    const password = byId("user-password").value;
    if (password !== byId("user-password-again").value) {
        say("The two passwords differ: type the same one twice.", "error");
        return;
    }
    act(
        "Change the password of " + name,
        (access) => access.users.changePassword(name, password),
        {
            button: event.submitter,
            update: () => {
                byId("user-password").value = "";
                byId("user-password-again").value = "";
            },
            done: "Changed the password of " + name
        }
    );
}

function generateApiKey() {
    const user = state.user;
    act(
        "Generate an API key for " + user.name,
        (access) => access.users.generateApiKey(user.name),
        {
            button: byId("user-apikey-generate"),
            update: (response) => {
                if (user === state.me) {
                    // The old key is gone: this console goes on with the new one.
                    state.apikey = response.apikey;
                    state.client = new OctoPrintClient({
                        baseurl: state.hostFrom,
                        apikey: response.apikey
                    });
                    byId("apikey").value = response.apikey;
                }
                const shown = byId("user-new-apikey");
                shown.replaceChildren(
                    "New API key of " + user.name + " (shown once, copy it now): ",
                    el("code", {textContent: response.apikey})
                );
                shown.hidden = false;
            },
            done: "Generated a new API key for " + user.name,
            next: () => refreshUsers("List the users")
        }
    );
}

function resetApiKey() {
    const user = state.user;
    act(
        "Remove the API key of " + user.name,
        (access) => access.users.resetApiKey(user.name),
        {
            button: byId("user-apikey-reset"),
            update: () => {
                byId("user-new-apikey").hidden = true;
            },
            done: "Removed the API key of " + user.name,
            next: () => refreshUsers("List the users")
        }
    );
}

function saveSettings(event) {
    event.preventDefault();
    const name = state.user.name;
    let settings;
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
    act(
        "Save the settings of " + name,
        (access) => access.users.saveSettings(name, settings),
        {
            button: event.submitter,
            done: "Saved the settings of " + name,
            next: () => loadSettings()
        }
    );
}

export function wireUsers() {
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
}
