import type { ContentIssue } from "./issues";

// Version claims: a sentence that says something is new, recent, deprecated, GA... about a fast-moving
// product must name the version (or date) it depends on. A heuristic, so its findings are warnings.

const PRODUCTS = /\b(kafka|flink|spark|airflow|dbt|iceberg|delta lake|hudi|kubernetes|terraform|snowflake|bigquery|redshift|databricks|trino|postgres(?:ql)?|python|pandas|polars|duckdb|dagster|prefect|kinesis|pulsar|cassandra|elasticsearch|clickhouse)\b/i;
// Phrases that assert when something changed. Plain "new" or "latest" (a new file, the latest row) are
// far more often ordinary adjectives, so only their "version/release" forms count.
const TIME_WORDS =
  /\b(recently|newly|new in|added in|introduced|deprecated|removed in|no longer|generally available|in preview|experimental|as of|nowadays|currently|(?:latest|recent|newer|modern|new) (?:versions?|releases?)|now (?:supports?|has|offers?|defaults?|uses?|ships?|includes?|allows?)|began|beginning|starting with)\b/i;
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
