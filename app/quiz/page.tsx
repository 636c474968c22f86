import Link from "next/link";
import type { Metadata } from "next";
import { pageMeta } from "@/lib/site";
import { DIFFICULTIES, getCaseStudies, getChapters, getTopics } from "@/lib/content/index";
import { QuizSession } from "@/components/quiz/quiz-session";
import { viewerQuiz } from "@/lib/quiz/current";
import { deckCardIds, deckString, deckTitle } from "@/lib/quiz/decks";

export const metadata: Metadata = pageMeta("/quiz", "Quiz", "Spaced-repetition quiz: reveal the answer, grade yourself, and FSRS schedules the next review.");
export const dynamic = "force-dynamic";

const SIZES = [5, 10, 20, 50] as const;

type Search = { deck?: string; size?: string; mode?: string; practice?: string };

export default async function QuizPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const deck = deckString.safeParse(sp.deck ?? "");
  const size = SIZES.find((s) => String(s) === sp.size) ?? 20;
  const mode = sp.mode === "type" ? "type" : "flip";
  const practice = sp.practice === "1";
  if (deck.success) {
    const title = `${deckTitle(deck.data)}${practice ? " (practice)" : ""}`;
    return (
      <>
        <p className="breadcrumbs" style={{ maxWidth: 760, margin: "0 auto" }}>
          <Link href="/quiz">Quiz</Link> › {title}
        </p>
        <h1 style={{ maxWidth: 760, margin: "0.5rem auto" }}>{title}</h1>
        <QuizSession key={`${deck.data}-${mode}-${practice}`} deck={deck.data} deckTitle={title} limit={size} mode={mode} practice={practice} />
      </>
    );
  }
  const topics = getTopics();
  const chapters = getChapters().filter((c) => deckCardIds(`chapter:${c.id}`).length > 0);
  const decks = [
    "all",
    "flagged",
    "interview",
    ...getCaseStudies().map((c) => `loadout:${c.id}`),
    ...topics.map((t) => `topic:${t.id}`),
    ...DIFFICULTIES.map((d) => `difficulty:${d}`),
    ...chapters.map((c) => `chapter:${c.id}`),
  ];
  const counts = await (await viewerQuiz()).deckCounts(decks);
  // "12 questions · 3 due · 9 new": what Start will show, before pressing it.
  const label = (deck: string, name: string) => {
    const c = counts[deck];
    return c ? `${name} (${c.total} · ${c.due} due · ${c.new} new)` : name;
  };
  return (
    <>
      <h1>Quiz</h1>
      <p className="lead">
        Pick a deck. Cards that are due come first, then new ones up to your daily limit. Topic, chapter and company decks also hold the coding exercises
        linked to them: you solve those right here, in the browser, and the result proposes the grade.
      </p>
      {sp.deck !== undefined && (
        <p className="alert" role="alert">
          Unknown deck “{sp.deck}”. Choose one below.
        </p>
      )}
      <form className="filters" action="/quiz">
        <label>
          Deck
          <select name="deck" defaultValue="all">
            <option value="all">{label("all", "All questions")}</option>
            <option value="flagged">{label("flagged", "Flagged questions")}</option>
            <option value="interview">{label("interview", "Interview prep (set a date in Progress)")}</option>
            <optgroup label="Company loadout (case study + its stack + its exercises)">
              {getCaseStudies().map((c) => (
                <option key={c.id} value={`loadout:${c.id}`}>
                  {label(`loadout:${c.id}`, c.company)}
                </option>
              ))}
            </optgroup>
            <optgroup label="By topic">
              {topics.map((t) => (
                <option key={t.id} value={`topic:${t.id}`}>
                  {label(`topic:${t.id}`, t.title)}
                </option>
              ))}
            </optgroup>
            <optgroup label="By difficulty">
              {DIFFICULTIES.map((d) => (
                <option key={d} value={`difficulty:${d}`}>
                  {label(`difficulty:${d}`, d)}
                </option>
              ))}
            </optgroup>
            <optgroup label="By chapter">
              {chapters.map((c) => (
                <option key={c.id} value={`chapter:${c.id}`}>
                  {label(`chapter:${c.id}`, c.title)}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label>
          Session size
          <select name="size" defaultValue="20">
            {SIZES.map((s) => (
              <option key={s} value={s}>
                {s} cards
              </option>
            ))}
          </select>
        </label>
        <label>
          Answer by
          <select name="mode" defaultValue="flip">
            <option value="flip">Recall, then flip</option>
            <option value="type">Typing, then ticking key points</option>
          </select>
        </label>
        <label className="inline-check">
          <input type="checkbox" name="practice" value="1" /> Practice (does not change your schedule)
        </label>
        <button className="button" type="submit">
          Start
        </button>
      </form>
      <p className="muted">
        Keys: <kbd>Space</kbd> show answer · <kbd>1</kbd>–<kbd>4</kbd> grade · <kbd>U</kbd> undo · <kbd>-</kbd> bury · <kbd>@</kbd> suspend · <kbd>F</kbd> flag. Enter and Space on a focused button or link press it. Want a
        timed round? Try a <Link href="/mock">mock interview</Link>.
      </p>
      <h2>Topics</h2>
      <div className="grid">
        {topics.map((t) => (
          <Link key={t.id} className="card" href={`/quiz?deck=topic:${t.id}`}>
            <h3>{t.title}</h3>
            <p className="muted">{t.description}</p>
            <p className="hit-meta">
              {counts[`topic:${t.id}`]?.total ?? 0} questions · {counts[`topic:${t.id}`]?.due ?? 0} due · {counts[`topic:${t.id}`]?.new ?? 0} new
            </p>
          </Link>
        ))}
      </div>
    </>
  );
}
