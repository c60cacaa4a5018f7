QUnit.module("example");
