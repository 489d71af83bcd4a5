/** An error the API reports to the client as is: 400 for a bad request, 404 for something unknown. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, field?: string) => new ApiError(400, message, field);
export const notFound = (message: string, field?: string) => new ApiError(404, message, field);
