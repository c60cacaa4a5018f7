// The fleet's servers, as the fleet server lists them (GET fleet/servers): each one's name,
// address, version and whether it answers. Relative URLs: the page is at the server's root.

/** The base URL of server `name`'s OctoPrint API and client scripts, through the fleet. */
export function baseurlOf(name) {
    return "fleet/" + name + "/";
}

/**
 * Resolves to [{name, url, emulated, version, reachable, error}], in the fleet file's order.
 * Rejects with an Error whose `status` is the answer's (401: this browser is not signed in;
 * 0: no answer).
 */
export function fetchServers() {
    return fetch("fleet/servers", {headers: {Accept: "application/json"}}).then(
        (response) => {
            if (response.ok) return response.json();
            return response
                .json()
                .catch(() => ({}))
                .then((body) => {
                    throw Object.assign(
                        new Error(
                            body.error || response.status + " " + response.statusText
                        ),
                        {status: response.status}
                    );
                });
        },
        () => {
            throw Object.assign(new Error("no answer from the fleet server"), {
                status: 0
            });
        }
    );
}
