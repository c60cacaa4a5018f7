// A plugin's view model, cut down: it lists OctoPrint's users and says so when a name is taken.
function UsersPanel(client) {
    var self = this;
    self.users = [];
    self.error = "";

    var show = function (response) {
        self.users = response.users.map(function (user) {
            return user.name;
        });
    };

    self.refresh = function () {
        return client.access.users.list().done(show);
    };

    self.add = function (name, password) {
        self.error = "";
        return client.access.users
            .add({name: name, password: password, active: true})
            .done(show)
            .fail(function (jqXHR) {
                self.error =
                    jqXHR.status === 409
                        ? 'There is a user "' + name + '" already.'
                        : "Could not add " + name + ": " + jqXHR.status;
            });
    };
}
