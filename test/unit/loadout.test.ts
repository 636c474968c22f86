import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CaseStudy, Question } from "../../lib/content/index";
import { computeLoadout } from "../../lib/quiz/loadout";

const q = (id: string, text: string, extra: Partial<Question> = {}) =>
  ({ id, questionText: text, tags: [], companies: [], keyPoints: ["a point"], answerHtml: "<p>answer</p>", ...extra }) as unknown as Question;

const cs = { id: "acme", questions: ["acme-design"], stack: { ingest: ["Apache Kafka (MSK)"], store: ["Snowflake"] } } as unknown as CaseStudy;

describe("company loadout", () => {
  it("is the case study's questions plus questions naming a stack tool, by id, independent of input order", () => {
    const questions = [
      q("acme-design", "Design Acme's pipeline", { companies: ["acme"] }),
      q("kafka-b", "How do Kafka consumer groups rebalance?"),
      q("kafka-a", "What is a Kafka partition?"),
      q("snow", "Why is it fast?", { tags: ["snowflake"] }),
      q("kafkaesque", "Is this kafkaesque?"),
      q("other-co", "Kafka at another company", { companies: ["globex"] }),
    ];
    const ids = computeLoadout({ questions }, cs);
    assert.deepEqual(ids, ["acme-design", "kafka-a", "kafka-b", "snow"]);
    assert.deepEqual(computeLoadout({ questions: [...questions].reverse() }, cs), ids);
  });
});
