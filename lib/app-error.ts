// The one error type with a status. Anything thrown as an AppError reaches the learner as its message
// with that status (lib/http.ts maps it once); anything else is a bug and stays a 500.
export class AppError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
