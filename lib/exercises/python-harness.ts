// The Python test runner, as source text: the browser worker and the Node check both run it in
// Pyodide, so a learner's function is graded exactly as the reference was verified.
// Each top-level statement of the tests block is run in order in the learner's namespace; every
// `assert` is a test case. For `assert a == b` a failure shows both sides' values.

export const PYTHON_HARNESS = String.raw`
import ast, io, json, sys, traceback

def __run_exercise(learner_src, tests_src, fn_name, max_output=4000):
    out = io.StringIO()
    old_out, old_err = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = out
    cases = []
    error = None
    ns = {"__name__": "exercise"}
    try:
        try:
            exec(compile(learner_src, "<your code>", "exec"), ns)
        except BaseException as e:
            error = "Your code raised while loading: " + "".join(traceback.format_exception_only(type(e), e)).strip()
            return json.dumps({"cases": [], "error": error, "output": out.getvalue()[:max_output]})
        if not callable(ns.get(fn_name)):
            return json.dumps({"cases": [], "error": "Define a function named " + fn_name + "; the tests call it.", "output": out.getvalue()[:max_output]})
        tree = ast.parse(tests_src)
        for stmt in tree.body:
            src = ast.get_source_segment(tests_src, stmt) or ""
            if not isinstance(stmt, ast.Assert):
                try:
                    exec(compile(ast.Module([stmt], []), "<tests>", "exec"), ns)
                except BaseException as e:
                    cases.append({"line": stmt.lineno, "source": src, "ok": False, "message": "setup failed: " + "".join(traceback.format_exception_only(type(e), e)).strip()})
                continue
            case = {"line": stmt.lineno, "source": src, "ok": True, "message": ""}
            try:
                t = stmt.test
                if isinstance(t, ast.Compare) and len(t.ops) == 1 and isinstance(t.ops[0], ast.Eq):
                    got = eval(compile(ast.Expression(t.left), "<tests>", "eval"), ns)
                    want = eval(compile(ast.Expression(t.comparators[0]), "<tests>", "eval"), ns)
                    if got != want:
                        case["ok"] = False
                        case["message"] = "got      " + repr(got)[:500] + "\nexpected " + repr(want)[:500]
                else:
                    exec(compile(ast.Module([stmt], []), "<tests>", "exec"), ns)
            except AssertionError as e:
                case["ok"] = False
                case["message"] = str(e) or "the assertion is false"
            except BaseException as e:
                case["ok"] = False
                tb = traceback.extract_tb(e.__traceback__)
                where = next((f"line {f.lineno} of your code" for f in reversed(tb) if f.filename == "<your code>"), "")
                case["message"] = "raised " + "".join(traceback.format_exception_only(type(e), e)).strip() + (" (" + where + ")" if where else "")
            cases.append(case)
    finally:
        sys.stdout, sys.stderr = old_out, old_err
    return json.dumps({"cases": cases, "error": error, "output": out.getvalue()[:max_output]})
`;

export interface PythonCase {
  line: number;
  source: string;
  ok: boolean;
  message: string;
}
export interface PythonRun {
  cases: PythonCase[];
  error: string | null;
  output: string;
}

/** The Python expression that runs one exercise; inputs travel as JSON string literals. */
export function pythonCall(learnerSrc: string, testsSrc: string, fn: string): string {
  return `__run_exercise(${JSON.stringify(learnerSrc)}, ${JSON.stringify(testsSrc)}, ${JSON.stringify(fn)})`;
}

export function pythonPassed(run: PythonRun): boolean {
  return !run.error && run.cases.length > 0 && run.cases.every((c) => c.ok);
}
