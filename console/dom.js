// Small DOM helpers shared by every part of the page.

let pending = 0;

export function byId(id) {
    return document.getElementById(id);
}

/** An element with `props` set (`dataset` merged) and the non-null `children` appended. */
export function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props || {})) {
        if (name === "dataset") Object.assign(node.dataset, value);
        else node[name] = value;
    }
    for (const child of children) {
        if (child !== null && child !== undefined) node.append(child);
    }
    return node;
}

/** Shows `text` in the message bar; `kind` is "ok" or "error". */
export function say(text, kind) {
    const message = byId("message");
    message.textContent = text;
    message.className = "message " + kind;
    message.hidden = false;
}

/** Counts running requests (+1, -1); the busy indicator shows while any runs. */
export function busy(delta) {
    pending += delta;
    byId("busy").hidden = pending === 0;
    document.body.setAttribute("aria-busy", String(pending > 0));
}

export function list(keys) {
    return keys.length ? keys.join(", ") : "none";
}

/**
 * Fills a fieldset's checkboxes from `items` ({key, label, title}). Ticks `checked`, or, when
 * it is not given, keeps the ticks the person made.
 */
export function renderChecks(fieldset, items, checked) {
    const keep = new Set(checked || ticked(fieldset));
    fieldset.querySelector(".checks").replaceChildren(
        ...items.map((item) =>
            el(
                "label",
                {className: "check", title: item.title || ""},
                el("input", {
                    type: "checkbox",
                    value: item.key,
                    checked: keep.has(item.key)
                }),
                " " + item.label
            )
        )
    );
}

/** The values of a fieldset's ticked checkboxes, in page order. */
export function ticked(fieldset) {
    return Array.from(fieldset.querySelectorAll("input:checked"), (input) => input.value);
}
