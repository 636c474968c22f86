import assert from "node:assert/strict";
import { test } from "node:test";
import { stackEntries, toolName } from "../../lib/blueprint";

test("stack entries split only at top-level commas", () => {
  assert.deepEqual(stackEntries(["Apache Kafka (immutable event log", "source of truth)"]), ["Apache Kafka (immutable event log, source of truth)"]);
  assert.deepEqual(
    stackEntries(["Vendor feeds (XML files", "relational extracts", "streaming prices)", "Unstructured documents"]),
    ["Vendor feeds (XML files, relational extracts, streaming prices)", "Unstructured documents"],
  );
  assert.deepEqual(stackEntries(["Apache Spark", "Presto"]), ["Apache Spark", "Presto"]);
  // An unclosed bracket keeps the rest together rather than dropping it.
  assert.deepEqual(stackEntries(["A (b", "c"]), ["A (b, c"]);
});

test("tool names drop the trailing remark", () => {
  assert.equal(toolName("Apache Kafka (immutable event log, source of truth)"), "Apache Kafka");
  assert.equal(toolName("Amazon EMR (Apache Spark)"), "Amazon EMR");
  assert.equal(toolName("Presto"), "Presto");
});
