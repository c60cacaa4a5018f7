import type {RequestOptions} from "./host";

/**
 * A copy of the caller's options: the base client writes `opts.url` into the object it is
 * given. No options, no copy (and no allocation).
 */
export function copy(opts?: RequestOptions): RequestOptions | undefined {
    return opts && {...opts};
}

/**
 * Puts `value` into `body` when the caller gave it (neither `undefined` nor `null`). OctoPrint's
 * own client sends the others as `null`, which its server answers with 500 or by resetting the
 * member (a group's `default` flag, its description).
 */
export function given<T, K extends keyof T>(
    body: T,
    key: K,
    value: T[K] | null | undefined
) {
    if (value != null) body[key] = value;
}
