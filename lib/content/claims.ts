import type { ContentIssue } from "./issues";

// Version claims: a sentence that says something is new, recent, deprecated, GA... about a fast-moving
// product must name the version (or date) it depends on. A heuristic, so its findings are warnings.

const PRODUCT_NAMES =
  "kafka|flink|spark|airflow|dbt|iceberg|delta lake|hudi|kubernetes|terraform|snowflake|bigquery|redshift|databricks|trino|postgres(?:ql)?|python|pandas|polars|duckdb|dagster|prefect|kinesis|pulsar|cassandra|elasticsearch|clickhouse";
const PRODUCTS = new RegExp(`\\b(${PRODUCT_NAMES})\\b`, "i");

// "new/latest version" is usually about data or a job ("a new version of the job", "the latest version of
// every customer"), so it counts only when tied to a product ("newer versions of Spark", "Spark's latest
// release", "newer Spark versions") or used as "in the latest release" without an "of ..." naming something else.
const FRESH = "(?:latest|recent|newer|modern|new)";
const RELEASE = "(?:versions?|releases?)";
const PRODUCT_VERSION = [
  `${FRESH} ${RELEASE} of (?:the )?(?:${PRODUCT_NAMES})`,
  `(?:${PRODUCT_NAMES})(?:'s)? ${FRESH} ${RELEASE}`,
  `${FRESH} (?:${PRODUCT_NAMES}) ${RELEASE}`,
  `in (?:the |a |its )?${FRESH} ${RELEASE}\\b(?! of)`,
].join("|");
// "recently" after a preposition or determiner describes data ("for recently closed partitions"), not a change.
const RECENTLY = "(?<!\\b(?:for|the|of|on|to|with|from|over|across|a|an|any|all|these|those|its|their) )recently";
// "no longer" followed by a comparison verb is about results drifting apart ("the numbers no longer match").
const NO_LONGER = "no longer(?! (?:match|matches|agree|agrees|line up|lines up|add up|adds up|reconcile|reconciles)\\b)";
// "beginning" dates a change only as "beginning with/in ..."; "from the beginning" is a position in a log.
const TIME_WORDS = new RegExp(
  `\\b(${RECENTLY}|newly|new in|added in|introduced|deprecated|removed in|${NO_LONGER}|generally available|in preview|experimental|as of|nowadays|currently|${PRODUCT_VERSION}|now (?:supports?|has|offers?|defaults?|uses?|ships?|includes?|allows?)|began|beginning (?:with|in)|starting with)\\b`,
  "i",
);
const GA = /\bGA\b/;
const VERSIONISH = /\b(v?\d+(?:\.\d+)+|\d{4}|KIP-\d+|FLIP-\d+|SPARK-\d+|AIP-\d+|Python 3\.\d+|[0-9]+\.x)\b/i;

/** One warning per sentence that makes a time-relative claim about a product without a version or year. */
export function versionClaims(file: string, body: string, bodyLine: number): ContentIssue[] {
  const out: ContentIssue[] = [];
  let inFence = false;
  body.split("\n").forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) return;
    for (const sentence of line.split(/(?<=[.!?])\s+/)) {
      const product = sentence.match(PRODUCTS);
      const when = sentence.match(TIME_WORDS) ?? sentence.match(GA);
      if (product && when && !VERSIONISH.test(sentence)) {
        out.push({ file, line: bodyLine + i, message: `"${when[0]}" about ${product[0]} without a version: name the version or year the claim depends on (e.g. "since Kafka 4.0").` });
      }
    }
  });
  return out;
}
