import type {Host} from "./host";

/**
 * Throws the `InvalidArgumentError` of the client's own class (OctoPrintClient), as OctoPrint's
 * components do: each client's errors are its host's, with no state kept here.
 */
export function invalid(base: Host, message: string): never {
    throw new base.constructor.InvalidArgumentError(message);
}

// What encodeURIComponent leaves as it is: names of these characters need no encoding work.
const PLAIN = /^[\w!'()*.~-]+$/;

/**
 * The one rule for putting a user name or group key into a URL: required; a string; not `.` or
 * `..` (browsers collapse those segments, even encoded); encoded as exactly one segment.
 * `what` names the argument in the error ("user name", "group key"); `base` is the client.
 */
export function segment(base: Host, value: unknown, what: string): string {
    if (!value) invalid(base, what + " must be set");
    if (typeof value === "string") {
        // The fast path: one regex test, no encoding work.
        if (PLAIN.test(value)) {
            if (value !== "." && value !== "..") return value;
        } else {
            try {
                return encodeURIComponent(value);
            } catch {
                // A lone surrogate has no UTF-8 form: refused below.
            }
        }
    }
    return invalid(base, `invalid ${what}: ${JSON.stringify(value)}`);
}
