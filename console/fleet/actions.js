// The fleet view's actions: each form makes what is wanted (plan.js's action builders, or an
// imported desired-state file) and hands it to planning.js, which plans it for the ticked
// servers and shows the plan before anything is sent. Export downloads a desired-state file.
import {byId, el, renderChecks, say, ticked} from "../dom.js";
import {exportState, readState, stateText, toWanted} from "./desired-state.js";
import {
    addUser,
    copyGroup,
    copyUser,
    deleteGroup,
    deleteUser,
    setUserActive,
    setUserPassword,
    sortedSet
} from "./plan.js";
import {showPlan} from "./planning.js";
import {readStates} from "./state.js";

const union = (lists) => sortedSet(lists.flat());

/** Fills `select` with `values` (or [value, label] pairs), keeping the choice when it stays. */
function options(select, values) {
    const was = select.value;
    select.replaceChildren(
        ...values.map((value) => {
            const [key, label] = Array.isArray(value) ? value : [value, value];
            return el("option", {value: key, textContent: label});
        })
    );
    if (values.some((value) => (Array.isArray(value) ? value[0] : value) === was)) {
        select.value = was;
    }
}

/** "As on": the servers that have the chosen user or group. */
function sources(select, from, has) {
    options(
        from,
        readStates()
            .filter((server) => has(server, select.value))
            .map((server) => server.name)
    );
}

const hasUser = (server, name) => server.users.some((user) => user.name === name);
const hasGroup = (server, key) => server.groups.some((group) => group.key === key);
const stateOf = (name) => readStates().find((server) => server.name === name);

/** Fills the forms' choices from what was read. */
export function fillForms() {
    const states = readStates();
    const users = union(states.map((server) => server.users.map((user) => user.name)));
    const groups = union(states.map((server) => server.groups.map((group) => group.key)));
    const permissions = union(
        states.map((server) => (server.permissions || []).map((p) => p.key))
    );
    for (const id of ["copy-user", "active-user", "password-user", "delete-user"]) {
        options(byId(id), users);
    }
    for (const id of ["copy-group", "delete-group"]) options(byId(id), groups);
    sources(byId("copy-user"), byId("copy-user-from"), hasUser);
    sources(byId("copy-group"), byId("copy-group-from"), hasGroup);
    const item = (key) => ({key, label: key});
    renderChecks(byId("add-groups"), groups.map(item));
    renderChecks(byId("add-permissions"), permissions.map(item));
    options(byId("export-from"), [
        ["", "the whole fleet, merged"],
        ...states.map((server) => [server.name, "only " + server.name])
    ]);
}

/** A form's submit: no page load; `plan()` returns [title, build(passwords) → Wanted]. */
function onPlan(id, plan) {
    byId(id).addEventListener("submit", (event) => {
        event.preventDefault();
        let made;
        try {
            made = plan();
        } catch (error) {
            say(error.message, "error");
            return;
        }
        if (made) showPlan(made[0], made[1]);
    });
}

/** Saves `text` as a file named `name` through the browser's download. */
function download(name, text) {
    const url = URL.createObjectURL(new Blob([text], {type: "application/json"}));
    const link = el("a", {href: url, download: name, hidden: true});
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function wireActions() {
    byId("copy-user").addEventListener("change", () =>
        sources(byId("copy-user"), byId("copy-user-from"), hasUser)
    );
    byId("copy-group").addEventListener("change", () =>
        sources(byId("copy-group"), byId("copy-group-from"), hasGroup)
    );

    onPlan("add-user-form", () => {
        const name = byId("add-name").value;
        const user = {
            name,
            password: byId("add-password").value,
            active: byId("add-active").checked,
            groups: ticked(byId("add-groups")),
            permissions: ticked(byId("add-permissions"))
        };
        return ["Add user " + name + " everywhere", () => addUser(user)];
    });
    onPlan("copy-user-form", () => {
        const name = byId("copy-user").value;
        const from = byId("copy-user-from").value;
        const server = stateOf(from);
        return [
            "Make user " + name + " the same everywhere as on " + from,
            (passwords) => copyUser(server, name, passwords[name])
        ];
    });
    onPlan("active-form", () => {
        const name = byId("active-user").value;
        const active = byId("active-to").value === "true";
        return [
            (active ? "Activate " : "Deactivate ") + name + " everywhere",
            () => setUserActive(name, active)
        ];
    });
    onPlan("password-form", () => {
        const name = byId("password-user").value;
        const password = byId("password-new").value;
        if (password !== byId("password-again").value) {
            throw new Error("The two passwords differ.");
        }
        return [
            "Change the password of " + name + " everywhere",
            () => setUserPassword(name, password)
        ];
    });
    onPlan("delete-user-form", () => {
        const name = byId("delete-user").value;
        return ["Delete user " + name + " everywhere", () => deleteUser(name)];
    });
    onPlan("copy-group-form", () => {
        const key = byId("copy-group").value;
        const from = byId("copy-group-from").value;
        const server = stateOf(from);
        return [
            "Make group " + key + " the same everywhere as on " + from,
            () => copyGroup(server, key)
        ];
    });
    onPlan("delete-group-form", () => {
        const key = byId("delete-group").value;
        return ["Delete group " + key + " everywhere", () => deleteGroup(key)];
    });

    byId("export-form").addEventListener("submit", (event) => {
        event.preventDefault();
        const from = byId("export-from").value;
        const states = from ? [stateOf(from)] : readStates();
        download(
            (from || "fleet") + "-state.json",
            stateText(exportState(states.filter(Boolean)))
        );
        say(
            "Exported " +
                (from ? from : "the fleet (" + states.length + " servers, merged)") +
                ": no passwords, no keys.",
            "ok"
        );
    });

    byId("import-form").addEventListener("submit", (event) => {
        event.preventDefault();
        const file = byId("import-file").files[0];
        const errors = byId("import-errors");
        errors.hidden = true;
        if (!file) return;
        const prune = byId("import-prune").checked;
        file.text().then((text) => {
            let state;
            try {
                state = readState(text);
            } catch (error) {
                errors.textContent = file.name + ":\n" + error.message;
                errors.hidden = false;
                say("The file cannot be imported: see its errors.", "error");
                return;
            }
            showPlan(
                "Import " + file.name + (prune ? ", deleting what it does not have" : ""),
                (passwords) => toWanted(state, {prune, passwords})
            );
        });
    });
}
