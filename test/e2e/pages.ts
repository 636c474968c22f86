// One list of page types for the accessibility and layout tests, so a new page type is checked everywhere.
export const PAGES = [
  { name: "home", path: "/" },
  { name: "chapters", path: "/chapters" },
  { name: "chapter", path: "/chapters/kafka" },
  { name: "case studies", path: "/case-studies" },
  { name: "case study", path: "/case-studies/airbnb" },
  { name: "questions", path: "/questions" },
  { name: "question", path: "/questions/agile-ad-hoc-requests-during-sprint" },
  { name: "blueprint", path: "/blueprint" },
  { name: "glossary", path: "/glossary" },
  { name: "search", path: "/search?q=kafka" },
  { name: "stats", path: "/stats" },
  { name: "progress", path: "/progress" },
  { name: "link a device", path: "/link" },
  { name: "quiz", path: "/quiz" },
  { name: "mock", path: "/mock" },
  { name: "practice", path: "/practice" },
  { name: "practice sql exercise", path: "/practice/ex-customers-without-orders" },
  { name: "practice python exercise", path: "/practice/ex-py-merge-intervals" },
  { name: "404", path: "/no-such-page" },
] as const;

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  mobile: { width: 390, height: 844 },
} as const;
