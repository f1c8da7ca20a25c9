/** An error whose message is meant for the user (Chinese), optionally naming the field at fault. */
export class UserError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message)
    this.name = 'UserError'
  }
}
