export function DifficultyBadge({ level }: { level: string }) {
  return <span className={`badge ${level}`}>{level}</span>;
}
