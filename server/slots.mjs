// Bounded load: a number of slots, handed out in the order they were asked for (FIFO).

/**
 * `limit` slots. take(signal) resolves to release() (which gives the slot back; calling it
 * again does nothing) once a slot is free, or rejects with signal.reason when the signal aborts
 * first, leaving the queue. `used` and `waiting` count the slots taken and the callers queued.
 */
export function createSlots(limit) {
    let used = 0;
    const waiting = []; // grant functions, oldest first

    function next() {
        while (used < limit && waiting.length) {
            used += 1;
            waiting.shift()();
        }
    }

    function take(signal) {
        return new Promise((resolve, reject) => {
            if (signal?.aborted) {
                reject(signal.reason);
                return;
            }
            const abort = () => {
                const at = waiting.indexOf(grant);
                if (at >= 0) waiting.splice(at, 1);
                reject(signal.reason);
            };
            function grant() {
                signal?.removeEventListener("abort", abort);
                let given = false;
                resolve(() => {
                    if (given) return;
                    given = true;
                    used -= 1;
                    next();
                });
            }
            signal?.addEventListener("abort", abort, {once: true});
            waiting.push(grant);
            next();
        });
    }

    return {
        take,
        get used() {
            return used;
        },
        get waiting() {
            return waiting.length;
        }
    };
}
