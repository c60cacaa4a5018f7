// The permissions table, and permissions as checkboxes for the user and group forms.
import {byId, el} from "./dom.js";
import {state} from "./state.js";

export function setPermissions(permissions) {
    state.permissions = permissions;
    byId("permission-list").replaceChildren(
        ...permissions.map((p) =>
            el(
                "tr",
                {className: p.dangerous ? "dangerous" : ""},
                el("td", {}, el("code", {textContent: p.key})),
                el("td", {textContent: p.name}),
                el("td", {textContent: p.dangerous ? "yes ⚠" : "no"}),
                el("td", {textContent: p.description})
            )
        )
    );
}

/** The permissions as items for renderChecks(). */
export function permissionItems() {
    return state.permissions.map((p) => ({
        key: p.key,
        label: p.name + (p.dangerous ? " ⚠" : ""),
        title: p.key + ": " + p.description
    }));
}
