QUnit.module("fake");
