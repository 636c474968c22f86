import type { ContentIssue } from "./issues";

// Version claims: a sentence that says something is new, recent, deprecated, GA... about a fast-moving
// product must name the version (or date) it depends on. A heuristic, so its findings are warnings.

const PRODUCTS = /\b(kafka|flink|spark|airflow|dbt|iceberg|delta lake|hudi|kubernetes|terraform|snowflake|bigquery|redshift|databricks|trino|postgres(?:ql)?|python|pandas|polars|duckdb|dagster|prefect|kinesis|pulsar|cassandra|elasticsearch|clickhouse)\b/i;
const TIME_WORDS = /\b(new|newer|newest|recent(?:ly)?|now|latest|deprecated|removed|no longer|GA|generally available|preview|experimental|since|as of|modern|nowadays|today|currently|upcoming|introduced)\b/;
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
      const when = sentence.match(TIME_WORDS);
      if (product && when && !VERSIONISH.test(sentence)) {
        out.push({ file, line: bodyLine + i, message: `"${when[0]}" about ${product[0]} without a version: name the version or year the claim depends on (e.g. "since Kafka 4.0").` });
      }
    }
  });
  return out;
}
