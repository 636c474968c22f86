"use client";
import { useEffect, useRef } from "react";
import type { Rating } from "@/lib/quiz/enums";

export interface QuizKeyHandlers {
  /** Space or Enter while the question shows (and no control has focus). */
  reveal?: () => void;
  /** 1–4 while the answer shows; Space or Enter gives `accept` (the proposed grade, or Good). */
  grade?: (r: Rating) => void;
  accept?: Rating;
  undo?: () => void;
  bury?: () => void;
  suspend?: () => void;
  flag?: () => void;
}

const CONTROLS = "a[href], button, input, select, textarea, summary, [contenteditable=''], [contenteditable='true'], [role=button], [role=checkbox], [role=link]";

/** A focused element that Enter or Space already means something to. */
export function isControl(el: EventTarget | null): boolean {
  return el instanceof Element && el.closest(CONTROLS) !== null;
}

function isTextEntry(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el.tagName === "TEXTAREA" || el.tagName === "SELECT") return true;
  return el.tagName === "INPUT" && !["checkbox", "radio", "button", "submit", "reset"].includes((el as HTMLInputElement).type);
}

/**
 * The quiz's keyboard shortcuts. They never override a focused control: Enter and Space on a focused
 * button, link, checkbox or field do what that control does (Tab to "Again" + Enter grades Again), and
 * no letter or digit shortcut fires while the learner is typing. Handlers are read from a ref, so the
 * listener is attached once.
 */
export function useQuizKeys(handlers: QuizKeyHandlers) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const h = ref.current;
      if (e.altKey || e.defaultPrevented) return;
      const typing = isTextEntry(e.target);
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z" && !typing && h.undo) {
        e.preventDefault();
        h.undo();
        return;
      }
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter" && h.reveal) {
        e.preventDefault();
        h.reveal();
        return;
      }
      if (typing || e.ctrlKey || e.metaKey) return;
      const activate = e.key === " " || e.key === "Enter";
      if (activate && isControl(e.target)) return;
      const run = (fn?: () => void) => {
        if (!fn) return;
        e.preventDefault();
        fn();
      };
      if (e.key === "u" || e.key === "U") run(h.undo);
      else if (e.key === "-") run(h.bury);
      else if (e.key === "@") run(h.suspend);
      else if (e.key === "f" || e.key === "F") run(h.flag);
      else if (activate && h.reveal) run(h.reveal);
      else if (h.grade && ["1", "2", "3", "4"].includes(e.key)) run(() => h.grade!(Number(e.key) as Rating));
      else if (activate && h.grade) run(() => h.grade!(h.accept ?? 3));
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
