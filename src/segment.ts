import type {HostConstructor} from "./host";

let host: HostConstructor;

/** Sets the client whose `InvalidArgumentError` the component throws. */
export function useHost(client: HostConstructor): void {
    host = client;
}

/** Throws the host's own `InvalidArgumentError`, as OctoPrint's components do. */
export function invalid(message: string): never {
    throw new host.InvalidArgumentError(message);
}

// What encodeURIComponent leaves as it is: names of these characters need no encoding work.
const PLAIN = /^[\w!'()*.~-]+$/;

/**
 * The one rule for putting a user name or group key into a URL: required; a string; not `.` or
 * `..` (browsers collapse those segments, even encoded); encoded as exactly one segment.
 * `what` names the argument in the error ("user name", "group key").
 */
export function segment(value: unknown, what: string): string {
    if (!value) invalid(what + " must be set");
    if (typeof value == "string") {
        // The fast path: one regex test, no encoding work.
        if (PLAIN.test(value)) {
            if (value != "." && value != "..") return value;
        } else {
            try {
                return encodeURIComponent(value);
            } catch {
                // A lone surrogate has no UTF-8 form: refused below.
            }
        }
    }
    return invalid(`invalid ${what}: ${JSON.stringify(value)}`);
}
