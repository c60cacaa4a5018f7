// A plugin's view model, cut down: it deletes users. OctoPrint 1.10+ refuses that to a session
// whose password was not checked recently (403 "Please reauthenticate with your credentials");
// then it asks for the password, logs in again and tries once more.
function UserRemover(client, username, askPassword) {
    var self = this;
    self.error = "";

    var mustReauthenticate = function (jqXHR) {
        return (
            jqXHR.status === 403 &&
            !!jqXHR.responseJSON &&
            jqXHR.responseJSON.error === "Please reauthenticate with your credentials"
        );
    };

    self.remove = function (name) {
        self.error = "";
        var remove = function () {
            return client.access.users.delete(name);
        };
        return remove()
            .catch(function (jqXHR) {
                if (!mustReauthenticate(jqXHR)) throw jqXHR;
                return askPassword().then(function (password) {
                    // What OctoPrint.browser.login(username, password) sends.
                    return client
                        .postJson("api/login", {user: username, pass: password})
                        .then(remove);
                });
            })
            .catch(function (jqXHR) {
                self.error = "Could not delete " + name + ": " + jqXHR.status;
                throw jqXHR;
            });
    };
}
