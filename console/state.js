/*
 * What the console knows: the client it talks through, and the server's records as last
 * listed. Every module reads and updates this one object.
 */
export const state = {
    client: null,
    apikey: "",
    hostFrom: null, // the base URL OctoPrint's client was loaded from
    me: null, // the user whose API key this console uses, if any
    permissions: [],
    groups: [],
    users: [],
    user: null, // the user in the editor
    group: null // the group in the editor
};
