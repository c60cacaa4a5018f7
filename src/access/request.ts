import type {RequestOptions} from "./host";

/**
 * A copy of the caller's options: the base client writes `opts.url` into the object it is
 * given. No options, no copy (and no allocation).
 */
export function copy(opts?: RequestOptions): RequestOptions | undefined {
    return opts && {...opts};
}
