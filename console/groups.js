// The groups: their cards, the "Add a group" form and the group editor.
import {act} from "./api.js";
import {byId, el, list, renderChecks, ticked} from "./dom.js";
import {permissionItems} from "./permissions.js";
import {state} from "./state.js";

let membersChanged = () => {}; // deleting a group changes its members: see wireGroups()

export function setGroups(groups) {
    state.groups = groups;
    renderGroups();
    // The add forms keep what was ticked; a fresh "add user" form ticks the default groups.
    const fresh = !byId("new-user-groups").dataset.filled;
    renderChecks(byId("new-user-groups"), groupItems(), fresh ? defaultGroups() : null);
    byId("new-user-groups").dataset.filled = "yes";
    renderChecks(byId("new-user-permissions"), permissionItems());
    renderChecks(byId("new-group-permissions"), permissionItems());
    renderChecks(byId("new-group-subgroups"), groupItems());
    if (state.user) renderChecks(byId("user-groups"), groupItems());
    if (state.group) {
        const group = findGroup(state.group.key);
        if (group && group.changeable) state.group = group;
        else closeGroupEditor();
    }
}

/** The groups, but `except`, as items for renderChecks(). */
export function groupItems(except) {
    return state.groups
        .filter((g) => g.key !== except)
        .map((g) => ({key: g.key, label: g.name, title: g.key + ": " + g.description}));
}

export function defaultGroups() {
    return state.groups.filter((g) => g.default).map((g) => g.key);
}

function findGroup(key) {
    return state.groups.find((g) => g.key === key) || null;
}

function renderGroups() {
    byId("group-list").replaceChildren(...state.groups.map(groupCard));
}

function groupCard(group) {
    const flags = [
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
        el("p", {className: "description", textContent: group.description || "—"}),
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
                onclick: () => openGroupEditor(group.key)
            }),
            el("button", {
                type: "button",
                textContent: "Delete",
                className: "delete danger",
                disabled: !group.removable,
                title: group.removable
                    ? "Delete " + group.key
                    : "OctoPrint does not allow removing this group",
                onclick: (event) => deleteGroup(group, event.currentTarget)
            })
        )
    );
}

function openGroupEditor(key) {
    const group = findGroup(key);
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
    const key = byId("new-group-key").value;
    const group = {
        key,
        name: byId("new-group-name").value,
        description: byId("new-group-description").value,
        permissions: ticked(byId("new-group-permissions")),
        subgroups: ticked(byId("new-group-subgroups")),
        default: byId("new-group-default").checked
    };
    act("Add group " + key, (access) => access.groups.add(group), {
        button: event.submitter,
        update: (response) => {
            byId("add-group-form").reset();
            renderChecks(byId("new-group-permissions"), permissionItems(), []);
            renderChecks(byId("new-group-subgroups"), groupItems(), []);
            setGroups(response.groups);
        },
        done: "Added group " + key
    });
}

function saveGroup(event) {
    event.preventDefault();
    const key = state.group.key;
    const group = {
        key,
        description: byId("group-description").value,
        permissions: ticked(byId("group-permissions")),
        subgroups: ticked(byId("group-subgroups")),
        default: byId("group-default").checked
    };
    act("Save group " + key, (access) => access.groups.update(group), {
        button: event.submitter,
        update: (response) => setGroups(response.groups),
        done: "Saved group " + key
    });
}

function deleteGroup(group, button) {
    if (!confirm('Delete group "' + group.key + '"?')) return;
    act("Delete group " + group.key, (access) => access.groups.delete(group.key), {
        button,
        update: (response) => setGroups(response.groups),
        done: "Deleted group " + group.key,
        next: () => membersChanged() // its members lost it
    });
}

/**
 * Wires the group forms. `onMembersChanged` runs after a group was deleted, whose members
 * lost it (the users' list reloads).
 */
export function wireGroups({onMembersChanged}) {
    membersChanged = onMembersChanged;
    byId("add-group-form").addEventListener("submit", addGroup);
    byId("group-form").addEventListener("submit", saveGroup);
    byId("group-close").addEventListener("click", closeGroupEditor);
}
