// npm run report:lapses [-- --min 5 --limit 20 --json]: the questions learners forget most, for contributors.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { databaseProvider, sqliteFile } from "../lib/db/provider";
import { createDb } from "../lib/db/client";
import { lapseReport } from "../lib/quiz/lapses";

const { values } = parseArgs({ options: { min: { type: "string", default: "5" }, limit: { type: "string", default: "20" }, json: { type: "boolean", default: false } } });
if (databaseProvider() === "sqlite" && !fs.existsSync(sqliteFile())) {
  console.error(`No database at ${sqliteFile()}. Run \`npm run db:migrate\` (or \`npm start\`) first.`);
  process.exit(1);
}
const db = createDb();
try {
  const rows = await lapseReport(db, { minReviews: Number(values.min), limit: Number(values.limit) });
  if (values.json) console.log(JSON.stringify(rows));
  else if (!rows.length) console.log(`No question has ${values.min} or more reviews of learned cards yet.`);
  else {
    console.log("lapse rate  lapses/reviews  learners  leeches  question");
    for (const r of rows) console.log(`${(r.lapseRate * 100).toFixed(0).padStart(9)}%  ${`${r.lapses}/${r.reviews}`.padStart(14)}  ${String(r.learners).padStart(8)}  ${String(r.leeches).padStart(7)}  ${r.questionId}`);
    console.log("\nA high lapse rate means learners keep forgetting the answer: check its wording, length and key points (leeches: learners who forgot it up to their leech threshold) (content/questions/<topic>/<id>.md).");
  }
} finally {
  await db.$disconnect();
}
