// Runs every exercise's reference solutions (or only the files given) on PGlite / Pyodide and checks
// them: `npm run exercises:check -- content/exercises/joins/ex-foo.md`. Verified results are cached by
// content hash under generated/, so an unchanged exercise is not run again.
import { runExerciseCheckCli } from "../lib/exercises/check";
import { contentDirs, generatedDir } from "../lib/paths";

const files = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const noCache = process.argv.includes("--no-cache");
const ok = await runExerciseCheckCli({ roots: contentDirs(), files: files.length ? files : undefined, cacheDir: noCache ? null : generatedDir() });
process.exit(ok ? 0 : 1);
