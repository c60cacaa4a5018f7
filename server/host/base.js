/*
 * A stand-in for OctoPrint's base client (static/js/app/client/base.js), written from the
 * behaviour its documentation describes: the host the access component plugs into, for tests
 * and for the console's embedded server. Not shipped. It keeps the real host's flaw that
 * matters here: ajax() writes opts.url into the very opts object it is given.
 */
(function (global, factory) {
    if (typeof define === "function" && define.amd) {
        define("OctoPrintClient", ["jquery"], factory);
    } else {
        global.OctoPrintClient = factory(global.jQuery);
        global.OctoPrint = new global.OctoPrintClient();
    }
})(this, function ($) {
    "use strict";

    var OctoPrintClient = function (options) {
        this.options = options || {
            baseurl: undefined,
            apikey: undefined,
            locale: undefined
        };
        this.components = {};
    };

    // A lazy, non-configurable getter per component: registering a name twice throws a
    // TypeError, as the real host does.
    OctoPrintClient.registerComponent = function (name, component) {
        Object.defineProperty(OctoPrintClient.prototype, name, {
            get: function () {
                if (this.components[name] === undefined) {
                    this.components[name] = new component(this);
                }
                return this.components[name];
            },
            enumerable: false,
            configurable: false
        });
    };

    var InvalidArgumentError = function (message) {
        this.name = "InvalidArgumentError";
        this.message = message;
        this.stack = new Error(message).stack;
    };
    InvalidArgumentError.prototype = Object.create(Error.prototype);
    InvalidArgumentError.prototype.constructor = InvalidArgumentError;
    OctoPrintClient.InvalidArgumentError = InvalidArgumentError;

    // OctoPrint 1.4 and later: `fn` wrapped so that every call first logs one console.warn
    // line naming the deprecated function and its replacement.
    OctoPrintClient.deprecated = function (deprecatedFct, newFct, fn) {
        var message =
            deprecatedFct +
            " is deprecated, please use the new " +
            newFct +
            " function instead";
        return function () {
            console.warn(message);
            return fn.apply(this, arguments);
        };
    };

    OctoPrintClient.prototype.getBaseUrl = function () {
        var url = this.options.baseurl || "";
        return url.slice(-1) === "/" ? url : url + "/";
    };

    OctoPrintClient.prototype.getCookie = function (name) {
        var match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
        return match ? decodeURIComponent(match[1]) : undefined;
    };

    OctoPrintClient.prototype.getRequestHeaders = function (method, additional, opts) {
        var headers = $.extend({}, additional || {});
        if (this.options.apikey) {
            headers["X-Api-Key"] = this.options.apikey;
        } else if (
            ["GET", "HEAD", "OPTIONS"].indexOf(method.toUpperCase()) < 0 &&
            !(opts && opts.crossDomain)
        ) {
            var token = this.getCookie("csrf_token");
            if (token !== undefined) headers["X-CSRF-Token"] = token;
        }
        if (this.options.locale !== undefined) {
            headers["X-Locale"] = this.options.locale;
        }
        return headers;
    };

    OctoPrintClient.prototype.ajax = function (method, url, opts) {
        opts = opts || {};
        method = opts.method || method || "GET";
        url = opts.url || url || "";
        if (!/^https?:\/\//.test(url)) url = this.getBaseUrl() + url;

        opts.url = url; // the real host's flaw: the caller's object is changed

        var params = $.extend({}, opts);
        params.type = method;
        params.headers = this.getRequestHeaders(method, opts.headers, opts);
        params.dataType = opts.dataType || "json";
        return $.ajax(url, params);
    };

    OctoPrintClient.prototype.ajaxWithData = function (method, url, data, opts) {
        var params = $.extend({}, opts);
        params.data = data;
        params.headers = $.extend({}, params.headers, {"Cache-Control": "no-cache"});
        return this.ajax(method, url, params);
    };

    // JSON bodies: every undefined travels as null, a top-level undefined included.
    var toJson = function (data) {
        return JSON.stringify(data, function (key, value) {
            return value === undefined ? null : value;
        });
    };

    var jsonMethod = function (method) {
        return function (url, data, opts) {
            var params = $.extend({}, opts);
            params.contentType = "application/json; charset=UTF-8";
            return this.ajaxWithData(method, url, toJson(data), params);
        };
    };

    OctoPrintClient.prototype.get = function (url, opts) {
        return this.ajax("GET", url, opts);
    };
    OctoPrintClient.prototype.delete = function (url, opts) {
        return this.ajax("DELETE", url, opts);
    };
    OctoPrintClient.prototype.post = function (url, data, opts) {
        return this.ajaxWithData("POST", url, data, opts);
    };
    OctoPrintClient.prototype.put = function (url, data, opts) {
        return this.ajaxWithData("PUT", url, data, opts);
    };
    OctoPrintClient.prototype.patch = function (url, data, opts) {
        return this.ajaxWithData("PATCH", url, data, opts);
    };
    OctoPrintClient.prototype.postJson = jsonMethod("POST");
    OctoPrintClient.prototype.putJson = jsonMethod("PUT");
    OctoPrintClient.prototype.patchJson = jsonMethod("PATCH");

    return OctoPrintClient;
});
