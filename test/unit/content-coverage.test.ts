import assert from "node:assert/strict";
import { test } from "node:test";
import { versionClaims } from "../../lib/content/claims";
import { coverageIssues, significantTerms } from "../../lib/content/validate";

const q = (over: Partial<Parameters<typeof coverageIssues>[0]["questions"][number]> = {}) => ({
  id: "q",
  file: "content/questions/kafka-messaging/q.md",
  open: false,
  questionText: "What happens when a Kafka consumer group has more consumers than partitions?",
  keyPoints: ["Each partition goes to at most one consumer in a group", "Idle consumers act as hot standbys after a failure"],
  chapter: "kafka#consumer-groups",
  ...over,
});
const answer = "Within a group each partition is assigned to exactly one consumer, so extra consumers get no partitions and sit idle.";
const section = { title: "Consumer groups", text: "A consumer group shares the partitions of a topic: each partition is read by one consumer of the group." };
const run = (question = q()) =>
  coverageIssues({ questions: [question], answers: new Map([["q", answer]]), sections: new Map([["kafka#consumer-groups", section], ["kafka#brokers", { title: "Brokers", text: "Brokers store log segments on disk and replicate them." }]]), lineOf: () => 7 });

test("a key point the answer never says is flagged with its missing terms; one it says is not", () => {
  const { keyPoints } = run();
  assert.equal(keyPoints.length, 1);
  assert.match(keyPoints[0].message, /Key point 2 .*missing: .*standby/);
});

test("skipChecks switches the check off for one point or for the link", () => {
  assert.equal(run(q({ skipChecks: [{ check: "key-points", point: 2, reason: "said with other words" }] })).keyPoints.length, 0);
  assert.equal(run(q({ chapter: "kafka#brokers" })).links.length, 1);
  assert.equal(run(q({ chapter: "kafka#brokers", skipChecks: [{ check: "link", reason: "the section is the best we have" }] })).links.length, 0);
  assert.equal(run().links.length, 0);
});

test("terms are stemmed lightly and stop words dropped", () => {
  assert.deepEqual(significantTerms("The partitions are partitioned by key"), ["partition", "key"]);
  assert.ok(significantTerms("Kafka 4.2 share groups").includes("4.2"));
});

test("version claims without a version are warned about; dated ones are not", () => {
  const body = "Kafka now supports queues.\nShare groups are production-ready since Kafka 4.2.\n```\nkafka now\n```\n";
  const w = versionClaims("f.md", body, 10);
  assert.equal(w.length, 1);
  assert.equal(w[0].line, 10);
});

// Phrases where "new version", "no longer", "beginning" or "recently" describe data or jobs, not a product change.
test("version claims: ordinary uses of the time words about data and jobs are not warned about", () => {
  const sentences = [
    "Reprocessing replays the Kafka log through a new version of the job, then switches consumers.",
    "Stop the Flink job with a savepoint, then start the new version from that savepoint.",
    "The compacted Kafka topic always holds the latest version of every customer.",
    "Postgres rejects a double update; deduplicate the batch first (keep the latest version).",
    "Write to a new table or a new version (a branch in an Iceberg setup) rather than overwriting live data.",
    "The fix went into the Spark batch job only; numbers for today and yesterday no longer match.",
    "Restart the Flink job and replay the log from the beginning into a fresh view.",
    "Run Iceberg compaction for recently closed partitions.",
  ];
  for (const s of sentences) assert.deepEqual(versionClaims("f.md", s, 1), [], s);
});

test("version claims: real product-change claims still warn", () => {
  const sentences = [
    "Kafka now supports queues.",
    "Airflow no longer supports SubDAGs.",
    "Spark recently added a new join strategy.",
    "Share groups were recently added to Kafka.",
    "Newer versions of Spark enable adaptive execution by default.",
    "Dagster's latest release renames software-defined assets.",
    "In the latest release, Airflow runs tasks through the Task SDK.",
    "Beginning with the next release, Flink drops the old source API.",
    "Snowflake dynamic tables are GA.",
  ];
  for (const s of sentences) assert.equal(versionClaims("f.md", s, 1).length, 1, s);
  assert.deepEqual(versionClaims("f.md", "Airflow no longer supports SubDAGs since Airflow 3.0.", 1), []);
});
