"use client";

import { useEffect, useRef } from "react";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { PostgreSQL, sql } from "@codemirror/lang-sql";
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers, placeholder } from "@codemirror/view";

// CodeMirror 6 with SQL (PostgreSQL) or Python highlighting. Mod-Enter runs; Tab indents, and
// Escape then Tab leaves the editor (CodeMirror's documented escape hatch), so the page stays
// keyboard operable.

export function CodeEditor({
  language,
  initial,
  onChange,
  onRun,
  label,
}: {
  language: "sql" | "python";
  initial: string;
  onChange: (code: string) => void;
  onRun: () => void;
  label: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onChange, onRun });
  handlers.current = { onChange, onRun };

  useEffect(() => {
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: initial,
        extensions: [
          lineNumbers(),
          history(),
          indentOnInput(),
          bracketMatching(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          language === "sql" ? sql({ dialect: PostgreSQL }) : python(),
          placeholder(language === "sql" ? "SELECT …" : "def …"),
          keymap.of([
            { key: "Mod-Enter", preventDefault: true, run: () => (handlers.current.onRun(), true) },
            ...defaultKeymap,
            ...historyKeymap,
            indentWithTab,
          ]),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) handlers.current.onChange(u.state.doc.toString());
          }),
          EditorView.contentAttributes.of({ "aria-label": label, "data-testid": "code-editor" }),
        ],
      }),
    });
    return () => view.destroy();
    // The editor owns its text after mount; `initial` only seeds it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language]);

  return <div ref={host} className="code-editor" />;
}
